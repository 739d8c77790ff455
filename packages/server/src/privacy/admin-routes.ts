import {
  accessLogSearchQuerySchema,
  accessLogSearchSchema,
  auditEventListQuerySchema,
  auditEventListSchema,
  createdRoleGrantSchema,
  idParamsSchema,
  privacySettingsBodySchema,
  privacySettingsSchema,
  roleGrantBodySchema,
  statedReasonBodySchema,
  studentDetailSchema,
} from "@cairn/core";
import {
  getPrivacySettings,
  grantRole,
  listAuditEvents,
  openStudentForStatedReason,
  revokeRole,
  searchAccessLog,
  updatePrivacySettings,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

/** District and installation administration of privacy: settings, stated-reason access, the log, roles, the audit trail. */
export function privacyAdminRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/districts/:id/privacy-settings",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "The district's privacy settings (minimum group size, past-student access days, retention years); for the district's admins",
          params: idParamsSchema,
          response: { 200: privacySettingsSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getPrivacySettings(dbContext(context, request), request.params.id),
    );

    app.put(
      "/districts/:id/privacy-settings",
      {
        schema: {
          tags: ["privacy"],
          summary: "Change the district's privacy settings; for the district's admins; audited with before and after",
          params: idParamsSchema,
          body: privacySettingsBodySchema,
          response: { 200: privacySettingsSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => updatePrivacySettings(dbContext(context, request), request.params.id, request.body),
    );

    app.post(
      "/students/:id/stated-reason-access",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "A system admin opens one student's record by stating why; the reason is written to the student's access log and the audit trail. Not found for everyone else",
          params: idParamsSchema,
          body: statedReasonBodySchema,
          response: { 200: studentDetailSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) =>
        openStudentForStatedReason(dbContext(context, request), request.params.id, request.body.reason),
    );

    app.get(
      "/access-log",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Search the district's record of disclosures by student, reader, action, purpose and dates, newest first; for district admins",
          querystring: accessLogSearchQuerySchema,
          response: { 200: accessLogSearchSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => searchAccessLog(dbContext(context, request), request.query),
    );

    app.post(
      "/role-grants",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Give a person a role over a place; system admins any role, district admins school and district roles in their district; audited",
          body: roleGrantBodySchema,
          response: { 201: createdRoleGrantSchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const grant = await grantRole(dbContext(context, request), request.body);
        return reply.status(201).send(grant);
      },
    );

    app.delete(
      "/role-grants/:id",
      {
        schema: {
          tags: ["privacy"],
          summary: "Take a role away; the same rights as granting it; audited",
          params: idParamsSchema,
          response: { 204: z.null(), ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        await revokeRole(dbContext(context, request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/audit-events",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "The audit trail of changes to who may see what, newest first; district admins see their district's, system admins all",
          querystring: auditEventListQuerySchema,
          response: { 200: auditEventListSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => listAuditEvents(dbContext(context, request), request.query),
    );
  };
}
