import { CairnError, type Gradebook } from "@cairn/core";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableStudents } from "../people/policy";
import { recordAccessMany } from "../privacy/record-access";
import { enrollment, evidence, mastery, person, section, student } from "../schema";
import { listSections } from "../sections/list-sections";
import { courseItemIds, parentsOf } from "./course-items";
import { levelLabel, loadItems } from "./items";

/**
 * A section's gradebook: its students × its course's items, each cell the student's
 * mastery (which belongs to the student, so evidence from anywhere shows here too).
 * Reading it is reading each student's mastery, so each is written to the access log.
 */
export function getGradebook(ctx: DbContext, sectionId: string, query: { competency?: string }): Promise<Gradebook> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const [found] = await listSections(inTx, eq(section.id, sectionId));
    if (!found) throw new CairnError("not_found", "section not found");
    const [owner] = await tx.select({ districtId: section.districtId }).from(section).where(eq(section.id, sectionId));
    const districtId = (owner as { districtId: string }).districtId;
    const allItemIds = await courseItemIds(tx, districtId, found.courseCode);
    const [parents, students] = await Promise.all([
      parentsOf(tx, allItemIds),
      tx
        .select({ studentId: student.personId, givenName: person.givenName, familyName: person.familyName })
        .from(enrollment)
        .innerJoin(student, eq(student.personId, enrollment.studentId))
        .innerJoin(person, eq(person.id, student.personId))
        .where(and(eq(enrollment.sectionId, sectionId), eq(student.active, true), readableStudents(inTx)))
        .orderBy(asc(person.familyName), asc(person.givenName)),
    ]);
    const itemIds = query.competency
      ? allItemIds.filter((itemId) => parents.get(itemId) === query.competency)
      : allItemIds;
    const competencyIds = [...new Set(allItemIds.flatMap((itemId) => parents.get(itemId) ?? []))];
    const items = await loadItems(tx, [...allItemIds, ...competencyIds]);
    const studentIds = students.map((row) => row.studentId);
    const cells =
      studentIds.length === 0 || itemIds.length === 0
        ? []
        : await tx
            .select({
              studentId: mastery.studentId,
              itemId: mastery.itemId,
              value: mastery.value,
              mastered: mastery.mastered,
              evidenceCount: mastery.evidenceCount,
            })
            .from(mastery)
            .where(and(inArray(mastery.studentId, studentIds), inArray(mastery.itemId, itemIds)));
    const pendingCount =
      studentIds.length === 0 ? 0 : await countPending(inTx, inArray(evidence.studentId, studentIds));
    await recordAccessMany(
      inTx,
      studentIds.map((studentId) => ({
        action: "read_student_record" as const,
        studentId,
        districtId,
        dataElements: ["mastery"],
      })),
    );
    const ref = (itemId: string) => {
      const item = items.get(itemId);
      return { itemId, code: item?.code ?? null, statement: item?.statement ?? "" };
    };
    return {
      section: found,
      competencies: competencyIds.map(ref),
      items: itemIds.flatMap((itemId) => {
        const item = items.get(itemId);
        if (!item) return [];
        return [
          {
            ...ref(itemId),
            competencyId: parents.get(itemId) ?? null,
            levels: item.scale.levels.map(({ code, label, value }) => ({ code, label, value })),
            masteryValue: item.range.mastery,
          },
        ];
      }),
      students: students.map((row) => ({ studentId: row.studentId, name: `${row.givenName} ${row.familyName}` })),
      cells: cells.map((cell) => {
        const item = items.get(cell.itemId);
        return { ...cell, level: item ? levelLabel(item.scale, cell.value) : null };
      }),
      pendingCount,
    };
  });
}

/**
 * Evidence waiting for an educator: recorded by someone else, with no decision, not voided,
 * not corrected by a newer revision.
 */
export function pendingEvidence(where: SQL): SQL {
  return and(
    where,
    eq(evidence.needsValidation, true),
    sql`not exists (select 1 from evidence_event e where e.evidence_id = ${evidence.id})`,
    sql`not exists (select 1 from evidence r where r.supersedes_id = ${evidence.id})`,
  ) as SQL;
}

async function countPending(ctx: DbContext, where: SQL): Promise<number> {
  const [row] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(evidence).where(pendingEvidence(where));
  return row?.count ?? 0;
}
