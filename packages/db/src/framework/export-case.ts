import { CairnError, type CfDefinitions, type CfDocument, type CfPackage } from "@cairn/core";
import { and, asc, eq, or } from "drizzle-orm";
import type { DbContext } from "../context";
import { framework, frameworkAssociation, frameworkItem, frameworkRubric } from "../schema";
import { readableFrameworks } from "./access";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A framework the viewer may read, by Cairn's id or its CASE identifier; otherwise not found. */
export async function findFramework(ctx: Pick<DbContext, "db" | "viewer">, idOrIdentifier: string) {
  const byId = UUID.test(idOrIdentifier) ? eq(framework.id, idOrIdentifier) : undefined;
  const [found] = await ctx.db
    .select()
    .from(framework)
    .where(and(or(byId, eq(framework.caseIdentifier, idOrIdentifier)), readableFrameworks(ctx.viewer)))
    .limit(1);
  if (!found) throw new CairnError("not_found", `framework ${idOrIdentifier} not found`);
  return found;
}

/**
 * The framework as a CASE 1.1 CFPackage: every object as it was imported (or last
 * edited), in the publisher's order, so a package exported and imported again is the same.
 */
export async function exportCasePackage(
  ctx: Pick<DbContext, "db" | "viewer">,
  idOrIdentifier: string,
): Promise<CfPackage> {
  const found = await findFramework(ctx, idOrIdentifier);
  const [items, associations, rubrics] = await Promise.all([
    ctx.db
      .select({ json: frameworkItem.caseJson })
      .from(frameworkItem)
      .where(eq(frameworkItem.frameworkId, found.id))
      .orderBy(asc(frameworkItem.position)),
    ctx.db
      .select({ json: frameworkAssociation.caseJson })
      .from(frameworkAssociation)
      .where(eq(frameworkAssociation.frameworkId, found.id))
      .orderBy(asc(frameworkAssociation.position)),
    ctx.db
      .select({ json: frameworkRubric.caseJson })
      .from(frameworkRubric)
      .where(eq(frameworkRubric.frameworkId, found.id))
      .orderBy(asc(frameworkRubric.position)),
  ]);
  const pkg: CfPackage = {
    CFDocument: found.document as CfDocument,
    CFItems: items.map((row) => row.json as NonNullable<CfPackage["CFItems"]>[number]),
    CFAssociations: associations.map((row) => row.json as NonNullable<CfPackage["CFAssociations"]>[number]),
    CFRubrics: rubrics.map((row) => row.json as NonNullable<CfPackage["CFRubrics"]>[number]),
  };
  if (found.definitions) pkg.CFDefinitions = found.definitions as CfDefinitions;
  if (found.packageExtensions) pkg.extensions = found.packageExtensions as Record<string, unknown>;
  return pkg;
}
