import {
  accessLogSchema,
  idParamsSchema,
  studentDetailSchema,
  studentListQuerySchema,
  studentListSchema,
} from "@cairn/core";
import { exportStudentRecord, fullRecordSchema, getStudent, listAccessLog, listStudents } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

export function peopleRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/students",
      {
        schema: {
          tags: ["people"],
          summary: "Students the viewer may read, filtered and paged",
          querystring: studentListQuerySchema,
          response: { 200: studentListSchema, ...errorResponses(401, 422) },
        },
      },
      async (request) => listStudents(dbContext(context, request), request.query),
    );

    app.get(
      "/students/:id",
      {
        schema: {
          tags: ["people"],
          summary: "One student's record; not found when outside the viewer's scope",
          params: idParamsSchema,
          response: { 200: studentDetailSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => getStudent(dbContext(context, request), request.params.id),
    );

    app.get(
      "/students/:id/access-log",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Who has read this student's record (FERPA record of disclosures); for the student's guardians, the student once an adult, and district admins",
          params: idParamsSchema,
          response: { 200: accessLogSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request) => ({ entries: await listAccessLog(dbContext(context, request), request.params.id) }),
    );

    app.get(
      "/students/:id/record",
      {
        schema: {
          tags: ["privacy"],
          summary:
            "Everything Cairn keeps about this student, module by module, as a JSON download; for the student's guardians, the student once an adult, and district admins; logged as an export",
          params: idParamsSchema,
          response: { 200: fullRecordSchema, ...errorResponses(401, 404, 422) },
        },
      },
      async (request, reply) => {
        const record = await exportStudentRecord(dbContext(context, request), request.params.id);
        reply.header("content-disposition", `attachment; filename="cairn-record-${request.params.id}.json"`);
        return record;
      },
    );
  };
}
