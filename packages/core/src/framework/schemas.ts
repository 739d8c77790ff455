import { z } from "zod";

export const frameworkSummarySchema = z.object({
  id: z.uuid(),
  identifier: z.string().describe("The CASE CFDocument identifier"),
  title: z.string(),
  version: z.string().nullable(),
  status: z.enum(["draft", "published", "deprecated"]),
  districtId: z.uuid().nullable().describe("The owning district; null when shared by the whole installation"),
  items: z.number().int(),
});

export const frameworkListSchema = z.object({ frameworks: z.array(frameworkSummarySchema) });

/** A framework named by Cairn's id or by its CASE identifier. */
export const frameworkParamsSchema = z.object({ id: z.string().min(1).max(200) });

const caseLink = z.looseObject({ identifier: z.string(), uri: z.string(), title: z.string() });

/**
 * A CASE 1.1 CFPackage, as the official schema describes it; only the outline is declared
 * here, every other field passes through untouched.
 */
export const casePackageSchema = z.looseObject({
  CFDocument: z.looseObject({ identifier: z.string(), uri: z.string(), title: z.string(), creator: z.string() }),
  CFItems: z.array(z.looseObject({ identifier: z.string(), fullStatement: z.string() })).optional(),
  CFAssociations: z
    .array(
      z.looseObject({
        identifier: z.string(),
        associationType: z.string(),
        originNodeURI: caseLink,
        destinationNodeURI: caseLink,
      }),
    )
    .optional(),
  CFDefinitions: z.looseObject({}).optional(),
  CFRubrics: z.array(z.looseObject({ identifier: z.string() })).optional(),
});

export const caseImportQuerySchema = z.object({
  replaceDraft: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .describe("Replace a draft already imported from the same CASE document"),
});

export const caseImportResultSchema = z.object({
  frameworkId: z.uuid(),
  caseIdentifier: z.string(),
  title: z.string(),
  sourceVersion: z.enum(["1.0", "1.1"]),
  items: z.number().int(),
  associations: z.number().int(),
  rubrics: z.number().int(),
  replaced: z.boolean(),
});

export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;
