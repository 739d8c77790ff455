import { enrollmentReportQuerySchema, enrollmentReportSchema } from "@cairn/core";
import { getEnrollmentReport } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function reportRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/reports/enrollment",
      {
        schema: {
          tags: ["reports"],
          summary:
            "Active students by school and one attribute, with small groups suppressed (null) by the district's minimum group size; for state analysts, district admins and school leaders",
          querystring: enrollmentReportQuerySchema,
          response: { 200: enrollmentReportSchema, ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request) => getEnrollmentReport(dbContext(context, request), request.query),
    );
  };
}
