import type { Provider } from "@cairn/core";
import { asc } from "drizzle-orm";
import type { DbContext } from "../context";
import { provider } from "../schema";
import { presentProvider } from "./present";
import { inAdministeredDistricts } from "./scope";

export async function listProviders(ctx: DbContext): Promise<Provider[]> {
  const rows = await ctx.db
    .select()
    .from(provider)
    .where(inAdministeredDistricts(ctx.viewer, provider.districtId))
    .orderBy(asc(provider.name));
  return rows.map(presentProvider);
}
