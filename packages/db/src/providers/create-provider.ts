import { CairnError, type CreateProviderBody, type Provider } from "@cairn/core";
import { and, eq } from "drizzle-orm";
import type { DbContext } from "../context";
import { recordAuditEvent } from "../privacy/audit";
import { provider } from "../schema";
import { presentProvider } from "./present";
import { requireAgreementAdmin } from "./scope";

/** Adds a provider to a district the viewer administers; the district is the viewer's own unless they run several. */
export async function createProvider(ctx: DbContext, body: CreateProviderBody): Promise<Provider> {
  const districts = requireAgreementAdmin(ctx.viewer);
  const districtId = body.districtId ?? (districts !== "all" && districts.length === 1 ? districts[0] : undefined);
  if (!districtId)
    throw new CairnError("validation", "say which district the provider is for", [
      { path: ["body", "districtId"], message: "required when you administer more than one district" },
    ]);
  if (districts !== "all" && !districts.includes(districtId))
    throw new CairnError("forbidden", "you do not administer that district");
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: provider.id })
      .from(provider)
      .where(and(eq(provider.districtId, districtId), eq(provider.name, body.name)));
    if (existing)
      throw new CairnError("conflict", "the district already has a provider of that name", [
        { path: ["body", "name"], message: "already used" },
      ]);
    const [created] = await tx
      .insert(provider)
      .values({
        districtId,
        name: body.name,
        website: body.website ?? null,
        contactEmail: body.contactEmail ?? null,
        createdAt: ctx.now,
      })
      .returning();
    if (!created) throw new Error("provider insert returned nothing");
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "provider.created",
        subjectKind: "provider",
        subjectId: created.id,
        districtId,
        details: { name: created.name, website: created.website, contactEmail: created.contactEmail },
      },
    );
    return presentProvider(created);
  });
}
