export { evidenceScope } from "./access";
export { readAttachment, uploadAttachment } from "./attachments";
export { validateEvidence, voidEvidence } from "./decide";
export { attachmentKey, defaultFilesDir, diskFileStore, type FileStore, studentFilesPrefix } from "./file-store";
export { getStudentMastery } from "./get-mastery";
export { getGradebook } from "./gradebook";
export { listStudentEvidence } from "./list-evidence";
export { listMasteryMethodSettings, setMasteryMethod } from "./method-settings";
export { listPendingEvidence } from "./pending";
export { evidencePersonalData } from "./privacy";
export { getStudentProgress } from "./progress";
export {
  declineReassessment,
  listReassessmentQueue,
  listStudentReassessments,
  requestReassessment,
} from "./reassessment";
export { type MasteryDifference, rebuildMastery } from "./rebuild";
export { recomputeMastery } from "./recompute";
export { recordEvidence } from "./record";
export { recordEvidenceBatch } from "./record-batch";
export { listRollupRules, setRollupRule } from "./rollup-settings";
