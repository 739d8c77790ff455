import {
  DISABILITY_STATUSES,
  ENVIRONMENT_KINDS,
  GENDERS,
  GRADE_LEVELS,
  GUARDIAN_RELATIONSHIPS,
  RACE_ETHNICITY,
  ROLES,
  SCHOOL_LEVELS,
} from "@cairn/core";
import { pgEnum } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ROLES);
export const schoolLevelEnum = pgEnum("school_level", SCHOOL_LEVELS);
export const environmentKindEnum = pgEnum("environment_kind", ENVIRONMENT_KINDS);
export const gradeLevelEnum = pgEnum("grade_level", GRADE_LEVELS);
export const genderEnum = pgEnum("gender", GENDERS);
export const raceEthnicityEnum = pgEnum("race_ethnicity", RACE_ETHNICITY);
export const disabilityStatusEnum = pgEnum("disability_status", DISABILITY_STATUSES);
export const guardianRelationshipEnum = pgEnum("guardian_relationship", GUARDIAN_RELATIONSHIPS);
export const sectionStaffRoleEnum = pgEnum("section_staff_role", ["teacher", "paraprofessional"]);
