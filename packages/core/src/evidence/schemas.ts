import { z } from "zod";
import { MASTERY_METHODS } from "../mastery/methods";
import { EVIDENCE_EVENT_KINDS, EVIDENCE_KINDS, EVIDENCE_SETTINGS } from "./ledger";

/*
 * The evidence API's request and response shapes, apart from the ledger's rules so the web
 * app can use those without bundling zod.
 */

export const EVIDENCE_STATUSES = ["pending", "validated", "counted", "rejected", "voided", "superseded"] as const;

const moment = z.iso.datetime({ offset: true });
/** A day (read as its end, UTC) or a moment: the ledger as it stood then. */
const asOf = z.union([z.iso.date(), moment]);

export const recordEvidenceBodySchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    setting: z.enum(EVIDENCE_SETTINGS),
    title: z.string().trim().min(1, "give the evidence a title").max(200),
    occurredAt: moment,
    reflection: z.string().max(5000).optional(),
    scores: z
      .array(
        z
          .object({
            itemId: z.uuid(),
            score: z.number().finite().optional(),
            level: z.string().trim().min(1).max(40).optional().describe("a rubric level's code, instead of a score"),
          })
          .strict()
          .refine((entry) => (entry.score === undefined) !== (entry.level === undefined), {
            message: "give either a score or a rubric level",
          }),
      )
      .min(1, "score at least one item")
      .max(20, "at most 20 items"),
    supersedesId: z.uuid().optional(),
    attachmentIds: z.array(z.uuid()).max(10, "at most 10 attachments").optional(),
  })
  .strict();
export type RecordEvidenceBody = z.infer<typeof recordEvidenceBodySchema>;

/** Up to 5,000 pieces of evidence about many students, recorded all or nothing (no corrections, no files). */
export const recordEvidenceBatchBodySchema = z
  .object({
    records: z
      .array(recordEvidenceBodySchema.omit({ supersedesId: true, attachmentIds: true }).extend({ studentId: z.uuid() }))
      .min(1, "send at least one record")
      .max(5000, "at most 5,000 records a request"),
  })
  .strict();
export type RecordEvidenceBatchBody = z.infer<typeof recordEvidenceBatchBodySchema>;

export const recordEvidenceBatchResultSchema = z.object({
  recorded: z.number().int(),
  evidenceIds: z.array(z.uuid()),
  /** Stored mastery values that changed. */
  masteryChanged: z.number().int(),
});

export const validateEvidenceBodySchema = z
  .object({
    decision: z.enum(["validated", "rejected"]),
    comment: z.string().max(500).optional(),
  })
  .strict();
export type ValidateEvidenceBody = z.infer<typeof validateEvidenceBodySchema>;

export const voidEvidenceBodySchema = z
  .object({ reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters") })
  .strict();
export type VoidEvidenceBody = z.infer<typeof voidEvidenceBodySchema>;

export const evidenceListQuerySchema = z.object({ asOf: asOf.optional() }).strict();

export const masteryQuerySchema = z
  .object({
    explain: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
    asOf: asOf.optional(),
  })
  .strict();

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const evidenceEntrySchema = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  kind: z.enum(EVIDENCE_KINDS),
  setting: z.enum(EVIDENCE_SETTINGS),
  title: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  needsValidation: z.boolean(),
  reflection: z.string().nullable(),
  supersedesId: z.uuid().nullable(),
  status: z.enum(EVIDENCE_STATUSES),
  scores: z.array(
    z.object({
      itemId: z.uuid(),
      code: z.string().nullable(),
      statement: z.string(),
      score: z.number(),
      /** The rubric level it was scored with, when it was. */
      level: z.string().nullable(),
    }),
  ),
  attachments: z.array(attachmentSchema),
  events: z.array(
    z.object({
      kind: z.enum(EVIDENCE_EVENT_KINDS),
      actor: z.string(),
      occurredAt: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  /** The ids of newer evidence that corrects this one. */
  revisions: z.array(z.uuid()),
});
export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

export const evidenceListSchema = z.object({ entries: z.array(evidenceEntrySchema) });

const methodSchema = z.looseObject({ name: z.enum(MASTERY_METHODS) });

export const masteryItemSchema = z.object({
  itemId: z.uuid(),
  code: z.string().nullable(),
  statement: z.string(),
  framework: z.object({ id: z.uuid(), title: z.string() }),
  value: z.number().nullable(),
  mastered: z.boolean(),
  masteredAt: z.string().nullable(),
  level: z.string().nullable(),
  evidenceCount: z.number().int(),
  explanation: z
    .object({
      method: methodSchema,
      contributions: z.array(
        z.object({ evidenceId: z.uuid(), score: z.number(), occurredAt: z.string(), weight: z.number() }),
      ),
    })
    .optional(),
});
export type MasteryItem = z.infer<typeof masteryItemSchema>;

export const studentMasterySchema = z.object({ studentId: z.uuid(), items: z.array(masteryItemSchema) });
export type StudentMastery = z.infer<typeof studentMasterySchema>;
