import {
  agreementListSchema,
  agreementSchema,
  createAgreementBodySchema,
  createProviderBodySchema,
  idParamsSchema,
  issuedTokenSchema,
  issueTokenBodySchema,
  providerListSchema,
  providerSchema,
  providerTokenSchema,
  updateAgreementBodySchema,
} from "@cairn/core";
import {
  createAgreement,
  createProvider,
  issueProviderToken,
  listAgreements,
  listProviders,
  revokeProviderToken,
  updateAgreement,
} from "@cairn/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { type AppContext, dbContext } from "../context";
import { errorResponses } from "../http/responses";

/** District admins manage providers, data-sharing agreements and provider tokens. */
export function providerAdminRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/providers",
      {
        schema: {
          tags: ["providers"],
          summary: "The providers of the districts the viewer administers",
          response: { 200: providerListSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ providers: await listProviders(dbContext(context, request)) }),
    );

    app.post(
      "/providers",
      {
        schema: {
          tags: ["providers"],
          summary: "Add a provider (an app, vendor or researcher that may receive student data) to the district",
          body: createProviderBodySchema,
          response: { 201: providerSchema, ...errorResponses(401, 403, 409, 422) },
        },
      },
      async (request, reply) => reply.status(201).send(await createProvider(dbContext(context, request), request.body)),
    );

    app.get(
      "/agreements",
      {
        schema: {
          tags: ["providers"],
          summary: "The data-sharing agreements of the districts the viewer administers, with schools and tokens",
          response: { 200: agreementListSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => ({ agreements: await listAgreements(dbContext(context, request)) }),
    );

    app.post(
      "/agreements",
      {
        schema: {
          tags: ["providers"],
          summary: "Record a data-sharing agreement: purpose, data elements, schools, dates, retention, breach contact",
          body: createAgreementBodySchema,
          response: { 201: agreementSchema, ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createAgreement(dbContext(context, request), request.body)),
    );

    app.patch(
      "/agreements/:id",
      {
        schema: {
          tags: ["providers"],
          summary: "Change an agreement's terms or status (audited); a destroyed agreement cannot change",
          params: idParamsSchema,
          body: updateAgreementBodySchema,
          response: { 200: agreementSchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request) => updateAgreement(dbContext(context, request), request.params.id, request.body),
    );

    app.post(
      "/agreements/:id/tokens",
      {
        schema: {
          tags: ["providers"],
          summary: "Issue a provider API token under the agreement; the token is in this answer only",
          params: idParamsSchema,
          body: issueTokenBodySchema,
          response: { 201: issuedTokenSchema, ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const issued = await issueProviderToken(dbContext(context, request), request.params.id, request.body);
        reply.header("cache-control", "no-store");
        return reply.status(201).send(issued);
      },
    );

    app.post(
      "/provider-tokens/:id/revoke",
      {
        schema: {
          tags: ["providers"],
          summary: "Revoke a provider token now; revoking it again changes nothing",
          params: idParamsSchema,
          response: { 200: providerTokenSchema, ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request) => revokeProviderToken(dbContext(context, request), request.params.id),
    );
  };
}
