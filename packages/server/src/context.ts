import type { Database, DbContext, FileStore } from "@cairn/db";
import type { FastifyRequest } from "fastify";
import { requireViewer } from "./auth/viewer-plugin";

/** What the app is built around: the database and the clock (injected so tests can set the date). */
export interface AppContext {
  database: Database;
  now: () => Date;
  /** Session lifetime. */
  sessionMs: number;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Where evidence attachments are kept. */
  files: FileStore;
}

/** The repository context of a request from a signed-in person. */
export function dbContext(context: AppContext, request: FastifyRequest): DbContext {
  return { db: context.database.db, viewer: requireViewer(request), now: request.now };
}
