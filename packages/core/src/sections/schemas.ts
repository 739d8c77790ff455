import { z } from "zod";
import { personRefSchema } from "../auth/schemas";
import { environmentKindSchema } from "../organization/schemas";
import { studentSummarySchema } from "../people/schemas";

export const sectionSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  termName: z.string(),
  name: z.string(),
  subject: z.string(),
  courseCode: z.string(),
  environmentKind: environmentKindSchema,
  teachers: z.array(personRefSchema),
  studentCount: z.number().int().nonnegative(),
});

export const sectionListSchema = z.object({ sections: z.array(sectionSchema) });
export const sectionRosterSchema = z.object({
  section: sectionSchema,
  students: z.array(studentSummarySchema),
});

export type Section = z.infer<typeof sectionSchema>;
export type SectionRoster = z.infer<typeof sectionRosterSchema>;
