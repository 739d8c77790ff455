import { CairnError } from "@cairn/core";
import { eq, or } from "drizzle-orm";
import type { Db } from "../database";
import { district } from "../schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A district named on the command line, by id or by code; a code two states share must be given as an id. */
export async function findDistrict(db: Db, idOrCode: string): Promise<{ id: string; name: string }> {
  const matches = await db
    .select({ id: district.id, name: district.name })
    .from(district)
    .where(
      UUID.test(idOrCode) ? or(eq(district.id, idOrCode), eq(district.code, idOrCode)) : eq(district.code, idOrCode),
    );
  if (matches.length === 0) throw new CairnError("not_found", `no district has the id or code "${idOrCode}"`);
  if (matches.length > 1)
    throw new CairnError(
      "validation",
      `districts in several states have the code "${idOrCode}"; give the district's id`,
    );
  return matches[0] as { id: string; name: string };
}
