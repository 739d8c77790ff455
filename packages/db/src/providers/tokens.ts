import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners, like `ghp_` for GitHub; the rest is 32 random bytes. */
export const PROVIDER_TOKEN_PREFIX = "cairn_pt_";

export function newProviderToken(): string {
  return `${PROVIDER_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * Only this digest is stored. Looking a token up by the SHA-256 of what was presented
 * leaks nothing through timing: an attacker cannot steer the digest toward a stored one.
 */
export function hashProviderToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
