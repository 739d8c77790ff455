import { z } from "zod";

/** The bodies of the draft-editing routes, shared by the server and the web app. */

export const newFrameworkBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    version: z.string().trim().min(1).max(40).optional(),
    subject: z.string().trim().min(1).max(100).optional(),
    language: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "a language tag such as en or es-MX")
      .optional(),
  })
  .strict();

export const newItemBodySchema = z
  .object({
    code: z.string().trim().max(60).nullable().optional().describe("The human coding scheme, unique in the framework"),
    fullStatement: z.string().trim().min(1).max(4000),
    abbreviatedStatement: z.string().trim().max(200).nullable().optional(),
    itemType: z.string().trim().max(60).nullable().optional().describe("Competency, Learning target, Standard, …"),
    educationLevels: z.array(z.string().trim().min(1).max(10)).max(20).optional(),
    parentId: z.uuid().nullable().optional().describe("The item it goes under; null or left out: the top of the tree"),
  })
  .strict();

export const createdItemSchema = z.object({ itemId: z.uuid() });

export const moveItemBodySchema = z.union([
  z.object({ direction: z.enum(["up", "down"]).describe("Trade places with the sibling before or after it") }).strict(),
  z
    .object({ parentId: z.uuid().nullable().describe("Go under this item, last among its children; null: the top") })
    .strict(),
]);

export const scaleBodySchema = z
  .object({
    levels: z
      .array(
        z
          .object({
            code: z.string().trim().min(1).max(20),
            label: z.string().trim().min(1).max(60),
            descriptor: z.string().trim().max(400).default(""),
            value: z.number(),
          })
          .strict(),
      )
      .min(1)
      .max(12)
      .describe("From the lowest level to the highest; values must rise"),
    masteryCode: z.string().trim().min(1).max(20).describe("The lowest level that counts as mastery"),
  })
  .strict();

export const frameworkExemplarParamsSchema = z.object({
  id: z.string().min(1).max(200),
  itemId: z.uuid(),
  associationId: z.uuid(),
});

export const newExemplarBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    uri: z.url({ protocol: /^https?$/, error: "must be an http or https address" }).max(2000),
    levelCode: z.string().trim().min(1).max(20).describe("A level of the scale that applies to the item"),
  })
  .strict();

export const createdExemplarSchema = z.object({ associationId: z.uuid() });

export const itemRubricBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200).nullable().optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

export const createdRubricSchema = z.object({ rubricId: z.uuid() });

export type NewFrameworkBody = z.infer<typeof newFrameworkBodySchema>;
export type NewItemBody = z.infer<typeof newItemBodySchema>;
export type MoveItemBody = z.infer<typeof moveItemBodySchema>;
export type ScaleBody = z.infer<typeof scaleBodySchema>;
export type NewExemplarBody = z.infer<typeof newExemplarBodySchema>;
