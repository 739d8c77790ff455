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

const scaleSchema = z.object({
  levels: z.array(z.object({ code: z.string(), label: z.string(), descriptor: z.string(), value: z.number() })),
  masteryCode: z.string(),
});

export const itemRefSchema = z.object({ id: z.uuid(), code: z.string().nullable(), fullStatement: z.string() });

export const frameworkItemRowSchema = itemRefSchema.extend({
  identifier: z.string(),
  abbreviatedStatement: z.string().nullable(),
  itemType: z.string().nullable(),
  educationLevels: z.array(z.string()),
  /** The item it sits under in the tree; null at the top (directly under the framework). */
  parentId: z.uuid().nullable(),
  sequence: z.number().nullable(),
  position: z.number().int(),
});

export const frameworkDetailSchema = z.object({
  framework: frameworkSummarySchema.extend({
    creator: z.string(),
    publisher: z.string().nullable(),
    description: z.string().nullable(),
    subjects: z.array(z.string()),
    language: z.string().nullable(),
    adoptionStatus: z.string().nullable(),
    officialSourceUrl: z.string().nullable(),
    licence: z.string().nullable(),
    lastChangeDateTime: z.string(),
    sourceCaseVersion: z.enum(["1.0", "1.1"]),
    scale: scaleSchema,
    /** The framework this one is a new version of. */
    replacesFrameworkId: z.uuid().nullable(),
    /** Whether the viewer may change it (a draft of their district) or start a new version of it. */
    canEdit: z.boolean(),
    canVersion: z.boolean(),
  }),
  items: z.array(frameworkItemRowSchema),
});

export const frameworkItemParamsSchema = z.object({ id: z.string().min(1).max(200), itemId: z.uuid() });

export const frameworkItemDetailSchema = z.object({
  framework: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(["draft", "published", "deprecated"]),
    canEdit: z.boolean(),
  }),
  item: itemRefSchema.extend({
    identifier: z.string(),
    uri: z.string(),
    abbreviatedStatement: z.string().nullable(),
    itemType: z.string().nullable(),
    educationLevels: z.array(z.string()),
    listEnumeration: z.string().nullable(),
    conceptKeywords: z.array(z.string()),
    notes: z.string().nullable(),
    language: z.string().nullable(),
    /** Lifelong or personal learning rather than academic (seeds 004:128, 004:693); null when not said. */
    lifelong: z.boolean().nullable(),
  }),
  parent: itemRefSchema.nullable(),
  children: z.array(itemRefSchema),
  /** Direct prerequisites and the items this one directly unlocks. */
  prerequisites: z.array(itemRefSchema),
  unlocks: z.array(itemRefSchema),
  /** The item's neighbourhood on the prerequisite map, nearest first, for drawing. */
  map: z.object({
    nodes: z.array(itemRefSchema.extend({ relation: z.enum(["self", "prerequisite", "unlock"]) })),
    edges: z.array(z.object({ before: z.uuid(), after: z.uuid() })),
    /** How many prerequisites and unlocks there are in all; the map shows the nearest when there are many. */
    totalPrerequisites: z.number().int(),
    totalUnlocks: z.number().int(),
  }),
  associations: z.array(
    z.object({
      type: z.string(),
      direction: z.enum(["outgoing", "incoming"]),
      sequenceNumber: z.number().nullable(),
      target: z.object({
        itemId: z.uuid().nullable(),
        code: z.string().nullable(),
        title: z.string(),
        uri: z.string(),
        external: z.boolean(),
      }),
    }),
  ),
  /** Work samples (CASE `exemplar` associations) showing the item, each at a level of its scale when it says. */
  exemplars: z.array(z.object({ id: z.uuid(), title: z.string(), uri: z.string(), levelCode: z.string().nullable() })),
  rubricCriteria: z.array(
    z.object({
      rubricTitle: z.string().nullable(),
      /** Whether this is the rubric made for the item in Cairn, which can be made again or removed. */
      itemRubric: z.boolean(),
      category: z.string().nullable(),
      description: z.string().nullable(),
      weight: z.number().nullable(),
      levels: z.array(
        z.object({
          quality: z.string().nullable(),
          score: z.number().nullable(),
          description: z.string().nullable(),
          feedback: z.string().nullable(),
        }),
      ),
    }),
  ),
  scale: scaleSchema,
});

export type ItemRef = z.infer<typeof itemRefSchema>;
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;
export type FrameworkItemDetail = z.infer<typeof frameworkItemDetailSchema>;

export const newVersionBodySchema = z
  .object({ version: z.string().trim().min(1).max(40).describe('The new version\'s number, e.g. "2027"') })
  .strict();

export const itemChangesSchema = z
  .object({
    fullStatement: z.string().trim().min(1).max(4000).optional(),
    abbreviatedStatement: z.string().trim().max(200).nullable().optional(),
    code: z.string().trim().max(60).nullable().optional().describe("The human coding scheme; empty or null removes it"),
    educationLevels: z.array(z.string().trim().min(1).max(10)).max(20).optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: "name at least one change" });

export const prerequisiteLinkSchema = z
  .object({
    before: z.uuid().describe("The item that comes first"),
    after: z.uuid().describe("The item it leads to"),
  })
  .strict();

export const createdFrameworkSchema = z.object({ frameworkId: z.uuid() });
