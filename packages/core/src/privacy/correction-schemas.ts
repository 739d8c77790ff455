import { z } from "zod";
import { CORRECTION_DECISIONS, CORRECTION_STATUSES, CORRECTION_TEXT_MAX } from "./corrections";
import { STUDENT_DATA_ELEMENTS } from "./data-elements";

/*
 * The request and response shapes of correction requests, apart from the rules and limits so the web
 * app can use those without bundling zod (whose start-up probe of eval trips the CSP).
 */

/** Stored exactly as typed (and shown escaped); only blank text is refused. */
const writtenText = z
  .string()
  .max(CORRECTION_TEXT_MAX, `at most ${CORRECTION_TEXT_MAX} characters`)
  .regex(/\S/, "write at least one word");

export const correctionRequestBodySchema = z
  .object({
    dataElement: z.enum(STUDENT_DATA_ELEMENTS),
    description: writtenText,
  })
  .strict();

export const correctionResolutionBodySchema = z
  .object({
    status: z.enum(CORRECTION_DECISIONS),
    resolution: writtenText,
  })
  .strict();

export const correctionQueueQuerySchema = z.object({ status: z.enum(CORRECTION_STATUSES).optional() }).strict();

export const correctionRequestSchema = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  studentName: z.string(),
  dataElement: z.enum(STUDENT_DATA_ELEMENTS),
  description: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  requestedBy: z.string(),
  createdAt: z.string(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

export const correctionRequestListSchema = z.object({ correctionRequests: z.array(correctionRequestSchema) });

export type CorrectionRequestBody = z.infer<typeof correctionRequestBodySchema>;
export type CorrectionResolutionBody = z.infer<typeof correctionResolutionBodySchema>;
export type CorrectionQueueQuery = z.infer<typeof correctionQueueQuerySchema>;
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;
