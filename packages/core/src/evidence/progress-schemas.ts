import { z } from "zod";
import { ROLLUP_RULES } from "../mastery/rollup";

export const rollupRuleSchema = z.discriminatedUnion("rule", [
  z.object({ rule: z.literal("all") }).strict(),
  z.object({ rule: z.literal("share"), share: z.number().gt(0).max(1) }).strict(),
  z.object({ rule: z.literal("mean") }).strict(),
]);

export const rollupSettingBodySchema = z
  .object({
    frameworkId: z.uuid().nullable().describe("null for the district's default"),
    rule: rollupRuleSchema.nullable().describe("null removes the setting"),
  })
  .strict();
export type RollupSettingBody = z.infer<typeof rollupSettingBodySchema>;

export const rollupSettingListSchema = z.object({
  rules: z.array(z.object({ frameworkId: z.uuid().nullable(), rule: rollupRuleSchema, updatedAt: z.string() })),
  ruleNames: z.array(z.enum(ROLLUP_RULES)),
});

const itemRef = { itemId: z.uuid(), code: z.string().nullable(), statement: z.string() };
const standing = z.enum(["not_started", "in_progress", "mastered"]);

export const progressSchema = z.object({
  studentId: z.uuid(),
  /** This term's courses, each with how far the student is through its items. */
  courses: z.array(
    z.object({
      sectionId: z.uuid(),
      sectionName: z.string(),
      subject: z.string(),
      courseCode: z.string(),
      total: z.number().int(),
      mastered: z.number().int(),
      inProgress: z.number().int(),
      notStarted: z.number().int(),
      /** Every item of the course, in the course's order, with where the student stands on it. */
      items: z.array(z.object({ ...itemRef, frameworkId: z.uuid(), standing, level: z.string().nullable() })),
      /** Items in progress, closest to mastery first. */
      workingOn: z.array(z.object({ ...itemRef, level: z.string().nullable() })),
      /** Mastered most recently first. */
      recentlyMastered: z.array(z.object({ ...itemRef, masteredAt: z.string().nullable() })),
    }),
  ),
  /** Every competency, trait or domain above an item the student has evidence on, rolled up by the district's rule. */
  rollups: z.array(
    z.object({
      ...itemRef,
      framework: z.object({ id: z.uuid(), title: z.string() }),
      itemType: z.string().nullable(),
      parentId: z.uuid().nullable(),
      rule: rollupRuleSchema,
      standing,
      /** 0–1: the mean place of the children on their scales. */
      level: z.number(),
      masteredChildren: z.number().int(),
      totalChildren: z.number().int(),
    }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;
