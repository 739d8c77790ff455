import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Database, defaultFilesDir, diskFileStore, type FileStore } from "@cairn/db";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { authRoutes } from "./auth/routes";
import { registerViewer } from "./auth/viewer-plugin";
import type { AppContext } from "./context";
import { attachmentRoutes } from "./evidence/attachment-routes";
import { classroomRoutes } from "./evidence/classroom-routes";
import { evidenceRoutes } from "./evidence/routes";
import { frameworkRoutes } from "./framework/routes";
import { registerErrorHandling } from "./http/errors";
import { registerSameOriginWrites } from "./http/same-origin";
import { organizationRoutes } from "./organization/routes";
import { peopleRoutes } from "./people/routes";
import { privacyAdminRoutes } from "./privacy/admin-routes";
import { familyRightsRoutes } from "./privacy/family-rights";
import { providerApiRoutes } from "./providers/provider-api";
import { providerAdminRoutes } from "./providers/routes";
import { reportRoutes } from "./reports/routes";
import { sectionRoutes } from "./sections/routes";

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist", import.meta.url));
export const API_VERSION = "0.1.0";

/**
 * On every answer: no third-party scripts, styles, fonts or frames can load (the web app
 * is all same-origin), student data never leaks through a Referer, and no page can be framed.
 */
export const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
} as const;

export interface AppOptions {
  database: Database;
  /** pino options, or false for silence (tests). */
  logger?: FastifyServerOptions["logger"];
  /** The built web app; defaults to packages/web/dist. */
  webRoot?: string;
  now?: () => Date;
  sessionMs?: number;
  secureCookies?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Where evidence attachments are kept; defaults to a folder on disk (CAIRN_FILES_DIR). */
  files?: FileStore;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const context: AppContext = {
    database: options.database,
    now: options.now ?? (() => new Date()),
    sessionMs: options.sessionMs ?? 12 * 60 * 60 * 1000,
    secureCookies: options.secureCookies ?? false,
    files: options.files ?? diskFileStore(defaultFilesDir()),
  };
  const app = Fastify({
    logger: options.logger ?? {
      level: process.env.LOG_LEVEL ?? "info",
      redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
    },
    bodyLimit: options.bodyLimit ?? 256 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Cairn API",
        version: API_VERSION,
        description:
          "Competency-based learning and accountability. Every route answers errors as `{ error: { code, message, details? } }`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "cairn_session" },
          providerToken: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);
  const webRoot = webRootIfBuilt(options.webRoot ?? DEFAULT_WEB_ROOT);
  registerErrorHandling(app, { webRoot });
  registerSameOriginWrites(app);
  registerViewer(app, context);
  app.addHook("onSend", async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    // API answers may carry student data: no browser or proxy keeps a copy unless a route says otherwise.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness and database reachability",
        security: [],
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["embedded", "postgres"]) }) },
      },
    },
    async () => {
      await context.database.db.execute(sql`select 1`);
      return { status: "ok" as const, database: context.database.kind };
    },
  );
  app.get("/api/docs", { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes(context));
      await api.register(peopleRoutes(context));
      await api.register(sectionRoutes(context));
      await api.register(organizationRoutes(context));
      await api.register(frameworkRoutes(context));
      await api.register(familyRightsRoutes(context));
      await api.register(privacyAdminRoutes(context));
      await api.register(reportRoutes(context));
      await api.register(providerAdminRoutes(context));
      await api.register(providerApiRoutes(context));
      await api.register(evidenceRoutes(context));
      await api.register(classroomRoutes(context));
      await api.register(attachmentRoutes(context));
    },
    { prefix: "/api/v1" },
  );

  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ["index.html"] });
  await app.ready();
  return app;
}

function webRootIfBuilt(root: string): string | null {
  return existsSync(`${root}/index.html`) ? root : null;
}
