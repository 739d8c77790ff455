import { z } from "zod";

export const REASSESSMENT_STATUSES = ["open", "reassessed", "declined"] as const;
export type ReassessmentStatus = (typeof REASSESSMENT_STATUSES)[number];

export const reassessmentRequestBodySchema = z
  .object({
    itemId: z.uuid(),
    note: z.string().trim().max(1000, "at most 1000 characters").optional(),
  })
  .strict();
export type ReassessmentRequestBody = z.infer<typeof reassessmentRequestBodySchema>;

export const declineReassessmentBodySchema = z
  .object({ comment: z.string().trim().min(3, "say why, in at least 3 characters").max(500) })
  .strict();

export const reassessmentQuerySchema = z.object({ status: z.enum(REASSESSMENT_STATUSES).optional() }).strict();

export const reassessmentSchema = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  item: z.object({ id: z.uuid(), code: z.string().nullable(), statement: z.string() }),
  note: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  status: z.enum(REASSESSMENT_STATUSES),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closingComment: z.string().nullable(),
  evidenceId: z.uuid().nullable(),
});
export type Reassessment = z.infer<typeof reassessmentSchema>;

export const reassessmentListSchema = z.object({ requests: z.array(reassessmentSchema) });
