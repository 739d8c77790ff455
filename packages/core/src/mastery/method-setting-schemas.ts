import { z } from "zod";
import { MASTERY_METHODS } from "./methods";

/** Where a mastery method applies: the whole district, one framework, or one item (the most specific wins). */
export const masteryMethodSettingBodySchema = z
  .object({
    scope: z.enum(["district", "framework", "item"]),
    frameworkId: z.uuid().optional().describe("For scope framework or item: the framework"),
    itemId: z.uuid().optional().describe("For scope item: the item"),
    method: z.enum(MASTERY_METHODS),
    params: z
      .record(z.string(), z.string().max(20))
      .optional()
      .describe("weight, n, min-observations, as in `cairn mastery preview --param`"),
  })
  .strict()
  .refine((body) => body.scope === "district" || body.frameworkId !== undefined, {
    message: "a framework or item setting names its framework",
    path: ["frameworkId"],
  })
  .refine((body) => body.scope !== "item" || body.itemId !== undefined, {
    message: "an item setting names its item",
    path: ["itemId"],
  });

export const masteryMethodSettingSchema = z.object({
  scope: z.enum(["district", "framework", "item"]),
  frameworkId: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
  method: z.looseObject({ name: z.enum(MASTERY_METHODS) }),
  updatedAt: z.string(),
});

export const masteryMethodSettingListSchema = z.object({ settings: z.array(masteryMethodSettingSchema) });
export const masteryMethodSetResultSchema = z.object({
  /** How many stored mastery values the new method changed (each recomputed from the ledger). */
  recomputed: z.number().int().nonnegative(),
});

export type MasteryMethodSettingBody = z.infer<typeof masteryMethodSettingBodySchema>;
export type MasteryMethodSetting = z.infer<typeof masteryMethodSettingSchema>;
