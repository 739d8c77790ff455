import { z } from "zod";
import { personRefSchema } from "../auth/schemas";
import { gradeLevelSchema } from "../organization/schemas";
import { DISABILITY_STATUSES, GENDERS, GUARDIAN_RELATIONSHIPS, RACE_ETHNICITY } from "./vocabulary";

export const studentSummarySchema = personRefSchema.extend({
  schoolId: z.uuid(),
  schoolName: z.string(),
  gradeLevel: gradeLevelSchema,
  studentNumber: z.string(),
});

/** The full record of one student; only those in the viewer's scope may read it. */
export const studentDetailSchema = studentSummarySchema.extend({
  districtId: z.uuid(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  raceEthnicity: z.enum(RACE_ETHNICITY),
  economicallyDisadvantaged: z.boolean(),
  englishLearner: z.boolean(),
  disabilityStatus: z.enum(DISABILITY_STATUSES),
  guardians: z.array(personRefSchema.extend({ relationship: z.enum(GUARDIAN_RELATIONSHIPS) })),
  sections: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      subject: z.string(),
      teachers: z.array(personRefSchema),
    }),
  ),
  mentors: z.array(personRefSchema.extend({ environmentName: z.string() })),
});

export const studentListQuerySchema = z
  .object({
    schoolId: z.uuid().optional(),
    gradeLevel: gradeLevelSchema.optional(),
    search: z.string().trim().max(100).optional(),
    /** Only students linked to the viewer personally: their children, or their current mentees. */
    relation: z.enum(["child", "mentee"]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const studentListSchema = z.object({
  students: z.array(studentSummarySchema),
  total: z.number().int().nonnegative(),
});

export type StudentSummary = z.infer<typeof studentSummarySchema>;
export type StudentDetail = z.infer<typeof studentDetailSchema>;
export type StudentListQuery = z.infer<typeof studentListQuerySchema>;
