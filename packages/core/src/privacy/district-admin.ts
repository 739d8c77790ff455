import { z } from "zod";
import { ROLES, type Role } from "../auth/roles";
import { ACCESS_ACTIONS, ACCESS_PURPOSES } from "./access-log";
import { PRIVACY_SETTING_BOUNDS } from "./district-settings";

const bounded = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max);

export const privacySettingsBodySchema = z
  .object({
    minimumGroupSize: bounded(PRIVACY_SETTING_BOUNDS.minimumGroupSize),
    pastStudentAccessDays: bounded(PRIVACY_SETTING_BOUNDS.pastStudentAccessDays),
    retentionYearsAfterExit: bounded(PRIVACY_SETTING_BOUNDS.retentionYearsAfterExit),
  })
  .strict();

export const privacySettingsSchema = privacySettingsBodySchema.extend({
  districtId: z.uuid(),
  /** Null while the district uses the defaults (it has never saved its settings). */
  updatedAt: z.string().nullable(),
});

export type PrivacySettingsBody = z.infer<typeof privacySettingsBodySchema>;
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

/** A system admin opens one record only for a reason they write down; it goes into the access log. */
export const statedReasonBodySchema = z.object({ reason: z.string().trim().min(10).max(500) }).strict();
export type StatedReasonBody = z.infer<typeof statedReasonBodySchema>;

/** A district's access log, searched by a district admin; newest first. */
export const accessLogSearchQuerySchema = z
  .object({
    studentId: z.uuid().optional(),
    /** Part of the reader's name, any case. */
    actor: z.string().trim().min(1).max(100).optional(),
    action: z.enum(ACCESS_ACTIONS).optional(),
    purpose: z.enum(ACCESS_PURPOSES).optional(),
    /** Inclusive bounds, as ISO dates (a whole day) or date-times. */
    from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const accessLogSearchEntrySchema = z.object({
  occurredAt: z.string(),
  studentId: z.uuid(),
  /** Null once the student's record has been erased: the entry outlives it. */
  studentName: z.string().nullable(),
  actor: z.object({ name: z.string(), roles: z.array(z.string()) }),
  action: z.enum(ACCESS_ACTIONS),
  dataElements: z.array(z.string()),
  purpose: z.enum(ACCESS_PURPOSES),
  /** The stated reason, or the agreement, when the purpose has one. */
  purposeDetail: z.string().nullable(),
});

export const accessLogSearchSchema = z.object({
  entries: z.array(accessLogSearchEntrySchema),
  total: z.number().int().nonnegative(),
});

export type AccessLogSearchQuery = z.infer<typeof accessLogSearchQuerySchema>;
export type AccessLogSearchEntry = z.infer<typeof accessLogSearchEntrySchema>;
export type AccessLogSearch = z.infer<typeof accessLogSearchSchema>;

/** Where a role is held: the place a grant of it must name. */
export type GrantPlace = "school" | "district" | "state" | "none";

export function grantPlaceOf(role: Role): GrantPlace {
  switch (role) {
    case "teacher":
    case "paraprofessional":
    case "school_leader":
    case "student":
      return "school";
    case "guardian":
    case "mentor":
    case "district_admin":
      return "district";
    case "state_analyst":
      return "state";
    case "system_admin":
      return "none";
  }
}

/** Roles a district admin may give and take away inside their district; never the roles above a district. */
export const DISTRICT_GRANTABLE_ROLES = [
  "teacher",
  "paraprofessional",
  "mentor",
  "school_leader",
  "guardian",
  "student",
  "district_admin",
] as const satisfies readonly Role[];

export function districtAdminMayGrant(role: Role): boolean {
  return (DISTRICT_GRANTABLE_ROLES as readonly Role[]).includes(role);
}

export const roleGrantBodySchema = z
  .object({
    personId: z.uuid(),
    role: z.enum(ROLES),
    schoolId: z.uuid().optional(),
    districtId: z.uuid().optional(),
    stateId: z.uuid().optional(),
  })
  .strict();

export const createdRoleGrantSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  role: z.enum(ROLES),
  stateId: z.uuid().nullable(),
  districtId: z.uuid().nullable(),
  schoolId: z.uuid().nullable(),
});

export type RoleGrantBody = z.infer<typeof roleGrantBodySchema>;
export type CreatedRoleGrant = z.infer<typeof createdRoleGrantSchema>;

export const auditEventListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const auditEventSchema = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  districtId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  subjectKind: z.string(),
  subjectId: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const auditEventListSchema = z.object({
  events: z.array(auditEventSchema),
  total: z.number().int().nonnegative(),
});

export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventList = z.infer<typeof auditEventListSchema>;
