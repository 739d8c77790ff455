import {
  idParamsSchema,
  providerStudentListQuerySchema,
  providerStudentListSchema,
  providerStudentSchema,
} from "@cairn/core";
import { type DbContext, getProviderStudent, listProviderStudents } from "@cairn/db";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireProvider } from "../auth/viewer-plugin";
import type { AppContext } from "../context";
import { errorResponses } from "../http/responses";

const security = [{ providerToken: [] }];

function providerContext(context: AppContext, request: FastifyRequest): DbContext {
  return { db: context.database.db, viewer: requireProvider(request), now: request.now };
}

/**
 * The API a provider calls with its bearer token, under `/api/v1/provider/`. Every student
 * it returns is written to the access log with the agreement as the purpose.
 */
export function providerApiRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/provider/students",
      {
        schema: {
          tags: ["provider API"],
          summary:
            "The students of the agreement's schools, paged, with only the data elements the agreement allows; each is logged",
          security,
          querystring: providerStudentListQuerySchema,
          response: { 200: providerStudentListSchema, ...errorResponses(401, 422) },
        },
      },
      async (request) => listProviderStudents(providerContext(context, request), request.query),
    );

    app.get(
      "/provider/students/:id",
      {
        schema: {
          tags: ["provider API"],
          summary: "One student of the agreement's schools with only the allowed data elements; not found otherwise",
          security,
          params: idParamsSchema,
          response: { 200: providerStudentSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getProviderStudent(providerContext(context, request), request.params.id),
    );
  };
}
