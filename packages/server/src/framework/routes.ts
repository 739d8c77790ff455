import {
  caseImportQuerySchema,
  caseImportResultSchema,
  casePackageSchema,
  frameworkDetailSchema,
  frameworkItemDetailSchema,
  frameworkItemParamsSchema,
  frameworkListSchema,
  frameworkParamsSchema,
} from "@cairn/core";
import {
  exportCasePackage,
  getFramework,
  getFrameworkItem,
  importCasePackage,
  listFrameworks,
  MAX_CASE_PACKAGE_BYTES,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireViewer } from "../auth/viewer-plugin";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function frameworkRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/frameworks",
      {
        schema: {
          tags: ["framework"],
          summary: "Competency frameworks the viewer may read (drafts only for their district's admins)",
          response: { 200: frameworkListSchema, ...errorResponses(401) },
        },
      },
      async (request) => ({
        frameworks: (await listFrameworks(dbContext(context, request))) as z.infer<
          typeof frameworkListSchema
        >["frameworks"],
      }),
    );

    app.get(
      "/frameworks/:id",
      {
        schema: {
          tags: ["framework"],
          summary:
            "A framework's description and every item with its place in the tree (by Cairn's id or the CASE identifier)",
          params: frameworkParamsSchema,
          response: { 200: frameworkDetailSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) => getFramework(dbContext(context, request), request.params.id),
    );

    app.get(
      "/frameworks/:id/items/:itemId",
      {
        schema: {
          tags: ["framework"],
          summary:
            "One item: its place in the tree, prerequisites and unlocks with the map around it, alignments, rubric criteria and scale",
          params: frameworkItemParamsSchema,
          response: { 200: frameworkItemDetailSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getFrameworkItem(dbContext(context, request), request.params.id, request.params.itemId),
    );

    app.get(
      "/frameworks/:id/case",
      {
        schema: {
          tags: ["framework"],
          summary: "The framework as a CASE 1.1 CFPackage (by Cairn's id or the CASE identifier)",
          params: frameworkParamsSchema,
          response: { 200: casePackageSchema, ...errorResponses(401, 404) },
        },
      },
      async (request) =>
        (await exportCasePackage(dbContext(context, request), request.params.id)) as unknown as z.infer<
          typeof casePackageSchema
        >,
    );

    app.post(
      "/frameworks/case",
      {
        bodyLimit: MAX_CASE_PACKAGE_BYTES,
        schema: {
          tags: ["framework"],
          summary:
            "Import a CASE 1.0 or 1.1 CFPackage into the admin's district, all or nothing; every problem is listed with its JSON path",
          querystring: caseImportQuerySchema,
          body: z.unknown().describe("A CASE CFPackage"),
          response: { 201: caseImportResultSchema, ...errorResponses(400, 401, 403, 409, 413, 422) },
        },
      },
      async (request, reply) => {
        const result = await importCasePackage(context.database, requireViewer(request), request.now, request.body, {
          replaceDraft: request.query.replaceDraft,
        });
        return reply.status(201).send(result);
      },
    );
  };
}
