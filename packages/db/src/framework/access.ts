import { CairnError, type Viewer } from "@cairn/core";
import { or, type SQL, sql } from "drizzle-orm";
import { framework } from "../schema";

/**
 * Frameworks are not student data: every signed-in person reads the published ones (and
 * the deprecated ones, which old evidence still points to). Drafts are seen only by the
 * admins of the district that owns them, and by the operator.
 */
export function readableFrameworks(viewer: Viewer): SQL {
  if (viewer.kind === "operator") return sql`true`;
  const published = sql`${framework.status} <> 'draft'`;
  const districts = adminDistricts(viewer);
  if (districts.length === 0) return published;
  return or(published, sql`${framework.districtId} in ${districts}`) as SQL;
}

/** The districts whose frameworks the viewer may import, edit and publish. */
export function adminDistricts(viewer: Viewer): string[] {
  if (viewer.kind !== "person") return [];
  return viewer.grants.flatMap((grant) =>
    grant.role === "district_admin" && grant.districtId ? [grant.districtId] : [],
  );
}

/**
 * Where an import lands: a district admin's own district (the only one, or the one named);
 * the operator may also import a framework shared by the whole installation (null).
 */
export function importTarget(viewer: Viewer, requested: string | null | undefined): string | null {
  if (viewer.kind === "operator") return requested ?? null;
  const districts = adminDistricts(viewer);
  if (districts.length === 0) throw new CairnError("forbidden", "only district admins can import frameworks");
  if (requested === undefined && districts.length === 1) return districts[0] as string;
  if (requested && districts.includes(requested)) return requested;
  throw new CairnError("forbidden", "you can import frameworks only into a district you administer");
}
