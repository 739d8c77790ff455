import { idParamsSchema, sectionListSchema, sectionRosterSchema } from "@cairn/core";
import { getSectionRoster, listSections } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function sectionRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/sections",
      {
        schema: {
          tags: ["sections"],
          summary: "Current sections the viewer teaches, supports or oversees",
          response: { 200: sectionListSchema, ...errorResponses(401) },
        },
      },
      async (request) => ({ sections: await listSections(dbContext(context, request)) }),
    );

    app.get(
      "/sections/:id",
      {
        schema: {
          tags: ["sections"],
          summary: "A section with its enrolled students",
          params: idParamsSchema,
          response: { 200: sectionRosterSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getSectionRoster(dbContext(context, request), request.params.id),
    );
  };
}
