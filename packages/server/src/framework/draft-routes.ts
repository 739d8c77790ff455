import {
  createdExemplarSchema,
  createdFrameworkSchema,
  createdItemSchema,
  createdRubricSchema,
  frameworkExemplarParamsSchema,
  frameworkItemParamsSchema,
  frameworkParamsSchema,
  itemRubricBodySchema,
  moveItemBodySchema,
  newExemplarBodySchema,
  newFrameworkBodySchema,
  newItemBodySchema,
  scaleBodySchema,
} from "@cairn/core";
import {
  addDraftItem,
  addExemplar,
  createFramework,
  deleteDraftItem,
  moveDraftItem,
  removeExemplar,
  removeItemRubric,
  saveItemRubric,
  setFrameworkScale,
  setItemScale,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireViewer } from "../auth/viewer-plugin";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

const DRAFT_ONLY = "drafts of the admin's district only; a published framework never changes";

/** Building a draft: a new framework, its items and their order, its scale, work samples and rubrics. */
export function draftEditingRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/frameworks",
      {
        schema: {
          tags: ["framework"],
          summary: "Create an empty draft framework in the district admin's district",
          body: newFrameworkBodySchema,
          response: { 201: createdFrameworkSchema, ...errorResponses(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createFramework(context.database, requireViewer(request), request.now, request.body)),
    );

    app.post(
      "/frameworks/:id/items",
      {
        schema: {
          tags: ["framework"],
          summary: `Add an item, last under its parent (or at the top); its code must be unused (${DRAFT_ONLY})`,
          params: frameworkParamsSchema,
          body: newItemBodySchema,
          response: { 201: createdItemSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addDraftItem(dbContext(context, request), request.params.id, request.body)),
    );

    app.delete(
      "/frameworks/:id/items/:itemId",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Delete an item with its associations and the rubric criteria that score it; refused while items sit under it",
          params: frameworkItemParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await deleteDraftItem(dbContext(context, request), request.params.id, request.params.itemId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/frameworks/:id/items/:itemId/move",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Move an item up or down among its siblings, or under another parent; a loop in the tree is refused, named",
          params: frameworkItemParamsSchema,
          body: moveItemBodySchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await moveDraftItem(dbContext(context, request), request.params.id, request.params.itemId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/frameworks/:id/scale",
      {
        schema: {
          tags: ["framework"],
          summary: `Set the framework's proficiency scale, kept in CASE as the extension cairn:proficiencyScale (${DRAFT_ONLY})`,
          params: frameworkParamsSchema,
          body: scaleBodySchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await setFrameworkScale(dbContext(context, request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      "/frameworks/:id/items/:itemId/scale",
      {
        schema: {
          tags: ["framework"],
          summary: "Give one item a scale of its own, in place of the framework's",
          params: frameworkItemParamsSchema,
          body: scaleBodySchema,
          response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await setItemScale(dbContext(context, request), request.params.id, request.params.itemId, request.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      "/frameworks/:id/items/:itemId/scale",
      {
        schema: {
          tags: ["framework"],
          summary: "Remove an item's own scale, so the framework's applies again",
          params: frameworkItemParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await setItemScale(dbContext(context, request), request.params.id, request.params.itemId, null);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/frameworks/:id/items/:itemId/exemplars",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Attach a work sample (a CASE exemplar association to its http(s) address) at a level of the item's scale",
          params: frameworkItemParamsSchema,
          body: newExemplarBodySchema,
          response: { 201: createdExemplarSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addExemplar(dbContext(context, request), request.params.id, request.params.itemId, request.body)),
    );

    app.delete(
      "/frameworks/:id/items/:itemId/exemplars/:associationId",
      {
        schema: {
          tags: ["framework"],
          summary: "Remove a work sample from an item",
          params: frameworkExemplarParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const { id, itemId, associationId } = request.params;
        await removeExemplar(dbContext(context, request), id, itemId, associationId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/frameworks/:id/items/:itemId/rubric",
      {
        schema: {
          tags: ["framework"],
          summary:
            "Make the item's rubric from its scale (one criterion, a level per scale level); made again, it replaces the old one",
          params: frameworkItemParamsSchema,
          body: itemRubricBodySchema,
          response: {
            200: createdRubricSchema,
            201: createdRubricSchema,
            ...errorResponses(400, 401, 403, 404, 409, 422),
          },
        },
      },
      async (request, reply) => {
        const saved = await saveItemRubric(
          dbContext(context, request),
          request.params.id,
          request.params.itemId,
          request.body,
        );
        return reply.status(saved.replaced ? 200 : 201).send({ rubricId: saved.rubricId });
      },
    );

    app.delete(
      "/frameworks/:id/items/:itemId/rubric",
      {
        schema: {
          tags: ["framework"],
          summary: "Remove the rubric made for an item (rubrics imported with the framework stay)",
          params: frameworkItemParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        await removeItemRubric(dbContext(context, request), request.params.id, request.params.itemId);
        return reply.status(204).send(null);
      },
    );
  };
}
