import {
  correctionQueueQuerySchema,
  correctionRequestBodySchema,
  correctionRequestListSchema,
  correctionRequestSchema,
  correctionResolutionBodySchema,
  idParamsSchema,
  LANGUAGES,
  noticeParamsSchema,
  noticeQuerySchema,
  privacyNoticeSchema,
  publishedNoticeSchema,
  publishNoticeBodySchema,
} from "@cairn/core";
import {
  createCorrectionRequest,
  exportStudentRecord,
  getPrivacyNotice,
  listCorrectionQueue,
  listStudentCorrectionRequests,
  publishPrivacyNotice,
  resolveCorrectionRequest,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";
import { RECORD_STYLESHEET, RECORD_STYLESHEET_PATH, renderRecordHtml } from "./record-html";

const RIGHTS_HOLDERS = "for the student's guardians, the student once an adult, and district admins";

/**
 * What families may do about a record (FERPA and seeds 001:2731): read it in full as a
 * page, ask for a correction and follow it, and read the district's annual notice with
 * the providers that receive data; and the district admin's side of each.
 */
export function familyRightsRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/students/:id/record.html",
      {
        schema: {
          tags: ["privacy"],
          summary: `The full record as a readable, printable page; ${RIGHTS_HOLDERS}; logged as an export`,
          params: idParamsSchema,
          querystring: z.object({ language: z.enum(LANGUAGES).default("en") }).strict(),
          response: {
            200: { description: "An HTML page", content: { "text/html": { schema: z.string() } } },
            ...errorResponses(401, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const record = await exportStudentRecord(dbContext(context, request), request.params.id);
        return reply
          .type("text/html; charset=utf-8")
          .header("content-disposition", `inline; filename="cairn-record-${request.params.id}.html"`)
          .header("cache-control", "no-store")
          .send(renderRecordHtml(record, request.query.language));
      },
    );

    app.get(
      RECORD_STYLESHEET_PATH.replace("/api/v1", ""),
      {
        schema: {
          tags: ["privacy"],
          summary: "The stylesheet of the readable record (no student data)",
          security: [],
          response: { 200: { description: "CSS", content: { "text/css": { schema: z.string() } } } },
        },
      },
      async (_request, reply) =>
        reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(RECORD_STYLESHEET),
    );

    app.get(
      "/students/:id/correction-requests",
      {
        schema: {
          tags: ["privacy"],
          summary: `The student's correction requests and their answers, newest first; ${RIGHTS_HOLDERS}`,
          params: idParamsSchema,
          response: { 200: correctionRequestListSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => ({
        correctionRequests: await listStudentCorrectionRequests(dbContext(context, request), request.params.id),
      }),
    );

    app.post(
      "/students/:id/correction-requests",
      {
        schema: {
          tags: ["privacy"],
          summary: `Asks the district to correct part of the student's record; ${RIGHTS_HOLDERS}`,
          params: idParamsSchema,
          body: correctionRequestBodySchema,
          response: { 201: correctionRequestSchema, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const created = await createCorrectionRequest(dbContext(context, request), request.params.id, request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      "/correction-requests",
      {
        schema: {
          tags: ["privacy"],
          summary: "The district admin's queue of correction requests, open ones first; 403 for anyone else",
          querystring: correctionQueueQuerySchema,
          response: { 200: correctionRequestListSchema, ...errorResponses(401, 403, 422) },
        },
      },
      async (request) => ({
        correctionRequests: await listCorrectionQueue(dbContext(context, request), request.query),
      }),
    );

    app.post(
      "/correction-requests/:id/resolution",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Accepts or rejects an open correction request with a written answer, by a district admin; 409 once answered",
          params: idParamsSchema,
          body: correctionResolutionBodySchema,
          response: { 200: correctionRequestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => resolveCorrectionRequest(dbContext(context, request), request.params.id, request.body),
    );

    app.get(
      "/privacy-notice",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "The district's latest annual privacy notice in the reader's language (English if missing), with the providers in force; for anyone of the district",
          querystring: noticeQuerySchema,
          response: { 200: privacyNoticeSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getPrivacyNotice(dbContext(context, request), request.query),
    );

    app.put(
      "/privacy-notice/:schoolYear",
      {
        schema: {
          tags: ["privacy"],
          summary: "Publishes (or replaces) the annual privacy notice for a school year, by a district admin",
          params: noticeParamsSchema,
          body: publishNoticeBodySchema,
          response: { 200: publishedNoticeSchema, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request) => publishPrivacyNotice(dbContext(context, request), request.params.schoolYear, request.body),
    );
  };
}
