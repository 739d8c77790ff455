import { z } from "zod";
import { ENVIRONMENT_KINDS, GRADE_LEVELS, SCHOOL_LEVELS } from "./vocabulary";

export const gradeLevelSchema = z.enum(GRADE_LEVELS);
export const schoolLevelSchema = z.enum(SCHOOL_LEVELS);
export const environmentKindSchema = z.enum(ENVIRONMENT_KINDS);

export const schoolSchema = z.object({
  id: z.uuid(),
  districtId: z.uuid(),
  name: z.string(),
  level: schoolLevelSchema,
  lowestGrade: gradeLevelSchema,
  highestGrade: gradeLevelSchema,
  /**
   * Students currently enrolled at the school. Null for a viewer who sees only aggregates
   * (a state analyst) when the school has fewer students than its district's minimum group
   * size: the enrolment report leaves such schools out for the same reason.
   */
  studentCount: z.number().int().nonnegative().nullable(),
});

export const schoolListSchema = z.object({ schools: z.array(schoolSchema) });

export type School = z.infer<typeof schoolSchema>;
