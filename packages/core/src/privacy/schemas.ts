import { z } from "zod";
import { ACCESS_ACTIONS, ACCESS_PURPOSES } from "./access-log";

export const accessLogEntrySchema = z.object({
  occurredAt: z.string(),
  actor: z.object({ name: z.string(), roles: z.array(z.string()) }),
  action: z.enum(ACCESS_ACTIONS),
  dataElements: z.array(z.string()),
  purpose: z.enum(ACCESS_PURPOSES),
  /** The reason a system admin stated, or the agreement a provider acted under; null otherwise. */
  purposeDetail: z.string().nullable(),
});

export const accessLogSchema = z.object({ entries: z.array(accessLogEntrySchema) });

export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
