/**
 * Gradebooks of the size issue 6 names, 30 students × 60 items: the demo's largest are
 * smaller (its sections have at most 28 students and its courses fewer than 60 targets).
 * A course of 60 mathematics learning targets is added to the district (`course_item`),
 * and a few sections of it in a real school, term and teacher, each with 30 of the
 * school's students (who keep their demo ledger). Most cells get 1–3 pieces of evidence,
 * written with COPY; the students' mastery of the 60 items is then brought up to date by
 * `recomputeMastery`, the server's own upkeep, so the ledger and mastery agree.
 */
import { randomUUID } from "node:crypto";
import { type Database, recomputeMastery } from "@cairn/db";
import { seconds } from "../../stats";
import { progress } from "../../suite";
import { type DistrictFacts, query } from "./seed-ledger";

export const FIXTURE_COURSE = "BENCH-GB60";

export interface FixtureSection {
  [key: string]: string | number;
  id: string;
  students: number;
  items: number;
}

export async function gradebookFixture(
  database: Database,
  facts: DistrictFacts,
  sections: number,
  studentsPerSection: number,
  itemCount: number,
): Promise<{ sections: FixtureSection[]; seconds: number; evidence: number }> {
  const started = performance.now();
  const items = (
    await query<{ id: string }>(
      database,
      `select i.id from framework_item i join framework f on f.id = i.framework_id
        where f.status = 'published' and f.title like 'Mathematics%' and i.item_type = 'Learning target'
        order by i.position limit $1`,
      [itemCount],
    )
  ).map((row) => row.id);
  if (items.length < itemCount) throw new Error(`only ${items.length} mathematics learning targets`);
  // A school with enough students with a ledger, one of its current sections with a teacher as the template.
  const [template] = await query<{
    id: string;
    school_id: string;
    term_id: string;
    environment_id: string;
    teacher: string;
  }>(
    database,
    `select s.id, s.school_id, s.term_id, s.environment_id, ss.person_id as teacher
       from section s join section_staff ss on ss.section_id = s.id and ss.role = 'teacher'
      where s.district_id = $1 and s.subject = 'Mathematics'
        and (select count(*) from student st where st.school_id = s.school_id
              and exists (select 1 from mastery m where m.student_id = st.person_id)) >= $2
      order by s.id limit 1`,
    [facts.districtId, sections * studentsPerSection],
  );
  if (!template) throw new Error("no school with enough students for the 30 × 60 gradebooks");
  const students = (
    await query<{ person_id: string }>(
      database,
      `select st.person_id from student st
        where st.school_id = $1 and exists (select 1 from mastery m where m.student_id = st.person_id)
        order by md5(st.person_id::text) limit $2`,
      [template.school_id, sections * studentsPerSection],
    )
  ).map((row) => row.person_id);
  const created: FixtureSection[] = [];
  let random = 0x2545f491;
  const next = () => {
    random ^= random << 13;
    random ^= random >>> 17;
    random ^= random << 5;
    return (random >>> 0) / 4294967296;
  };
  const now = Date.now();
  let evidenceCount = 0;
  await database.bulkLoad(async (tx) => {
    await tx.copy(
      "course_item",
      ["district_id", "course_code", "item_id", "position"],
      items.map((itemId, position) => [facts.districtId, FIXTURE_COURSE, itemId, position]),
    );
    const evidence: unknown[][] = [];
    const scores: unknown[][] = [];
    for (let index = 0; index < sections; index++) {
      const id = randomUUID();
      await tx.exec(
        `insert into section (id, district_id, school_id, term_id, environment_id, name, subject, course_code)
         values ($1, $2, $3, $4, $5, $6, 'Mathematics', $7)`,
        [
          id,
          facts.districtId,
          template.school_id,
          template.term_id,
          template.environment_id,
          `Gradebook benchmark ${index + 1}`,
          FIXTURE_COURSE,
        ],
      );
      await tx.exec(
        "insert into section_staff (section_id, person_id, district_id, role) values ($1, $2, $3, 'teacher')",
        [id, template.teacher, facts.districtId],
      );
      const enrolled = students.slice(index * studentsPerSection, (index + 1) * studentsPerSection);
      await tx.copy(
        "enrollment",
        ["section_id", "student_id", "district_id"],
        enrolled.map((studentId) => [id, studentId, facts.districtId]),
      );
      for (const studentId of enrolled)
        items.forEach((itemId, position) => {
          if (next() < 0.15) return;
          const attempts = 1 + Math.floor(next() * 3);
          for (let attempt = 0; attempt < attempts; attempt++) {
            const evidenceId = randomUUID();
            const occurred = now - (itemCount - position) * 86_400_000 + attempt * 3_600_000;
            evidence.push([
              evidenceId,
              facts.districtId,
              studentId,
              "assessment",
              "classroom",
              "Unit check",
              new Date(occurred).toISOString(),
              new Date(occurred + 60_000).toISOString(),
              template.teacher,
              "Gradebook benchmark teacher",
              false,
            ]);
            scores.push([evidenceId, itemId, Math.min(4, 1 + attempt + Math.floor(next() * 3))]);
          }
        });
      created.push({ id, students: enrolled.length, items: items.length });
    }
    await tx.copy(
      "evidence",
      [
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
      ],
      evidence,
    );
    await tx.copy("evidence_score", ["evidence_id", "item_id", "score"], scores);
    evidenceCount = evidence.length;
  });
  progress(`gradebook fixture: ${evidenceCount} evidence rows copied; recomputing the students' mastery`);
  for (const studentId of students)
    await database.db.transaction((tx) => recomputeMastery(tx, studentId, items, new Date(), null));
  return { sections: created, seconds: seconds(started), evidence: evidenceCount };
}
