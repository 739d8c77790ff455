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
  /** Students currently enrolled at the school and visible to the viewer in aggregate. */
  studentCount: z.number().int().nonnegative(),
});

export const schoolListSchema = z.object({ schools: z.array(schoolSchema) });

export type School = z.infer<typeof schoolSchema>;
