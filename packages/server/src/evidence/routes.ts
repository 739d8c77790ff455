import {
  evidenceEntrySchema,
  evidenceListQuerySchema,
  evidenceListSchema,
  idParamsSchema,
  masteryMethodSetResultSchema,
  masteryMethodSettingBodySchema,
  masteryMethodSettingListSchema,
  masteryQuerySchema,
  recordEvidenceBatchBodySchema,
  recordEvidenceBatchResultSchema,
  recordEvidenceBodySchema,
  studentMasterySchema,
  validateEvidenceBodySchema,
  voidEvidenceBodySchema,
} from "@cairn/core";
import {
  getStudentMastery,
  listMasteryMethodSettings,
  listStudentEvidence,
  recordEvidence,
  recordEvidenceBatch,
  setMasteryMethod,
  validateEvidence,
  voidEvidence,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function evidenceRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/students/:id/evidence",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "Record evidence about a student: an educator's counts at once; the student's, a guardian's or a mentor's waits for validation",
          params: idParamsSchema,
          body: recordEvidenceBodySchema,
          response: { 201: evidenceEntrySchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const entry = await recordEvidence(dbContext(context, request), request.params.id, request.body);
        return reply.status(201).send(entry);
      },
    );

    app.post(
      "/evidence/batch",
      {
        // 5,000 records of a few hundred bytes each.
        bodyLimit: 4 * 1024 * 1024,
        schema: {
          tags: ["evidence"],
          summary:
            "Record up to 5,000 pieces of evidence about the students you teach or lead, all or nothing; mastery is kept current in the same transaction",
          body: recordEvidenceBatchBodySchema,
          response: { 201: recordEvidenceBatchResultSchema, ...errorResponses(401, 413, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordEvidenceBatch(dbContext(context, request), request.body)),
    );

    app.get(
      "/students/:id/evidence",
      {
        schema: {
          tags: ["evidence"],
          summary: "A student's evidence with status, scores, events and revisions; asOf shows a past day; logged",
          params: idParamsSchema,
          querystring: evidenceListQuerySchema,
          response: { 200: evidenceListSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => ({
        entries: await listStudentEvidence(dbContext(context, request), request.params.id, request.query),
      }),
    );

    app.post(
      "/evidence/:id/validation",
      {
        schema: {
          tags: ["evidence"],
          summary: "Validate or reject evidence waiting for validation; for the student's educators",
          params: idParamsSchema,
          body: validateEvidenceBodySchema,
          response: { 200: evidenceEntrySchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => validateEvidence(dbContext(context, request), request.params.id, request.body),
    );

    app.post(
      "/evidence/:id/void",
      {
        schema: {
          tags: ["evidence"],
          summary: "Void evidence, for a reason; final; for the student's educators",
          params: idParamsSchema,
          body: voidEvidenceBodySchema,
          response: { 200: evidenceEntrySchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => voidEvidence(dbContext(context, request), request.params.id, request.body),
    );

    app.get(
      "/students/:id/mastery",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "A student's mastery of each item they have evidence on; explain=true adds the method and each counting piece of evidence with its weight; asOf recomputes for a past day; logged",
          params: idParamsSchema,
          querystring: masteryQuerySchema,
          response: { 200: studentMasterySchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getStudentMastery(dbContext(context, request), request.params.id, request.query),
    );

    app.get(
      "/mastery-methods",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "The district's mastery-method settings (district default, per framework, per item); district admins",
          response: { 200: masteryMethodSettingListSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ settings: await listMasteryMethodSettings(dbContext(context, request)) }),
    );

    app.put(
      "/mastery-methods",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "Choose the mastery method for the district, a framework or an item; stored mastery it changes is recomputed in the same transaction",
          body: masteryMethodSettingBodySchema,
          response: { 200: masteryMethodSetResultSchema, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) => setMasteryMethod(dbContext(context, request), request.body),
    );
  };
}
