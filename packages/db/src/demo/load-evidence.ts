import { randomUUID } from "node:crypto";
import {
  type AlignableItem,
  createDemoEvidenceGenerator,
  type DemoCourse,
  type DemoLearner,
  type DemoStudentEvidence,
  demoCourseFocus,
  demoCourseItems,
  demoLedgerEntries,
  frameworkSubject,
  type LedgerEntry,
} from "@cairn/core";
import { and, asc, eq } from "drizzle-orm";
import type { BulkTransaction } from "../copy";
import type { Database, Db } from "../database";
import { loadItems, type ScoredItem } from "../evidence/items";
import { type ComputedMastery, computeMastery, methodSettings, nextMasteryRow } from "../evidence/recompute";
import { withForeignKeysCheckedAtEnd } from "../foreign-keys";
import { framework, frameworkItem, school, section } from "../schema";

export interface LoadDemoEvidenceOptions {
  districtId: string;
  seed: number;
  schoolYear: number;
  /** The demo's "now": no evidence after it; the stored mastery is computed at it. */
  now: Date;
  onProgress?: (studentsDone: number, studentsTotal: number) => void;
}

export interface DemoEvidenceCounts {
  courseItems: number;
  evidence: number;
  scores: number;
  events: number;
  mastery: number;
  masteryEvents: number;
}

/** Where each kind of row goes, column by column. */
const TABLES = {
  courseItems: { table: "course_item", columns: ["district_id", "course_code", "item_id", "position"] },
  evidence: {
    table: "evidence",
    columns: [
      "id",
      "district_id",
      "student_id",
      "kind",
      "setting",
      "title",
      "occurred_at",
      "recorded_at",
      "recorded_by",
      "recorded_by_name",
      "needs_validation",
      "reflection",
    ],
  },
  scores: { table: "evidence_score", columns: ["evidence_id", "item_id", "score"] },
  events: {
    table: "evidence_event",
    columns: ["id", "evidence_id", "kind", "actor_person_id", "actor_name", "occurred_at", "comment"],
  },
  mastery: {
    table: "mastery",
    columns: [
      "student_id",
      "item_id",
      "district_id",
      "method",
      "value",
      "mastered",
      "mastered_at",
      "evidence_count",
      "computed_at",
    ],
  },
  masteryEvents: {
    table: "mastery_event",
    columns: ["id", "student_id", "item_id", "district_id", "kind", "occurred_at", "evidence_id"],
  },
} as const satisfies Record<keyof DemoEvidenceCounts, { table: string; columns: readonly string[] }>;

/** Rows buffered before one COPY per table, as the district loader does: streaming, in few statements. */
const FLUSH_AT_ROWS = 50_000;

/**
 * Gives the demo district's courses their items and its students a semester of evidence,
 * with the mastery it leads to, in one transaction. The rows come from the pure generator
 * in `@cairn/core`. Mastery is computed while loading, by `computeMastery` and
 * `nextMasteryRow` as `rebuildMastery` uses them, over the same ledger entries: the rows a
 * rebuild would write (each mastered item reached at `now`, caused by no single piece of
 * evidence), so `cairn recompute --verify` finds no difference. Reading the ledger back to
 * rebuild would take several times longer than the whole load. Students are read and
 * loaded school by school, so memory stays flat at any size.
 */
