import type { Viewer } from "../auth/viewer";
import { CairnError } from "../errors";
import type { StudentDetail } from "../people/schemas";
import { STUDENT_DATA_ELEMENTS, type StudentDataElement } from "../privacy/data-elements";

/** draft → active ⇄ suspended → terminated; `destroyed` is set only when the destruction date has passed. */
export const AGREEMENT_STATUSES = ["draft", "active", "suspended", "terminated", "destroyed"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The statuses a district admin may set by hand; `destroyed` is the enforcement job's alone. */
export const SETTABLE_AGREEMENT_STATUSES = ["draft", "active", "suspended", "terminated"] as const;

const NEXT_STATUSES: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ["active", "terminated"],
  active: ["suspended", "terminated"],
  suspended: ["active", "terminated"],
  terminated: [],
  destroyed: [],
};

/**
 * Whether an agreement may move from one status to another by hand: draft → active ⇄
 * suspended → terminated (a draft may also be dropped as terminated). Terminated is final:
 * the provider's access has ended, and a new agreement is a new decision.
 */
export function mayChangeAgreementStatus(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || NEXT_STATUSES[from].includes(to);
}

/** A provider token lives at most this long, so a forgotten credential dies on its own. */
export const MAX_TOKEN_LIFETIME_DAYS = 365;

export interface AgreementTerms {
  status: string;
  /** ISO dates (YYYY-MM-DD); `today` is compared as a string, which orders ISO dates correctly. */
  startsOn: string;
  endsOn: string;
  destroyBy: string;
}

/**
 * Whether a provider may use an agreement on `today`: the district has made it active, the
 * day falls within its term, and its data is not yet due for destruction (access ends on
 * the destruction date at the latest, even if the term says otherwise).
 */
export function isAgreementInForce(agreement: AgreementTerms, today: string): boolean {
  return (
    agreement.status === "active" &&
    agreement.startsOn <= today &&
    today <= agreement.endsOn &&
    today < agreement.destroyBy
  );
}

/** The agreement's destruction date has come: access must end and a destruction record be kept. */
export function isPastDestruction(agreement: Pick<AgreementTerms, "destroyBy">, today: string): boolean {
  return agreement.destroyBy <= today;
}

/** The fields of a student's record that each data element discloses. `id` is always given, to address the record. */
export const ELEMENT_FIELDS = {
  profile: ["givenName", "familyName", "schoolId", "schoolName", "gradeLevel", "studentNumber"],
  demographics: [
    "birthDate",
    "gender",
    "raceEthnicity",
    "economicallyDisadvantaged",
    "englishLearner",
    "disabilityStatus",
  ],
  guardians: ["guardians"],
  sections: ["sections"],
  mentors: ["mentors"],
  // Served by the evidence routes, not in the student record a provider reads.
  evidence: [],
  mastery: [],
} as const satisfies Record<StudentDataElement, readonly (keyof StudentDetail)[]>;

export type ProviderStudentRecord = Partial<Omit<StudentDetail, "districtId">> & { id: string };

/** Only the allowed elements of a record: anything the agreement does not name is absent, not empty. */
export function projectStudentRecord(
  record: Partial<StudentDetail> & { id: string },
  allowedElements: readonly string[],
): ProviderStudentRecord {
  const projected: Record<string, unknown> = { id: record.id };
  for (const element of STUDENT_DATA_ELEMENTS) {
    if (!allowedElements.includes(element)) continue;
    for (const field of ELEMENT_FIELDS[element]) {
      if (record[field] !== undefined) projected[field] = record[field];
    }
  }
  return projected as ProviderStudentRecord;
}

/**
 * Refuses a provider any data element its agreement does not allow. People and the
 * operator pass: their scope is decided by role policies, not by agreements. Reads and
 * writes are allowed by the same list for now (an agreement names elements, not verbs);
 * the mode is part of the call so that the refusal says what was refused.
 */
export function requireElement(viewer: Viewer, element: string, mode: "read" | "write"): void {
  if (viewer.kind !== "provider") return;
  if (!viewer.dataElements.includes(element))
    throw new CairnError("forbidden", `the data-sharing agreement does not allow ${mode} access to ${element}`);
}

/** Why an expiry is refused, or null when it is acceptable. */
export function tokenExpiryProblem(now: Date, expiresAt: Date): string | null {
  if (expiresAt.getTime() <= now.getTime()) return "the expiry must be in the future";
  if (expiresAt.getTime() - now.getTime() > MAX_TOKEN_LIFETIME_DAYS * 24 * 60 * 60 * 1000)
    return `a token may live at most ${MAX_TOKEN_LIFETIME_DAYS} days`;
  return null;
}
