export { evidenceScope } from "./access";
export { validateEvidence, voidEvidence } from "./decide";
export { getStudentMastery } from "./get-mastery";
export { listStudentEvidence } from "./list-evidence";
export { listMasteryMethodSettings, setMasteryMethod } from "./method-settings";
export { evidencePersonalData } from "./privacy";
export { type MasteryDifference, rebuildMastery } from "./rebuild";
export { recomputeMastery } from "./recompute";
export { recordEvidence } from "./record";
