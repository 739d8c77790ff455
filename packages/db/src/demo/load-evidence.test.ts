import { DEMO_DISTRICT_CODE } from "@cairn/core";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildMastery } from "../evidence/rebuild";
import {
  courseItem,
  district,
  enrollment,
  evidence,
  evidenceEvent,
  frameworkItem,
  mastery,
  masteryEvent,
  sectionStaff,
} from "../schema";
import { openTestDatabase, plainTestHash, TEST_NOW, TEST_SCHOOL_YEAR, type TestDatabase } from "../testing";
import { type DemoCounts, loadDemoDistrict } from "./load-demo";

let database: TestDatabase;
let counts: DemoCounts;
const load = (replace = false) =>
  loadDemoDistrict(database, {
    students: 300,
    seed: 7,
    schoolYear: TEST_SCHOOL_YEAR,
    hashPassword: plainTestHash,
    now: TEST_NOW,
    replace,
  });
const rows = async <Row>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;

beforeAll(async () => {
  database = await openTestDatabase();
  counts = await load();
});
afterAll(async () => database.destroy());

describe("the demo's course items", () => {
  it("align math and ELA courses to their grade's learning targets, in framework order, and nothing else", async () => {
    const courses = await database.db
      .select({
        code: courseItem.courseCode,
        position: courseItem.position,
        itemType: frameworkItem.itemType,
        levels: frameworkItem.educationLevels,
        frameworkPosition: frameworkItem.position,
      })
      .from(courseItem)
      .innerJoin(frameworkItem, eq(frameworkItem.id, courseItem.itemId))
      .orderBy(asc(courseItem.courseCode), asc(courseItem.position));
    const codes = new Set(courses.map((row) => row.code));
    for (const code of ["MATH6", "MATH7", "MATH8", "ELA6", "ELA7", "ELA8", "HRKG", "HR03", "HR05"])
      expect(codes.has(code), code).toBe(true);
    for (const code of ["SCI7", "SS6", "ALG1", "ENG9", "BIO"]) expect(codes.has(code), code).toBe(false);
    expect(courses.every((row) => row.itemType === "Learning target")).toBe(true);
    const math7 = courses.filter((row) => row.code === "MATH7");
    expect(math7.length).toBeGreaterThan(15);
    expect(math7.every((row) => row.levels.includes("07"))).toBe(true);
    expect(math7.map((row) => row.position)).toEqual(math7.map((_, index) => index));
    const order = math7.map((row) => row.frameworkPosition);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const code of codes) expect(courses.filter((row) => row.code === code).length).toBeLessThanOrEqual(60);
    expect(counts.evidence.courseItems).toBe(courses.length);
  });
});

