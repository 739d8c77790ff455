import { DEFAULT_MINIMUM_GROUP_SIZE } from "./suppression";

/**
 * What a district decides about privacy, with the bounds a district may choose within:
 * groups smaller than 5 are never safe to publish, and a record is kept at least a year.
 */
export const PRIVACY_SETTING_BOUNDS = {
  minimumGroupSize: { min: 5, max: 100 },
  pastStudentAccessDays: { min: 0, max: 730 },
  retentionYearsAfterExit: { min: 1, max: 50 },
} as const;

export const DEFAULT_PRIVACY_SETTINGS = {
  minimumGroupSize: DEFAULT_MINIMUM_GROUP_SIZE,
  pastStudentAccessDays: 0,
  retentionYearsAfterExit: 5,
} as const;
