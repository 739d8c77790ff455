import type { Provider, ProviderToken } from "@cairn/core";
import type { provider, providerToken } from "../schema";

export function presentProvider(row: typeof provider.$inferSelect): Provider {
  return {
    id: row.id,
    districtId: row.districtId,
    name: row.name,
    website: row.website,
    contactEmail: row.contactEmail,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A token as anyone may see it: never its hash. */
export function presentToken(row: Omit<typeof providerToken.$inferSelect, "tokenHash">): ProviderToken {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Every token column except the hash, for selects that must not read the secret. */
export const tokenColumns = (table: typeof providerToken) => ({
  id: table.id,
  agreementId: table.agreementId,
  label: table.label,
  createdBy: table.createdBy,
  createdAt: table.createdAt,
  expiresAt: table.expiresAt,
  revokedAt: table.revokedAt,
  lastUsedAt: table.lastUsedAt,
});
