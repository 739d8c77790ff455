import { CairnError, type Viewer } from "@cairn/core";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The districts whose providers and agreements a viewer manages: a district admin's own
 * districts, or every district for the operator and Cairn's own jobs. Anyone else manages
 * none, and is refused rather than shown an empty list, since agreements are not theirs to see.
 */
export function administeredDistricts(viewer: Viewer): string[] | "all" {
  if (viewer.kind === "operator" || viewer.kind === "system") return "all";
  if (viewer.kind !== "person") return [];
  return [
    ...new Set(
      viewer.grants.flatMap((grant) => (grant.role === "district_admin" && grant.districtId ? [grant.districtId] : [])),
    ),
  ];
}

export function requireAgreementAdmin(viewer: Viewer): string[] | "all" {
  const districts = administeredDistricts(viewer);
  if (districts !== "all" && districts.length === 0)
    throw new CairnError("forbidden", "only a district administrator manages providers and data-sharing agreements");
  return districts;
}

/** The rows of `column`'s table that belong to a district the viewer manages. */
export function inAdministeredDistricts(viewer: Viewer, column: PgColumn): SQL {
  const districts = requireAgreementAdmin(viewer);
  return districts === "all" ? sql`true` : inArray(column, districts);
}
