import type { CfPackage } from "./types";

type Json = Record<string, unknown>;

/**
 * Rewrites a CASE 1.0 package in 1.1 form, changing only what 1.1 spells differently:
 * single strings where 1.1 wants lists, date-times where it wants dates, nulls where it
 * wants the field left out, an empty definitions list, and the item-type description
 * 1.1 requires. Everything else is kept as written.
 */
export function upgradeToCase11(input: Json): CfPackage {
  const upgraded = structuredClone(input);
  const document = upgraded.CFDocument as Json;
  document.caseVersion = "1.1";
  toList(document, "subject");
  toDate(document, "statusStartDate");
  toDate(document, "statusEndDate");
  dropNull(document, "licenseURI");
  for (const item of (upgraded.CFItems ?? []) as Json[]) {
    dropNull(item, "conceptKeywords");
    dropNull(item, "conceptKeywordsURI");
    toList(item, "educationLevel");
    toDate(item, "statusStartDate");
    toDate(item, "statusEndDate");
  }
  for (const association of (upgraded.CFAssociations ?? []) as Json[])
    dropNull(association, "CFAssociationGroupingURI");
  if (Array.isArray(upgraded.CFDefinitions)) delete upgraded.CFDefinitions;
  const itemTypes = ((upgraded.CFDefinitions as Json | undefined)?.CFItemTypes ?? []) as Json[];
  for (const itemType of itemTypes) itemType.description ??= "";
  return upgraded as unknown as CfPackage;
}

function toList(object: Json, field: string): void {
  const value = object[field];
  if (typeof value === "string")
    object[field] = value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
}

function toDate(object: Json, field: string): void {
  const value = object[field];
  if (value === null) delete object[field];
  else if (typeof value === "string" && value.length > 10) object[field] = value.slice(0, 10);
}

function dropNull(object: Json, field: string): void {
  if (object[field] === null) delete object[field];
}
