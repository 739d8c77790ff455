import { CairnError } from "@cairn/core";
import type { FastifyInstance } from "fastify";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from Cairn's own pages. Besides the SameSite=Lax
 * cookie, a write whose Origin (or Sec-Fetch-Site) says another site sent it is refused
 * before it reaches a route, so a forged form or script on another site changes nothing.
 */
export function registerSameOriginWrites(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (!WRITES.has(request.method)) return;
    const origin = request.headers.origin;
    const crossSite =
      request.headers["sec-fetch-site"] === "cross-site" || (origin !== undefined && !sameHost(origin, request.host));
    if (crossSite)
      throw new CairnError("forbidden", "cross-site request refused: writes must come from this site's own pages");
  });
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (a sandboxed or file page) or garbage: not this site.
    return false;
  }
}
