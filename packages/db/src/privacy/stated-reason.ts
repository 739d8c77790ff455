import { CairnError, hasRole, type StudentDetail, statedReasonBodySchema } from "@cairn/core";
import { sql } from "drizzle-orm";
import type { DbContext } from "../context";
import { readStudent, STUDENT_RECORD_ELEMENTS } from "../people/get-student";
import { recordAuditEvent } from "./audit";
import { recordAccess } from "./record-access";

/**
 * A system admin has no relation to any student, so no scope lets them read a record. When
 * running the installation truly needs one record (a support case, a legal request), they
 * open it by writing down why: the reason goes into the student's access log, where the
 * family and the district see it, and into the audit trail. Anyone else: not found.
 */
export async function openStudentForStatedReason(
  ctx: DbContext,
  studentId: string,
  reason: string,
): Promise<StudentDetail> {
  if (!hasRole(ctx.viewer, "system_admin")) throw new CairnError("not_found", "student not found");
  const parsed = statedReasonBodySchema.safeParse({ reason });
  if (!parsed.success) {
    throw new CairnError("validation", "the reason must be 10 to 500 characters", [
      { path: ["reason"], message: parsed.error.issues[0]?.message ?? "invalid" },
    ]);
  }
  const stated = parsed.data.reason;
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const detail = await readStudent(inTx, studentId, sql`true`);
    await recordAccess(inTx, {
      action: "read_student_record",
      studentId,
      districtId: detail.districtId,
      dataElements: STUDENT_RECORD_ELEMENTS,
      statedReason: stated,
    });
    await recordAuditEvent(inTx, {
      action: "student_record.opened_for_stated_reason",
      subjectKind: "student",
      subjectId: studentId,
      districtId: detail.districtId,
      details: { reason: stated },
    });
    return detail;
  });
}
