import type { PendingEvidence } from "@cairn/core";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableStudents } from "../people/policy";
import { recordAccessMany } from "../privacy/record-access";
import { enrollment, evidence, person, student } from "../schema";
import { asEducator } from "./access";
import { attachmentsOf } from "./attachments";
import { pendingEvidence } from "./gradebook";
import { present } from "./list-evidence";
import { loadLedger } from "./load-ledger";

/**
 * The evidence waiting for the viewer to validate: from the students they read as an
 * educator (or one section's), oldest first, so nothing waits longest by accident.
 */
export function listPendingEvidence(ctx: DbContext, query: { section?: string }): Promise<PendingEvidence["entries"]> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const taught = readableStudents({ ...inTx, viewer: asEducator(ctx.viewer) });
    const inSection: SQL[] = query.section
      ? [
          inArray(
            evidence.studentId,
            tx.select({ id: enrollment.studentId }).from(enrollment).where(eq(enrollment.sectionId, query.section)),
          ),
        ]
      : [];
    const rows = await tx
      .select({
        id: evidence.id,
        studentId: evidence.studentId,
        districtId: evidence.districtId,
        givenName: person.givenName,
        familyName: person.familyName,
      })
      .from(evidence)
      .innerJoin(student, eq(student.personId, evidence.studentId))
      .innerJoin(person, eq(person.id, evidence.studentId))
      .where(pendingEvidence(and(taught, ...inSection) as SQL))
      .orderBy(asc(evidence.recordedAt))
      .limit(200);
    const ids = new Set(rows.map((row) => row.id));
    const byStudent = new Map(rows.map((row) => [row.studentId, row]));
    const attachments = await attachmentsOf(tx, [...ids]);
    const entries: PendingEvidence["entries"] = [];
    for (const [studentId, row] of byStudent) {
      const ledger = await loadLedger(tx, studentId);
      for (const entry of present(ledger, attachments))
        if (ids.has(entry.id)) entries.push({ ...entry, studentName: `${row.givenName} ${row.familyName}` });
    }
    await recordAccessMany(
      inTx,
      [...byStudent.values()].map((row) => ({
        action: "read_student_record" as const,
        studentId: row.studentId,
        districtId: row.districtId,
        dataElements: ["evidence"],
      })),
    );
    return entries.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  });
}