export async function loadDemoEvidence(
  database: Database,
  options: LoadDemoEvidenceOptions,
): Promise<DemoEvidenceCounts> {
  const { districtId } = options;
  // Read before the transaction: the embedded database is one connection.
  const { courses, items } = await demoCourses(database.db, districtId);
  const settings = await methodSettings(database.db, districtId);
  const schools = await database.db
    .select({ id: school.id })
    .from(school)
    .where(eq(school.districtId, districtId))
    .orderBy(asc(school.code));
  const courseCodes = [...courses.keys()];
  const counts: DemoEvidenceCounts = {
    courseItems: 0,
    evidence: 0,
    scores: 0,
    events: 0,
    mastery: 0,
    masteryEvents: 0,
  };
  const generate = createDemoEvidenceGenerator(
    { seed: options.seed, districtId, schoolYear: options.schoolYear, now: options.now.toISOString() },
    courses,
  );
  const masteryContext = { districtId, items, settings, now: options.now };

  return database.bulkLoad(async (tx) => {
    const pending = emptyRows();
    const flush = async () => {
      for (const kind of Object.keys(TABLES) as (keyof DemoEvidenceCounts)[]) {
        await tx.copy(TABLES[kind].table, TABLES[kind].columns, pending[kind]);
        counts[kind] += pending[kind].length;
        pending[kind] = [];
      }
    };
    const [{ total } = { total: 0 }] = await tx.query<{ total: number }>(
      `select count(distinct e.student_id)::int as total
         from enrollment e join section s on s.id = e.section_id
        where s.district_id = $1 and s.course_code = any($2)`,
      [districtId, courseCodes],
    );
    let done = 0;
    const tables = Object.values(TABLES).map((entry) => entry.table);
    await withForeignKeysCheckedAtEnd(tx, tables, async () => {
      for (const course of courses.values())
        course.items.forEach((item, position) => {
          pending.courseItems.push([districtId, course.code, item.id, position]);
        });
      for (const { id } of schools) {
        for (const learner of await learnersOf(tx, id, courseCodes)) {
          appendRows(pending, learner.student.personId, generate(learner), masteryContext);
          done++;
        }
        if (rowCount(pending) >= FLUSH_AT_ROWS) await flush();
        options.onProgress?.(done, total);
      }
      await flush();
      options.onProgress?.(total, total);
    });
    return counts;
  });
}

/** One student's generated evidence, and the mastery it leads to, as rows to COPY. */
function appendRows(
  pending: Rows,
  studentId: string,
  generated: DemoStudentEvidence,
  context: {
    districtId: string;
    items: ReadonlyMap<string, ScoredItem>;
    settings: Awaited<ReturnType<typeof methodSettings>>;
    now: Date;
  },
): void {
  for (const row of generated.evidence)
    pending.evidence.push([
      row.id,
      row.districtId,
      row.studentId,
      row.kind,
      row.setting,
      row.title,
      row.occurredAt,
      row.recordedAt,
      row.recordedBy,
      row.recordedByName,
      row.needsValidation,
      row.reflection,
    ]);
  for (const row of generated.scores) pending.scores.push([row.evidenceId, row.itemId, row.score]);
  for (const row of generated.events)
    pending.events.push([
      row.id,
      row.evidenceId,
      row.kind,
      row.actorPersonId,
      row.actorName,
      row.occurredAt,
      row.comment,
    ]);
  const { districtId, items, settings, now } = context;
  for (const next of masteryOf(demoLedgerEntries(generated), items, settings)) {
    // No stored row before: exactly what a rebuild would write for this student.
    const { row, flipped } = nextMasteryRow(null, next, now);
    pending.mastery.push([
      studentId,
      next.itemId,
      districtId,
      JSON.stringify(row.method),
      row.value,
      row.mastered,
      row.masteredAt,
      row.evidenceCount,
      row.computedAt,
    ]);
    if (flipped) pending.masteryEvents.push([randomUUID(), studentId, next.itemId, districtId, "reached", now, null]);
  }
}

/**
 * The mastery of every item a student's evidence scores (pending or not, as a rebuild
 * finds them), by `computeMastery` itself. Each item is given only the entries that score
 * it: with no corrections among them, that is what `countingScores` would pick from the
 * whole ledger, at a fraction of the work.
 */
function masteryOf(
  entries: readonly LedgerEntry[],
  items: ReadonlyMap<string, ScoredItem>,
  settings: Awaited<ReturnType<typeof methodSettings>>,
): ComputedMastery[] {
  const byItem = new Map<string, LedgerEntry[]>();
  for (const entry of entries)
    for (const { itemId } of entry.scores) byItem.set(itemId, [...(byItem.get(itemId) ?? []), entry]);
  return [...byItem].flatMap(([itemId, scoring]) => computeMastery(scoring, items, settings, [itemId]));
}

