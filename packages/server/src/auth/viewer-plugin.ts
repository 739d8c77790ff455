import { createHash } from "node:crypto";
import { CairnError, type Viewer } from "@cairn/core";
import { findSessionPerson, loadViewer } from "@cairn/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context";

export const SESSION_COOKIE = "cairn_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in person, or null; resolved once per request from the session cookie. */
    viewer: (Viewer & { kind: "person" }) | null;
    /** When this request is answered, as far as domain rules are concerned. */
    now: Date;
  }
}

/** Resolves the viewer of every request from its session cookie. */
export function registerViewer(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest("viewer", null);
  app.decorateRequest("now", null as unknown as Date);
  app.addHook("onRequest", async (request) => {
    request.now = context.now();
    request.viewer = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith("/api/")) return;
    const personId = await findSessionPerson(context.database.db, hashToken(token), request.now);
    if (personId) request.viewer = await loadViewer(context.database.db, personId);
  });
}

/** The signed-in viewer, or a 401 for anyone else. */
export function requireViewer(request: FastifyRequest): Viewer & { kind: "person" } {
  if (!request.viewer) throw new CairnError("unauthenticated", "sign in first; the session is missing or has expired");
  return request.viewer;
}
