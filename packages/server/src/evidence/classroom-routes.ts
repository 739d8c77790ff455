import {
  declineReassessmentBodySchema,
  gradebookQuerySchema,
  gradebookSchema,
  idParamsSchema,
  pendingEvidenceSchema,
  pendingQuerySchema,
  progressSchema,
  ROLLUP_RULES,
  reassessmentListSchema,
  reassessmentQuerySchema,
  reassessmentRequestBodySchema,
  reassessmentSchema,
  rollupSettingBodySchema,
  rollupSettingListSchema,
} from "@cairn/core";
import {
  declineReassessment,
  getGradebook,
  getStudentProgress,
  listPendingEvidence,
  listReassessmentQueue,
  listRollupRules,
  listStudentReassessments,
  requestReassessment,
  setRollupRule,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

/** What teachers work from (the gradebook, the validation queue, reassessment requests) and what families read (progress). */
export function classroomRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/sections/:id/gradebook",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "A section's students × its course's items, each cell the student's mastery; filter by competency; logged for each student",
          params: idParamsSchema,
          querystring: gradebookQuerySchema,
          response: { 200: gradebookSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getGradebook(dbContext(context, request), request.params.id, request.query),
    );

    app.get(
      "/evidence/pending",
      {
        schema: {
          tags: ["evidence"],
          summary: "Evidence waiting for the viewer to validate, from the students they teach or lead, oldest first",
          querystring: pendingQuerySchema,
          response: { 200: pendingEvidenceSchema, ...errorResponses(401, 422) },
        },
      },
      async (request) => ({ entries: await listPendingEvidence(dbContext(context, request), request.query) }),
    );

    app.get(
      "/students/:id/progress",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "Where a student stands: this term's courses (items mastered, in progress, not started) and competencies rolled up by the district's rule; logged",
          params: idParamsSchema,
          response: { 200: progressSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getStudentProgress(dbContext(context, request), request.params.id),
    );

    app.post(
      "/students/:id/reassessment-requests",
      {
        schema: {
          tags: ["evidence"],
          summary: "Ask to be reassessed on an item: the student, a guardian, or an educator on their behalf",
          params: idParamsSchema,
          body: reassessmentRequestBodySchema,
          response: { 201: reassessmentSchema, ...errorResponses(401, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await requestReassessment(dbContext(context, request), request.params.id, request.body)),
    );

    app.get(
      "/students/:id/reassessment-requests",
      {
        schema: {
          tags: ["evidence"],
          summary: "A student's requests to be reassessed and how they were answered",
          params: idParamsSchema,
          response: { 200: reassessmentListSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => ({
        requests: await listStudentReassessments(dbContext(context, request), request.params.id),
      }),
    );

    app.get(
      "/reassessment-requests",
      {
        schema: {
          tags: ["evidence"],
          summary: "Requests to be reassessed from the students the viewer teaches or leads (open ones by default)",
          querystring: reassessmentQuerySchema,
          response: { 200: reassessmentListSchema, ...errorResponses(401, 422) },
        },
      },
      async (request) => ({ requests: await listReassessmentQueue(dbContext(context, request), request.query) }),
    );

    app.post(
      "/reassessment-requests/:id/decline",
      {
        schema: {
          tags: ["evidence"],
          summary: "Turn down a request to be reassessed, saying why; new evidence on the item answers it instead",
          params: idParamsSchema,
          body: declineReassessmentBodySchema,
          response: { 200: reassessmentSchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => declineReassessment(dbContext(context, request), request.params.id, request.body.comment),
    );

    app.get(
      "/rollup-rules",
      {
        schema: {
          tags: ["evidence"],
          summary: "How the district rolls mastery up its frameworks (default and per framework); district admins",
          response: { 200: rollupSettingListSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ rules: await listRollupRules(dbContext(context, request)), ruleNames: [...ROLLUP_RULES] }),
    );

    app.put(
      "/rollup-rules",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "Set or remove the district's default roll-up rule or one framework's: all children mastered, a share of them, or the mean level",
          body: rollupSettingBodySchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        await setRollupRule(dbContext(context, request), request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
