import { attachmentSchema, idParamsSchema, MAX_ATTACHMENT_BYTES } from "@cairn/core";
import { readAttachment, uploadAttachment } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

const uploadQuerySchema = z.object({ fileName: z.string().min(1).max(200) }).strict();

/**
 * Files for evidence: uploaded as the request body with their own content type (a photo is
 * sent as image/jpeg, not wrapped in a form), then named in the evidence's `attachmentIds`.
 */
export function attachmentRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Any type reaches the handler, which refuses the ones not allowed with a clear message.
    app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES + 1 }, (_request, body, done) =>
      done(null, body),
    );

    app.post(
      "/students/:id/attachments",
      {
        schema: {
          tags: ["evidence"],
          summary:
            "Upload a file for evidence about to be recorded (PDF, PNG, JPEG, WebP, MP3, MP4, M4A or plain text, at most 10 MB); the body is the file, with its content type",
          params: idParamsSchema,
          querystring: uploadQuerySchema,
          response: { 201: attachmentSchema, ...errorResponses(401, 404, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const mediaType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        const created = await uploadAttachment(dbContext(context, request), context.files, request.params.id, {
          fileName: request.query.fileName,
          mediaType,
          bytes,
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      "/attachments/:id",
      {
        schema: {
          tags: ["evidence"],
          summary: "An attachment's file, for whoever may read the student's evidence; logged",
          params: idParamsSchema,
          response: {
            200: {
              description: "The file, as uploaded",
              content: { "application/octet-stream": { schema: z.any() } },
            },
            ...errorResponses(401, 404, 422),
          },
        },
      },
      async (request, reply) => {
        const file = await readAttachment(dbContext(context, request), context.files, request.params.id);
        return reply
          .header("content-type", file.mediaType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(file.bytes);
      },
    );
  };
}
