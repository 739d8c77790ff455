import { meSchema, signInBodySchema } from "@cairn/core";
import { deleteSession, describeViewer, loadViewer } from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context";
import { errorResponses } from "../http/responses";
import { signIn } from "./sign-in";
import { hashToken, requireViewer, SESSION_COOKIE } from "./viewer-plugin";

export function authRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/auth/sign-in",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in with email and password; sets an HTTP-only session cookie",
          body: signInBodySchema,
          response: { 200: meSchema, ...errorResponses(401, 413, 422, 429) },
        },
      },
      async (request, reply) => {
        const session = await signIn(context, request.body, request.now);
        // Rotation: a session the browser held before this sign-in ends now.
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) await deleteSession(context.database.db, hashToken(previous));
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: "lax",
          secure: context.secureCookies,
          path: "/",
          // Relative, so the browser's clock decides expiry the same way the server's does.
          maxAge: Math.floor(context.sessionMs / 1000),
        });
        const viewer = await loadViewer(context.database.db, session.personId);
        return describeViewer({ db: context.database.db, viewer, now: request.now });
      },
    );

    app.post(
      "/auth/sign-out",
      { schema: { tags: ["auth"], summary: "End the current session", response: { 204: z.null() } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await deleteSession(context.database.db, hashToken(token));
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me",
      {
        schema: {
          tags: ["auth"],
          summary: "Who is signed in: the person, their roles and their scope",
          response: { 200: meSchema, ...errorResponses(401) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return describeViewer({ db: context.database.db, viewer, now: request.now });
      },
    );
  };
}
