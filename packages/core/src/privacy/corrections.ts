import { CairnError } from "../errors";

/**
 * A family's request to correct the record (FERPA's right to seek amendment): filed by
 * anyone with rights over the record, answered by the district, tracked to resolution.
 */
export const CORRECTION_STATUSES = ["open", "accepted", "rejected"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** What the district may decide; a request is open until one of these. */
export const CORRECTION_DECISIONS = ["accepted", "rejected"] as const;
export type CorrectionDecision = (typeof CORRECTION_DECISIONS)[number];

/** Long enough for a careful paragraph or two, short enough to read in a queue. */
export const CORRECTION_TEXT_MAX = 2000;

/**
 * The status a request takes when the district decides it. Only an open request can be
 * decided: a decision, once written, is the answer the family was given and is not re-made.
 */
export function resolveCorrectionStatus(current: CorrectionStatus, decision: CorrectionDecision): CorrectionStatus {
  if (current !== "open") {
    throw new CairnError(
      "conflict",
      `this correction request is already ${current}; only open requests can be resolved`,
    );
  }
  return decision;
}
