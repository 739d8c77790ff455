import { CairnError, DEFAULT_PRIVACY_SETTINGS, erasureDueOn, isPastRetention } from "@cairn/core";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import { type FileStore, studentFilesPrefix } from "../evidence/file-store";
import { districtPrivacySettings, erasureRecord, student } from "../schema";
import { recordAuditEvent } from "./audit";
import { PERSONAL_DATA } from "./declarations";

export interface ErasureCandidate {
  studentId: string;
  districtId: string;
  exitedOn: string;
  retentionYears: number;
  dueOn: string;
}

export interface ErasureSummary {
  dryRun: boolean;
  /** Students whose retention has ended, erased unless this was a dry run. */
  students: (ErasureCandidate & { modules: string[] })[];
}

/** Students who left long enough ago that their district's retention has ended, oldest exit first. */
export async function listErasureCandidates(ctx: DbContext): Promise<ErasureCandidate[]> {
  const today = isoDate(ctx.now);
  const rows = await ctx.db
    .select({
      studentId: student.personId,
      districtId: student.districtId,
      exitedOn: student.exitedOn,
      retentionYears: sql<number>`coalesce(${districtPrivacySettings.retentionYearsAfterExit}, ${DEFAULT_PRIVACY_SETTINGS.retentionYearsAfterExit})::int`,
    })
    .from(student)
    .leftJoin(districtPrivacySettings, eq(districtPrivacySettings.districtId, student.districtId))
    // A cheap bound in SQL (no district keeps records less than a year); the exact rule is in core.
    .where(and(isNotNull(student.exitedOn), sql`${student.exitedOn} <= ${today}::date - interval '1 year'`))
    .orderBy(asc(student.exitedOn), asc(student.personId));
  return rows
    .map((row) => ({ ...row, exitedOn: row.exitedOn as string, retentionYears: Number(row.retentionYears) }))
    .filter((row) => isPastRetention(row.exitedOn, row.retentionYears, today))
    .map((row) => ({ ...row, dueOn: erasureDueOn(row.exitedOn, row.retentionYears) }));
}

function describeEraser(ctx: DbContext): string {
  const { viewer } = ctx;
  if (viewer.kind === "operator") return `operator ${viewer.name}`;
  if (viewer.kind === "system") return `system job ${viewer.job}`;
  throw new CairnError("forbidden", "only the operator or a system job erases records");
}

/**
 * Erases the record of one student, module by module through the personal-data registry,
 * in one transaction, and leaves an erasure record and an audit event. Modules are walked
 * in reverse order of declaration so that rows pointing at the student (enrolments,
 * accounts) go before the student and person rows they reference.
 */
async function eraseOne(ctx: DbContext, candidate: ErasureCandidate, erasedBy: string): Promise<string[]> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const modules: string[] = [];
    for (const declaration of [...PERSONAL_DATA].reverse()) {
      if (!declaration.eraseStudentData) continue;
      await declaration.eraseStudentData(inTx, candidate.studentId);
      modules.push(declaration.module);
    }
    const reason = `retention ended: left on ${candidate.exitedOn}, kept ${candidate.retentionYears} years (due ${candidate.dueOn})`;
    await tx.insert(erasureRecord).values({
      districtId: candidate.districtId,
      studentId: candidate.studentId,
      erasedAt: ctx.now,
      erasedBy,
      reason,
      modules,
    });
    await recordAuditEvent(inTx, {
      action: "student_record.erased",
      subjectKind: "student",
      subjectId: candidate.studentId,
      districtId: candidate.districtId,
      details: { reason, modules },
    });
    return modules;
  });
}

/**
 * End-of-retention erasure: every student whose exit day plus their district's retention
 * years is today or earlier loses their record. One transaction per student, so a failure
 * leaves earlier students erased and this one whole. With `dryRun`, lists who would go.
 * Only the operator (the `cairn` command) or a system job may run it.
 */
export async function eraseExpiredRecords(
  ctx: DbContext,
  options: {
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
    /** Where attachments are kept: an erased student's files go after their rows. */
    files?: FileStore;
  },
): Promise<ErasureSummary> {
  const erasedBy = describeEraser(ctx);
  const candidates = await listErasureCandidates(ctx);
  options.onProgress?.(0, candidates.length);
  const students: ErasureSummary["students"] = [];
  for (const candidate of candidates) {
    const modules = options.dryRun ? [] : await eraseOne(ctx, candidate, erasedBy);
    if (!options.dryRun) await options.files?.remove(studentFilesPrefix(candidate.studentId));
    students.push({ ...candidate, modules });
    options.onProgress?.(students.length, candidates.length);
  }
  return { dryRun: options.dryRun, students };
}
