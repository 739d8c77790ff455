import { schoolListSchema } from "@cairn/core";
import { listSchools } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function organizationRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/schools",
      {
        schema: {
          tags: ["organization"],
          summary: "Schools the viewer works in or oversees, with enrolment counts",
          response: { 200: schoolListSchema, ...errorResponses(401) },
        },
      },
      async (request) => ({ schools: await listSchools(dbContext(context, request)) }),
    );
  };
}