type Rows = Record<keyof DemoEvidenceCounts, unknown[][]>;

function emptyRows(): Rows {
  return { courseItems: [], evidence: [], scores: [], events: [], mastery: [], masteryEvents: [] };
}

function rowCount(rows: Rows): number {
  return Object.values(rows).reduce((sum, list) => sum + list.length, 0);
}

/**
 * The district's courses that a demo framework covers, each with its items (see
 * `demoCourseItems`) and their scales, and the items as the mastery rules read them.
 */
async function demoCourses(
  db: Db,
  districtId: string,
): Promise<{ courses: Map<string, DemoCourse>; items: Map<string, ScoredItem> }> {
  const rows = await db
    .select({
      document: framework.document,
      id: frameworkItem.id,
      itemType: frameworkItem.itemType,
      educationLevels: frameworkItem.educationLevels,
      position: frameworkItem.position,
    })
    .from(frameworkItem)
    .innerJoin(framework, eq(framework.id, frameworkItem.frameworkId))
    .where(and(eq(framework.districtId, districtId), eq(framework.status, "published")));
  const bySubject = new Map<string, AlignableItem[]>();
  for (const { document, ...item } of rows) {
    const subject = frameworkSubject(document as object);
    bySubject.set(subject, [...(bySubject.get(subject) ?? []), item]);
  }
  const codes = await db
    .selectDistinct({ code: section.courseCode })
    .from(section)
    .where(eq(section.districtId, districtId))
    .orderBy(asc(section.courseCode));
  const aligned = codes.flatMap(({ code }) => {
    const focus = demoCourseFocus(code);
    const itemIds = demoCourseItems(code, bySubject);
    return focus && itemIds.length > 0 ? [{ code, ...focus, itemIds }] : [];
  });
  const items = await loadItems(
    db,
    aligned.flatMap((course) => course.itemIds),
  );
  const courses = new Map(
    aligned.map(({ itemIds, ...course }) => [
      course.code,
      {
        ...course,
        items: itemIds.map((id) => {
          const item = items.get(id) as ScoredItem;
          const levels = item.scale.levels.map((level) => level.value).sort((a, b) => a - b);
          return { id, code: item.code, scale: { levels, mastery: item.range.mastery } };
        }),
      },
    ]),
  );
  return { courses, items };
}

/** One school's students in sections of aligned courses, each with the section's teacher; in a stable order. */
async function learnersOf(tx: BulkTransaction, schoolId: string, courseCodes: string[]): Promise<DemoLearner[]> {
  const rows = await tx.query<{
    student_id: string;
    student_name: string;
    section_id: string;
    course_code: string;
    teacher_id: string;
    teacher_name: string;
  }>(
    `select e.student_id, sp.given_name || ' ' || sp.family_name as student_name,
            s.id as section_id, s.course_code,
            t.person_id as teacher_id, tp.given_name || ' ' || tp.family_name as teacher_name
       from section s
       join enrollment e on e.section_id = s.id
       join person sp on sp.id = e.student_id
       join lateral (select ss.person_id from section_staff ss
                      where ss.section_id = s.id and ss.role = 'teacher'
                      order by ss.person_id limit 1) t on true
       join person tp on tp.id = t.person_id
      where s.school_id = $1 and s.course_code = any($2)
      order by e.student_id, s.course_code, s.id`,
    [schoolId, courseCodes],
  );
  const learners: { student: DemoLearner["student"]; classes: DemoLearner["classes"][number][] }[] = [];
  for (const row of rows) {
    let learner = learners.at(-1);
    if (learner?.student.personId !== row.student_id) {
      learner = { student: { personId: row.student_id, name: row.student_name }, classes: [] };
      learners.push(learner);
    }
    learner.classes.push({
      sectionId: row.section_id,
      courseCode: row.course_code,
      teacher: { personId: row.teacher_id, name: row.teacher_name },
    });
  }
  return learners;
}
