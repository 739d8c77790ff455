import { CairnError, type ErrorCode, type ErrorDetail } from "@cairn/core";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  malformed_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  database_in_use: 503,
  precondition_failed: 412,
  internal: 500,
};

function body(code: ErrorCode, message: string, details?: ErrorDetail[]) {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

/**
 * The one place errors become HTTP answers: `{ error: { code, message, details? } }`
 * with a stable code. Unknown errors are logged and answered with a generic 500: their
 * messages and stacks never reach the client.
 */
export function registerErrorHandling(app: FastifyInstance, options: { webRoot: string | null }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof CairnError) {
      if (error.code === "internal") request.log.error({ err: error }, "internal error");
      // A denial reads as "not found" to the asker, but the operator's log says who asked for what.
      if (error.code === "not_found" || error.code === "forbidden") {
        request.log.warn(
          {
            denial: {
              code: error.code,
              viewer: request.viewer?.personId ?? null,
              method: request.method,
              url: request.url,
            },
          },
          "request refused or record not found",
        );
      }
      return reply.status(STATUS_BY_CODE[error.code]).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "request";
      const details = error.validation.map((issue) => ({
        message: issue.message ?? "invalid value",
        path: [where, ...issue.instancePath.split("/").filter(Boolean)],
      }));
      return reply.status(422).send(body("validation", `invalid ${where}`, details));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
      return reply.status(500).send(body("internal", "internal error"));
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return reply.status(400).send(body("malformed_request", "the request body is not valid JSON"));
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return reply.status(413).send(body("payload_too_large", "the request body is too large"));
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return reply.status(415).send(body("malformed_request", "unsupported content type; send application/json"));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(body("malformed_request", error.message));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send(body("internal", "internal error"));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // The web app routes in the browser: any other page address gets its shell.
    if (options.webRoot && request.method === "GET" && !path.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html", options.webRoot);
    }
    return reply.status(404).send(body("not_found", `no route for ${request.method} ${path}`));
  });
}
