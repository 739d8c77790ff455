import {
  caseImportQuerySchema,
  caseImportResultSchema,
  casePackageSchema,
  createdFrameworkSchema,
  frameworkDetailSchema,
  frameworkItemDetailSchema,
  frameworkItemParamsSchema,
  frameworkListSchema,
  frameworkParamsSchema,
  itemChangesSchema,
  newVersionBodySchema,
  prerequisiteLinkSchema,
} from "@cairn/core";
import {
  addPrerequisite,
  exportCasePackage,
  getFramework,
  getFrameworkItem,
  importCasePackage,
  listFrameworks,
  MAX_CASE_PACKAGE_BYTES,
  publishFramework,
  removePrerequisite,
  startNewVersion,
  updateDraftItem,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireViewer } from "../auth/viewer-plugin";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";
import { draftEditingRoutes } from "./draft-routes";

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

    app.post(
      "/frameworks/:id/versions",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Start a new version of a framework: a draft copy with new identifiers, each item linked to the one it replaces",
          params: frameworkParamsSchema,
          body: newVersionBodySchema,
          response: { 201: createdFrameworkSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const created = await startNewVersion(
          context.database,
          requireViewer(request),
          request.now,
          request.params.id,
          request.body.version,
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      "/frameworks/:id/items/:itemId",
      {
        schema: {
          tags: ["framework"],
          summary: "Change a draft item's statement, code or grades (published frameworks never change)",
          params: frameworkItemParamsSchema,
          body: itemChangesSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { code, educationLevels, ...rest } = request.body;
        await updateDraftItem(dbContext(context, request), request.params.id, request.params.itemId, {
          ...rest,
          ...(code !== undefined ? { humanCodingScheme: code } : {}),
          ...(educationLevels !== undefined ? { educationLevel: educationLevels } : {}),
        });
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/frameworks/:id/prerequisites",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Link two items of a draft on the prerequisite map; a link that would close a cycle is refused, naming it",
          params: frameworkParamsSchema,
          body: prerequisiteLinkSchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await addPrerequisite(dbContext(context, request), request.params.id, request.body.before, request.body.after);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/frameworks/:id/prerequisites",
      {
        schema: {
          tags: ["framework"],
          summary: "Remove a prerequisite link from a draft",
          params: frameworkParamsSchema,
          querystring: prerequisiteLinkSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await removePrerequisite(
          dbContext(context, request),
          request.params.id,
          request.query.before,
          request.query.after,
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/frameworks/:id/publish",
      {
        schema: {
          tags: ["framework"],
          summary: "Publish a draft; it never changes again, and the version it replaces is marked deprecated",
          params: frameworkParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await publishFramework(dbContext(context, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    await app.register(draftEditingRoutes(context));
  };
}
