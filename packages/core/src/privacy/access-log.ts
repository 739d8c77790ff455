import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** What was done with a student's record: a closed set, so the log can be read by machines too. */
export const ACCESS_ACTIONS = [
  "read_student_record",
  "export_student_record",
  /** A provider's call under a data-sharing agreement. */
  "provider_read",
  "provider_write",
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Why: FERPA allows disclosure to school officials with a legitimate educational interest, and to families. */
export const ACCESS_PURPOSES = [
  "educational_interest",
  "family_access",
  "self_access",
  "district_administration",
  "operator",
  /** A provider acting under a data-sharing agreement; the detail names the agreement. */
  "provider_agreement",
  /** A system admin opening a record for a stated reason; the detail holds the reason. */
  "stated_reason",
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** One entry of the record of disclosures, as hashed: everything but the hash itself. */
export interface AccessEntry {
  districtId: string;
  sequence: number;
  occurredAt: string;
  actorPersonId: string | null;
  actorName: string;
  actorRoles: string[];
  action: AccessAction;
  studentId: string;
  dataElements: string[];
  purpose: AccessPurpose;
  /** Which agreement, or the stated reason, when the purpose needs one. */
  purposeDetail?: string | null;
}

/** The chain starts from this value in every district. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash of an entry chained to the one before it: changing, removing or reordering any
 * earlier entry changes every hash after it. Fields are hashed in a fixed order.
 */
export function hashAccessEntry(previousHash: string, entry: AccessEntry): string {
  const canonical = JSON.stringify([
    previousHash,
    entry.districtId,
    entry.sequence,
    entry.occurredAt,
    entry.actorPersonId,
    entry.actorName,
    entry.actorRoles,
    entry.action,
    entry.studentId,
    entry.dataElements,
    entry.purpose,
    // Appended only when present, so entries written before the detail existed keep their hashes.
    ...(entry.purposeDetail ? [entry.purposeDetail] : []),
  ]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

export interface ChainedEntry extends AccessEntry {
  previousHash: string;
  hash: string;
}

/**
 * Checks one district's chain, in sequence order. Returns the first entry that does not
 * follow from the one before it (altered, missing or inserted), or null when all hold.
 */
export function findChainBreak(
  entries: readonly ChainedEntry[],
  /** Where this run of entries starts, when a long chain is checked page by page. */
  from: { previousHash: string; sequence: number } = { previousHash: GENESIS_HASH, sequence: 1 },
): { sequence: number; reason: string } | null {
  let previousHash = from.previousHash;
  let expectedSequence = from.sequence;
  for (const entry of entries) {
    if (entry.sequence !== expectedSequence) {
      return { sequence: entry.sequence, reason: `expected entry ${expectedSequence}, found ${entry.sequence}` };
    }
    if (entry.previousHash !== previousHash) {
      return { sequence: entry.sequence, reason: "does not point to the entry before it" };
    }
    if (hashAccessEntry(previousHash, entry) !== entry.hash) {
      return { sequence: entry.sequence, reason: "its contents do not match its hash" };
    }
    previousHash = entry.hash;
    expectedSequence++;
  }
  return null;
}

/**
 * Why a viewer reads a student's record, from how they are related to the student: the
 * student themself, a family member, the district office, or a school official.
 */
export function accessPurpose(relation: {
  isSelf: boolean;
  isGuardian: boolean;
  roles: readonly string[];
}): AccessPurpose {
  if (relation.isSelf) return "self_access";
  if (relation.isGuardian) return "family_access";
  const schoolRoles = ["teacher", "paraprofessional", "mentor", "school_leader"];
  if (relation.roles.some((role) => schoolRoles.includes(role))) return "educational_interest";
  if (relation.roles.includes("district_admin")) return "district_administration";
  return "educational_interest";
}

/** A student is an adult, with their own rights over the record, from their 18th birthday. */
export function isAdult(birthDate: string, today: string): boolean {
  const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
  const eighteenth = `${String(year + 18).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return eighteenth <= today;
}
