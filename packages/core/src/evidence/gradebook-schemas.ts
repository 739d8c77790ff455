import { z } from "zod";
import { sectionSchema } from "../sections/schemas";
import { evidenceEntrySchema } from "./schemas";

const itemRef = { itemId: z.uuid(), code: z.string().nullable(), statement: z.string() };

export const scaleLevelSchema = z.object({ code: z.string(), label: z.string(), value: z.number() });

export const gradebookQuerySchema = z
  .object({ competency: z.uuid().optional().describe("only the items under this competency") })
  .strict();

export const gradebookSchema = z.object({
  section: sectionSchema,
  /** The competencies the course's items sit under, to filter by. */
  competencies: z.array(z.object(itemRef)),
  items: z.array(
    z.object({
      ...itemRef,
      competencyId: z.uuid().nullable(),
      levels: z.array(scaleLevelSchema),
      masteryValue: z.number(),
    }),
  ),
  students: z.array(z.object({ studentId: z.uuid(), name: z.string() })),
  /** Only the cells with evidence; the rest are not started. */
  cells: z.array(
    z.object({
      studentId: z.uuid(),
      itemId: z.uuid(),
      value: z.number().nullable(),
      level: z.string().nullable(),
      mastered: z.boolean(),
      evidenceCount: z.number().int(),
    }),
  ),
  /** Evidence from the section's students waiting for an educator. */
  pendingCount: z.number().int(),
});
export type Gradebook = z.infer<typeof gradebookSchema>;

export const pendingEvidenceSchema = z.object({
  entries: z.array(evidenceEntrySchema.extend({ studentName: z.string() })),
});
export type PendingEvidence = z.infer<typeof pendingEvidenceSchema>;

export const pendingQuerySchema = z.object({ section: z.uuid().optional() }).strict();
