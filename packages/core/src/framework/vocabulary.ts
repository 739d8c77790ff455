/** CASE 1.1 association types; CASE also allows any `ext:` type, which is kept as given. */
export const CASE_ASSOCIATION_TYPES = [
  "isChildOf",
  "isPeerOf",
  "isPartOf",
  "exactMatchOf",
  "precedes",
  "isRelatedTo",
  "replacedBy",
  "exemplar",
  "hasSkillLevel",
  "isTranslationOf",
] as const;
export type CaseAssociationType = (typeof CASE_ASSOCIATION_TYPES)[number];

const EXTENSION_TYPE = /^ext:[a-zA-Z0-9.\-_]+$/;

/** Whether a string is an association type CASE accepts: a standard one or an `ext:` one. */
export function isAssociationType(value: string): boolean {
  return (CASE_ASSOCIATION_TYPES as readonly string[]).includes(value) || EXTENSION_TYPE.test(value);
}

/** A framework's adoption status; a published framework is immutable (edits make a new version). */
export const ADOPTION_STATUSES = ["draft", "published", "deprecated"] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];
