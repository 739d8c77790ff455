import { errorResponseSchema } from "@cairn/core";

/** Declares the error answers a route can give, for validation of replies and for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchema]));
}
