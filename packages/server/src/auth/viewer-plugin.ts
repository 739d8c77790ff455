import { createHash } from "node:crypto";
import { CairnError, type Viewer } from "@cairn/core";
import { findSessionPerson, loadViewer, type ProviderViewer, resolveProviderToken } from "@cairn/db";
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
    /** The provider whose bearer token came with a request to the provider API, or null. */
    provider: ProviderViewer | null;
  }
}

/** The only routes a provider token opens, and the only ones a session cookie does not. */
export const PROVIDER_API_PREFIX = "/api/v1/provider/";

export function isProviderApi(url: string): boolean {
  return url.startsWith(PROVIDER_API_PREFIX);
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer[ \t]+(\S+)[ \t]*$/i);
  return match?.[1] ?? null;
}

/** Resolves the viewer of every request: from its session cookie, or on the provider API from its bearer token. */
export function registerViewer(app: FastifyInstance, context: AppContext): void {
  app.decorateRequest("viewer", null);
  app.decorateRequest("now", null as unknown as Date);
  app.decorateRequest("provider", null);
  app.addHook("onRequest", async (request) => {
    request.now = context.now();
    request.viewer = null;
    request.provider = null;
    // Two doors that never open each other: the provider API takes only bearer tokens,
    // everything else only session cookies (a bearer token elsewhere is simply ignored).
    if (isProviderApi(request.url)) {
      const bearer = bearerToken(request.headers.authorization);
      if (bearer) request.provider = await resolveProviderToken(context.database.db, bearer, request.now);
      return;
    }
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

/**
 * The provider of a provider-API request, or a 401 that says the same thing for a missing,
 * unknown, revoked or expired token and for an agreement not in force: nothing to probe.
 */
export function requireProvider(request: FastifyRequest): ProviderViewer {
  if (!request.provider)
    throw new CairnError("unauthenticated", "a valid provider token is required (Authorization: Bearer …)");
  return request.provider;
}
