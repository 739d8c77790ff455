import { type CfAssociation, type CfDocument, type CfItem, type CfPackage, caseUuid, type LinkUri } from "./case";

/**
 * Editing a framework is editing its CASE objects: each function returns the new object,
 * with its change date, and leaves the rest of the object (extensions, notes, URIs) as it
 * was. Identifiers are derived from what they identify, so the same edit gives the same
 * identifier and the functions stay pure.
 */

/** Where an identifier's URI lives: the same place as the object it is derived from. */
function uriLike(uri: string, identifier: string): string {
  const slash = uri.lastIndexOf("/");
  return slash >= 0 ? `${uri.slice(0, slash + 1)}${identifier}` : identifier;
}

function link(target: { identifier: string; uri: string }, title: string): LinkUri {
  return { title, identifier: target.identifier, uri: target.uri };
}

/**
 * A new draft version of a framework: every object gets a new identifier derived from the
 * old one and the version, the document is a draft with the new version number, and each
 * new item is linked to the item it replaces (`replacedBy`, from old to new: a crosswalk
 * that points outside the new framework, to the old one).
 */
export function newVersionOf(pkg: CfPackage, options: { version: string; now: string }): CfPackage {
  const renamed = new Map<string, { identifier: string; uri: string }>();
  const rename = <T extends { identifier: string; uri: string }>(object: T): T => {
    const identifier = caseUuid(`${object.identifier}@${options.version}`);
    const next = { identifier, uri: uriLike(object.uri, identifier) };
    renamed.set(object.identifier, next);
    return { ...object, ...next, lastChangeDateTime: options.now };
  };
  const document: CfDocument = {
    ...rename(pkg.CFDocument),
    version: options.version,
    adoptionStatus: "Draft",
  };
  delete document.statusStartDate;
  delete document.statusEndDate;
  const oldItems = pkg.CFItems ?? [];
  const items = oldItems.map((item) => rename(item));
  const relink = (end: LinkUri): LinkUri => {
    const next = renamed.get(end.identifier);
    return next ? { ...end, ...next } : end;
  };
  const associations: CfAssociation[] = (pkg.CFAssociations ?? []).map((association) => ({
    ...rename(association),
    originNodeURI: relink(association.originNodeURI),
    destinationNodeURI: relink(association.destinationNodeURI),
  }));
  oldItems.forEach((old, index) => {
    const next = items[index] as CfItem;
    const identifier = caseUuid(`${old.identifier}@${options.version}/replacedBy`);
    associations.push({
      identifier,
      uri: uriLike(old.uri, identifier),
      lastChangeDateTime: options.now,
      associationType: "replacedBy",
      originNodeURI: link(old, old.humanCodingScheme ?? old.fullStatement.slice(0, 60)),
      destinationNodeURI: link(next, next.humanCodingScheme ?? next.fullStatement.slice(0, 60)),
    });
  });
  const rubrics = (pkg.CFRubrics ?? []).map((rubric) => ({
    ...rename(rubric),
    CFRubricCriteria: (rubric.CFRubricCriteria ?? []).map((criterion) => {
      const renamedCriterion = rename(criterion);
      return {
        ...renamedCriterion,
        ...(criterion.CFItemURI ? { CFItemURI: relink(criterion.CFItemURI) } : {}),
        ...(criterion.rubricId ? { rubricId: renamed.get(rubric.identifier)?.identifier } : {}),
        CFRubricCriterionLevels: (criterion.CFRubricCriterionLevels ?? []).map((level) => ({
          ...rename(level),
          ...(level.rubricCriterionId ? { rubricCriterionId: renamedCriterion.identifier } : {}),
        })),
      };
    }),
  }));
  return { ...pkg, CFDocument: document, CFItems: items, CFAssociations: associations, CFRubrics: rubrics };
}

export interface ItemChanges {
  fullStatement?: string;
  abbreviatedStatement?: string | null;
  humanCodingScheme?: string | null;
  educationLevel?: string[];
}

/** An item with its statement, code or grades changed; an empty value removes the field. */
export function editedItem(item: CfItem, changes: ItemChanges, now: string): CfItem {
  const next: CfItem = { ...item, lastChangeDateTime: now };
  if (changes.fullStatement !== undefined) next.fullStatement = changes.fullStatement;
  for (const field of ["abbreviatedStatement", "humanCodingScheme"] as const) {
    const value = changes[field];
    if (value === undefined) continue;
    if (value === null || value === "") delete next[field];
    else next[field] = value;
  }
  if (changes.educationLevel !== undefined) {
    if (changes.educationLevel.length === 0) delete next.educationLevel;
    else next.educationLevel = changes.educationLevel;
  }
  return next;
}

/** The `precedes` association saying `before` comes before `after`. */
export function precedesAssociation(before: CfItem, after: CfItem, now: string): CfAssociation {
  const identifier = caseUuid(`${before.identifier}precedes${after.identifier}`);
  return {
    identifier,
    uri: uriLike(after.uri, identifier),
    lastChangeDateTime: now,
    associationType: "precedes",
    originNodeURI: link(before, before.humanCodingScheme ?? before.fullStatement.slice(0, 60)),
    destinationNodeURI: link(after, after.humanCodingScheme ?? after.fullStatement.slice(0, 60)),
  };
}

/** The document of a framework being published today, or retired today. */
export function documentWithStatus(
  document: CfDocument,
  status: "published" | "deprecated",
  today: string,
  now: string,
): CfDocument {
  return status === "published"
    ? { ...document, adoptionStatus: "Adopted", statusStartDate: today, lastChangeDateTime: now }
    : { ...document, adoptionStatus: "Deprecated", statusEndDate: today, lastChangeDateTime: now };
}
