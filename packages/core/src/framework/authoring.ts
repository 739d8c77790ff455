import {
  type CaseObject,
  type CfAssociation,
  type CfDocument,
  type CfItem,
  type CfPackage,
  type CfRubric,
  caseUuid,
} from "./case";
import { SCALE_EXTENSION } from "./framework-scale";
import type { ProficiencyScale } from "./proficiency-scale";

/**
 * Building a draft framework in Cairn, object by object, as CASE objects kept whole (see
 * editing.ts for the version and prerequisite edits). The callers pass identifiers for
 * objects nothing else names (a new framework, a new item), so these functions stay pure;
 * the others derive theirs from what they link, so the same link gets the same identifier.
 */

/** The URI of a new object, beside the object it belongs to: `urn:cairn:case:<id>` or the publisher's `…/uri/<id>`. */
export function uriBeside(owner: { identifier: string; uri: string }, identifier: string): string {
  if (owner.uri.includes(owner.identifier)) return owner.uri.replace(owner.identifier, identifier);
  const slash = owner.uri.lastIndexOf("/");
  return slash >= 0 ? `${owner.uri.slice(0, slash + 1)}${identifier}` : `urn:cairn:case:${identifier}`;
}

/** What a link to a CASE object is titled: its code, or the start of its statement or title. */
export function linkTitle(target: { humanCodingScheme?: string; fullStatement?: string; title?: unknown }): string {
  if (target.humanCodingScheme) return target.humanCodingScheme;
  if (target.fullStatement) return target.fullStatement.slice(0, 60);
  return typeof target.title === "string" ? target.title : "";
}

function linkTo(target: CfItem | CfDocument) {
  return { title: linkTitle(target), identifier: target.identifier, uri: target.uri };
}

export interface NewFramework {
  identifier: string;
  title: string;
  creator: string;
  version?: string;
  subject?: string;
  language?: string;
  now: string;
}

/** An empty draft framework: a CFDocument and nothing else, ready to be imported and filled in. */
export function newFrameworkPackage(meta: NewFramework): CfPackage {
  return {
    CFDocument: {
      identifier: meta.identifier,
      uri: `urn:cairn:case:${meta.identifier}`,
      lastChangeDateTime: meta.now,
      caseVersion: "1.1",
      title: meta.title,
      creator: meta.creator,
      adoptionStatus: "Draft",
      ...(meta.version ? { version: meta.version } : {}),
      ...(meta.subject ? { subject: [meta.subject] } : {}),
      ...(meta.language ? { language: meta.language } : {}),
    },
    CFItems: [],
    CFAssociations: [],
  };
}

export interface NewItem {
  identifier: string;
  fullStatement: string;
  humanCodingScheme?: string | null;
  abbreviatedStatement?: string | null;
  CFItemType?: string | null;
  educationLevel?: string[];
}

/** A new item of a framework; empty fields are left out, as CASE wants. */
export function newItem(document: CfDocument, fields: NewItem, now: string): CfItem {
  const item: CfItem = {
    identifier: fields.identifier,
    uri: uriBeside(document, fields.identifier),
    lastChangeDateTime: now,
    fullStatement: fields.fullStatement,
  };
  if (fields.humanCodingScheme) item.humanCodingScheme = fields.humanCodingScheme;
  if (fields.abbreviatedStatement) item.abbreviatedStatement = fields.abbreviatedStatement;
  if (fields.CFItemType) item.CFItemType = fields.CFItemType;
  if (fields.educationLevel && fields.educationLevel.length > 0) item.educationLevel = fields.educationLevel;
  return item;
}

/** The `isChildOf` association placing an item under a parent item, or at the top (under the document). */
export function childAssociation(
  child: CfItem,
  parent: CfItem | CfDocument,
  sequenceNumber: number,
  now: string,
): CfAssociation {
  const identifier = caseUuid(`${child.identifier}isChildOf${parent.identifier}`);
  return {
    identifier,
    uri: uriBeside(child, identifier),
    lastChangeDateTime: now,
    associationType: "isChildOf",
    originNodeURI: linkTo(child),
    destinationNodeURI: linkTo(parent),
    sequenceNumber,
  };
}

/** An `isChildOf` association rewritten: a new place among its siblings, and perhaps a new parent. */
export function movedChild(
  association: CfAssociation,
  change: { sequenceNumber: number; parent?: CfItem | CfDocument },
  now: string,
): CfAssociation {
  return {
    ...association,
    ...(change.parent ? { destinationNodeURI: linkTo(change.parent) } : {}),
    sequenceNumber: change.sequenceNumber,
    lastChangeDateTime: now,
  };
}

export interface Sibling {
  id: string;
  sequence: number | null;
  position: number;
}

/** Siblings in the order the tree shows them: by sequence number, then the publisher's order. */
export function siblingOrder(siblings: readonly Sibling[]): Sibling[] {
  return [...siblings].sort(
    (a, b) =>
      (a.sequence ?? Number.MAX_SAFE_INTEGER) - (b.sequence ?? Number.MAX_SAFE_INTEGER) || a.position - b.position,
  );
}

/**
 * The sequence numbers to write so that an item trades places with its neighbour: the two
 * numbers swapped when both are set and differ; otherwise (a publisher left them out or
 * repeated them) every sibling numbered 1, 2, 3… in the new order. Only changes are
 * returned; null when there is no neighbour that way.
 */