describe("the demo's semester of evidence", () => {
  it("loads evidence, scores, validations, mastery and reached events, and reports how many", async () => {
    const [tally] = await rows<Omit<DemoCounts["evidence"], "courseItems">>(sql`
      select (select count(*) from evidence)::int as evidence, (select count(*) from evidence_score)::int as scores,
             (select count(*) from evidence_event)::int as events, (select count(*) from mastery)::int as mastery,
             (select count(*) from mastery_event)::int as "masteryEvents"`);
    expect(counts.evidence).toEqual({ courseItems: counts.evidence.courseItems, ...tally });
    expect(counts.evidence.evidence).toBeGreaterThan(counts.students * 4);
    expect(counts.evidence.mastery).toBeGreaterThan(counts.students * 3);
  });

  it("happens between 1 September and the demo's now, and scores only items of the student's own courses", async () => {
    const [range] = await database.db
      .select({ first: sql<string>`min(${evidence.occurredAt})`, last: sql<string>`max(${evidence.recordedAt})` })
      .from(evidence);
    expect(new Date(range?.first ?? "").getTime()).toBeGreaterThanOrEqual(Date.parse(`${TEST_SCHOOL_YEAR}-09-01`));
    expect(new Date(range?.last ?? "").getTime()).toBeLessThanOrEqual(TEST_NOW.getTime());
    const stray = await rows<{ n: number }>(sql`
      select count(*)::int as n from evidence_score es join evidence e on e.id = es.evidence_id
       where not exists (select 1 from enrollment en join section s on s.id = en.section_id
                          join course_item ci on ci.course_code = s.course_code and ci.district_id = s.district_id
                         where en.student_id = e.student_id and ci.item_id = es.item_id)`);
    expect(stray[0]?.n).toBe(0);
  });

  it("is recorded by the student's own teacher in class, and by the student out of school", async () => {
    const wrong = await rows<{ n: number }>(sql`
      select count(*)::int as n from evidence e
       where case when e.needs_validation then e.recorded_by <> e.student_id
             else not exists (select 1 from enrollment en join section_staff ss on ss.section_id = en.section_id
                               where en.student_id = e.student_id and ss.person_id = e.recorded_by and ss.role = 'teacher')
             end`);
    expect(wrong[0]?.n).toBe(0);
  });

  it("leaves some out-of-school evidence pending, and has the student's teacher validate a few", async () => {
    const [pending] = await rows<{ n: number }>(sql`
      select count(*)::int as n from evidence e
       where e.needs_validation and not exists (select 1 from evidence_event ev where ev.evidence_id = e.id)`);
    expect(pending?.n).toBeGreaterThan(5);
    const validations = await database.db
      .select({ kind: evidenceEvent.kind, actor: evidenceEvent.actorPersonId, studentId: evidence.studentId })
      .from(evidenceEvent)
      .innerJoin(evidence, eq(evidence.id, evidenceEvent.evidenceId));
    expect(validations.length).toBeGreaterThan(0);
    expect(validations.every((row) => row.kind === "validated")).toBe(true);
    const [settings] = await rows<{ settings: string[] }>(sql`
      select array_agg(distinct setting) as settings from evidence where needs_validation`);
    expect(settings?.settings.every((setting) => ["home", "community", "workplace"].includes(setting))).toBe(true);
  });

  it("stores mastery that a rebuild from the ledger agrees with, reached at the demo's now", async () => {
    expect(await rebuildMastery(database, TEST_NOW, { verify: true })).toEqual([]);
    const [mastered] = await database.db
      .select({ n: count() })
      .from(mastery)
      .where(and(eq(mastery.mastered, true), eq(mastery.masteredAt, TEST_NOW)));
    const reached = await database.db
      .select({ evidenceId: masteryEvent.evidenceId, occurredAt: masteryEvent.occurredAt })
      .from(masteryEvent)
      .where(eq(masteryEvent.kind, "reached"));
    expect(mastered?.n).toBeGreaterThan(0);
    expect(reached).toHaveLength(mastered?.n ?? -1);
    expect(
      reached.every((event) => event.evidenceId === null && event.occurredAt.getTime() === TEST_NOW.getTime()),
    ).toBe(true);
  });

  it("gives a section's students mastery of that course's items", async () => {
    const [section] = await rows<{ id: string; course_code: string }>(sql`
      select s.id, s.course_code from section s join section_staff ss on ss.section_id = s.id
        join person p on p.id = ss.person_id
       where p.given_name = 'Daniel' and p.family_name = 'Reyes' and ss.role = 'teacher'
       order by s.name limit 1`);
    expect(section?.course_code).toBe("MATH7");
    const students = await database.db
      .select({ studentId: enrollment.studentId })
      .from(enrollment)
      .where(eq(enrollment.sectionId, section?.id ?? ""));
    const perStudent = await rows<{ student_id: string; items: number }>(sql`
      select m.student_id, count(*)::int as items from mastery m
        join course_item ci on ci.item_id = m.item_id and ci.course_code = 'MATH7'
        join enrollment en on en.student_id = m.student_id and en.section_id = ${section?.id}
       where m.evidence_count > 0
       group by m.student_id`);
    expect(students.length).toBeGreaterThan(5);
    expect(perStudent.map((row) => row.student_id).sort()).toEqual(students.map((row) => row.studentId).sort());
    expect(perStudent.every((row) => row.items >= 3 && row.items <= 12)).toBe(true);
    const [teachers] = await database.db
      .select({ n: count() })
      .from(sectionStaff)
      .where(eq(sectionStaff.sectionId, section?.id ?? ""));
    expect(teachers?.n).toBe(1);
  });

  it("is the same again when the demo is replaced with the same seed", async () => {
    const snapshot = () =>
      rows<{ id: string; occurred_at: string; title: string; code: string; score: number }>(sql`
        select e.id, e.occurred_at::text, e.title, fi.code, es.score from evidence e
          join evidence_score es on es.evidence_id = e.id join framework_item fi on fi.id = es.item_id
         order by e.id, fi.code`);
    const before = await snapshot();
    await load(true);
    expect(
      await database.db.select({ id: district.id }).from(district).where(eq(district.code, DEMO_DISTRICT_CODE)),
    ).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });
});