export function reorderedSiblings(
  siblings: readonly Sibling[],
  itemId: string,
  direction: "up" | "down",
): { id: string; sequence: number }[] | null {
  const ordered = siblingOrder(siblings);
  const index = ordered.findIndex((sibling) => sibling.id === itemId);
  const other = direction === "up" ? index - 1 : index + 1;
  const item = ordered[index];
  const neighbour = ordered[other];
  if (!item || !neighbour) return null;
  if (item.sequence !== null && neighbour.sequence !== null && item.sequence !== neighbour.sequence) {
    const unique = new Set(ordered.map((sibling) => sibling.sequence)).size === ordered.length;
    if (unique)
      return [
        { id: item.id, sequence: neighbour.sequence },
        { id: neighbour.id, sequence: item.sequence },
      ];
  }
  ordered[index] = neighbour;
  ordered[other] = item;
  return ordered.flatMap((sibling, at) => (sibling.sequence === at + 1 ? [] : [{ id: sibling.id, sequence: at + 1 }]));
}

/**
 * The loop that putting an item under a new parent would make, from the item down to the
 * new parent (`[item, child, grandchild = new parent]`), or null when there is none.
 * `parentOf` maps each item to its parent (null at the top).
 */
export function treeLoopIfMoved(
  parentOf: ReadonlyMap<string, string | null>,
  itemId: string,
  newParentId: string | null,
): string[] | null {
  const upward: string[] = [];
  const seen = new Set<string>();
  for (let at: string | null | undefined = newParentId; at; at = parentOf.get(at)) {
    if (seen.has(at)) return null; // a loop already there, above the item: not one this move makes
    seen.add(at);
    upward.push(at);
    if (at === itemId) return upward.reverse();
  }
  return null;
}

/** A CASE object with Cairn's scale set, or removed (null); other extensions are kept. */
export function withScale<T extends CaseObject>(object: T, scale: ProficiencyScale | null, now: string): T {
  const extensions = { ...(object.extensions ?? {}) };
  if (scale) extensions[SCALE_EXTENSION] = { levels: scale.levels, masteryCode: scale.masteryCode };
  else delete extensions[SCALE_EXTENSION];
  const next: T = { ...object, lastChangeDateTime: now };
  if (Object.keys(extensions).length > 0) next.extensions = extensions;
  else delete next.extensions;
  return next;
}

/** The extension saying which level of the scale a work sample shows. */
export const LEVEL_EXTENSION = "cairn:level";

/**
 * An exemplar: a work sample, outside the framework (a URL), showing an item at one level
 * of its scale. The identifier derives from the item, the address and the level, so the
 * same sample cannot be attached twice at the same level.
 */
export function exemplarAssociation(
  item: CfItem,
  sample: { title: string; uri: string; levelCode: string },
  now: string,
): CfAssociation {
  const identifier = caseUuid(`${item.identifier}exemplar${sample.uri}@${sample.levelCode}`);
  return {
    identifier,
    uri: uriBeside(item, identifier),
    lastChangeDateTime: now,
    associationType: "exemplar",
    originNodeURI: linkTo(item),
    destinationNodeURI: { title: sample.title, identifier: caseUuid(sample.uri), uri: sample.uri },
    extensions: { [LEVEL_EXTENSION]: sample.levelCode },
  };
}

/** The level an exemplar association is at, when it says. */
export function exemplarLevel(association: { extensions?: Record<string, unknown> }): string | null {
  const level = association.extensions?.[LEVEL_EXTENSION];
  return typeof level === "string" ? level : null;
}

/** The identifier of the rubric Cairn makes for an item: one per item, so making it again replaces it. */
export function itemRubricIdentifier(item: { identifier: string }): string {
  return caseUuid(`${item.identifier}/rubric`);
}

/**
 * The rubric for one item: a single criterion whose levels are the scale's levels
 * (quality the label, score the value, description the descriptor), in the scale's order.
 */
export function itemRubric(
  item: CfItem,
  scale: ProficiencyScale,
  text: { title?: string | null; description?: string | null },
  now: string,
): CfRubric {
  const identifier = itemRubricIdentifier(item);
  const criterionId = caseUuid(`${identifier}/criterion`);
  const object = (id: string) => ({ identifier: id, uri: uriBeside(item, id), lastChangeDateTime: now });
  return {
    ...object(identifier),
    title: text.title || `Rubric: ${linkTitle(item)}`,
    ...(text.description ? { description: text.description } : {}),
    CFRubricCriteria: [
      {
        ...object(criterionId),
        ...(item.humanCodingScheme ? { category: item.humanCodingScheme } : {}),
        description: item.fullStatement,
        CFItemURI: linkTo(item),
        position: 1,
        rubricId: identifier,
        CFRubricCriterionLevels: scale.levels.map((level, index) => ({
          ...object(caseUuid(`${criterionId}/level/${level.code}`)),
          quality: level.label,
          score: level.value,
          ...(level.descriptor ? { description: level.descriptor } : {}),
          position: index + 1,
          rubricCriterionId: criterionId,
        })),
      },
    ],
  };
}

/**
 * A rubric without its criteria for an item (the item is being deleted), or null when no
 * criterion is left and the rubric goes with it.
 */
export function rubricWithoutItem(rubric: CfRubric, itemIdentifier: string, now: string): CfRubric | null {
  const criteria = rubric.CFRubricCriteria ?? [];
  const kept = criteria.filter((criterion) => criterion.CFItemURI?.identifier !== itemIdentifier);
  if (kept.length === criteria.length) return rubric;
  if (kept.length === 0) return null;
  return { ...rubric, CFRubricCriteria: kept, lastChangeDateTime: now };
}
