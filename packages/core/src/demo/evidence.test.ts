import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countingScores, evidenceStatus } from "../evidence/ledger";
import type { CfPackage } from "../framework/case";
import {
  type AlignableItem,
  createDemoEvidenceGenerator,
  DEMO_ELA_SUBJECT,
  DEMO_MATH_SUBJECT,
  type DemoCourse,
  type DemoLearner,
  type DemoStudentEvidence,
  demoCourseFocus,
  demoCourseItems,
  demoLedgerEntries,
  demoSemesterDays,
  frameworkSubject,
} from "./evidence";
import { demoFrameworkPackages } from "./frameworks";

const NOW = "2026-11-20T18:00:00.000Z";
const FOUR_LEVELS = { levels: [1, 2, 3, 4], mastery: 3 };
const PERCENT = { levels: [0, 60, 70, 80, 90, 100], mastery: 80 };

const course = (code: string, subject: string, grade: DemoCourse["grade"], size: number, scale = FOUR_LEVELS) => ({
  code,
  subject,
  grade,
  items: Array.from({ length: size }, (_, index) => ({ id: `${code}-item-${index}`, code: `${code}.${index}`, scale })),
});
const COURSES = new Map<string, DemoCourse>([
  ["MATH7", course("MATH7", DEMO_MATH_SUBJECT, "07", 24)],
  ["ELA7", course("ELA7", DEMO_ELA_SUBJECT, "07", 13, PERCENT)],
  ["HR01", course("HR01", DEMO_MATH_SUBJECT, "01", 21)],
]);

/** A made-up school: 6 sections, each with its own teacher; science has no framework and so no items. */
function learners(count: number): DemoLearner[] {
  const teacher = (n: number) => ({ personId: `teacher-${n}`, name: `Teacher ${n}` });
  return Array.from({ length: count }, (_, index) => {
    const student = { personId: `student-${index}`, name: `Student ${index}` };
    if (index % 4 === 3)
      return { student, classes: [{ sectionId: `hr-${index % 2}`, courseCode: "HR01", teacher: teacher(5) }] };
    return {
      student,
      classes: [
        { sectionId: `math-${index % 2}`, courseCode: "MATH7", teacher: teacher(index % 2) },
        { sectionId: `ela-${index % 2}`, courseCode: "ELA7", teacher: teacher(2 + (index % 2)) },
        { sectionId: "sci-0", courseCode: "SCI7", teacher: teacher(4) },
      ],
    };
  });
}

function generate(seed: number, now = NOW, count = 200): { learner: DemoLearner; evidence: DemoStudentEvidence }[] {
  const next = createDemoEvidenceGenerator({ seed, districtId: "district", schoolYear: 2026, now }, COURSES);
  return learners(count).map((learner) => ({ learner, evidence: next(learner) }));
}

const all = generate(20260);
const flat = {
  evidence: all.flatMap((student) => student.evidence.evidence),
  scores: all.flatMap((student) => student.evidence.scores),
  events: all.flatMap((student) => student.evidence.events),
};
const byId = new Map(flat.evidence.map((record) => [record.id, record]));
const scales = new Map([...COURSES.values()].flatMap((entry) => entry.items.map((item) => [item.id, item.scale])));
const scaleOf = (itemId: string) => scales.get(itemId);

describe("demo course alignment", () => {
  const itemsBySubject = new Map<string, AlignableItem[]>(
    demoFrameworkPackages().map((pkg: CfPackage) => [
      frameworkSubject(pkg.CFDocument),
      (pkg.CFItems ?? []).map((item, position) => ({
        id: item.humanCodingScheme ?? item.identifier,
        itemType: item.CFItemType ?? null,
        educationLevels: item.educationLevel ?? [],
        position,
      })),
    ]),
  );

  it("reads the framework and grade from the demo's course codes, and nothing from others", () => {
    expect(demoCourseFocus("MATH7")).toEqual({ subject: DEMO_MATH_SUBJECT, grade: "07" });
    expect(demoCourseFocus("HRKG")).toEqual({ subject: DEMO_MATH_SUBJECT, grade: "KG" });
    expect(demoCourseFocus("HR04")).toEqual({ subject: DEMO_MATH_SUBJECT, grade: "04" });
    expect(demoCourseFocus("ELA8")).toEqual({ subject: DEMO_ELA_SUBJECT, grade: "08" });
    for (const code of ["SCI7", "SS6", "ALG1", "ENG9", "CSP-V", "ENGL101"]) expect(demoCourseFocus(code)).toBeNull();
  });

  it("gives a math course its grade's learning targets in framework order, no indicators, domains or grades", () => {
    const math = itemsBySubject.get(DEMO_MATH_SUBJECT) ?? [];
    const items = demoCourseItems("MATH7", itemsBySubject);
    const expected = math.filter((item) => item.itemType === "Learning target" && item.educationLevels.includes("07"));
    expect(items).toEqual(expected.map((item) => item.id));
    expect(items.length).toBeGreaterThan(15);
    expect(items.every((code) => code.startsWith("7."))).toBe(true);
    for (const code of ["HRKG", "HR01", "HR05", "MATH6", "MATH8"]) {
      const count = demoCourseItems(code, itemsBySubject).length;
      expect(count).toBeGreaterThan(15);
      expect(count).toBeLessThanOrEqual(60);
    }
  });

  it("gives an ELA course of grades 6–8 the ELA learning targets, and courses without a framework nothing", () => {
    const ela = demoCourseItems("ELA6", itemsBySubject);
    expect(ela.length).toBeGreaterThan(5);
    expect(ela.every((code) => /^ELA\.[A-Z]+\.\d+$/.test(code))).toBe(true);
    expect(demoCourseItems("SCI6", itemsBySubject)).toEqual([]);
    expect(demoCourseItems("ALG1", itemsBySubject)).toEqual([]);
  });
});

describe("the demo's semester of evidence", () => {
  it("is the same for the same seed and inputs, ids included, and differs for another seed", () => {
    expect(generate(20260, NOW, 40)).toEqual(generate(20260, NOW, 40));
    expect(generate(7, NOW, 40)).not.toEqual(generate(20260, NOW, 40));
  });

  // Rules over thousands of rows collect what breaks them, so a failure names the rows.
  it("scores only the items of the student's own courses, each on that item's scale", () => {
    const problems: string[] = [];
    for (const { learner, evidence } of all) {
      const covered = new Set(
        learner.classes.flatMap((entry) => COURSES.get(entry.courseCode)?.items.map((item) => item.id) ?? []),
      );
      for (const { itemId, score } of evidence.scores) {
        if (!covered.has(itemId)) problems.push(`${learner.student.personId}: ${itemId} is not in their courses`);
        if (!scaleOf(itemId)?.levels.includes(score)) problems.push(`${itemId}: ${score} is off its scale`);
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(flat.scores.map((score) => score.score))).toEqual(new Set([1, 2, 3, 4, 0, 60, 70, 80, 90, 100]));
  });

  it("happens between 1 September and now, on school days for class work, recorded and validated by now", () => {
    const start = Date.parse("2026-09-01T00:00:00Z");
    const now = Date.parse(NOW);
    const problems: string[] = [];
    for (const record of flat.evidence) {
      const occurred = Date.parse(record.occurredAt);
      const recorded = Date.parse(record.recordedAt);
      if (
        new Date(occurred).toISOString() !== record.occurredAt ||
        new Date(recorded).toISOString() !== record.recordedAt
      )
        problems.push(`${record.id}: not ISO times`);
      if (occurred < start || occurred > now) problems.push(`${record.id}: happened ${record.occurredAt}`);
      if (recorded < occurred || recorded > now) problems.push(`${record.id}: recorded ${record.recordedAt}`);
      if (record.setting === "classroom" && [0, 6].includes(new Date(occurred).getUTCDay()))
        problems.push(`${record.id}: class on a weekend`);
    }
    for (const event of flat.events) {
      const recordedAt = byId.get(event.evidenceId)?.recordedAt ?? "";
      if (Date.parse(event.occurredAt) > now || event.occurredAt <= recordedAt)
        problems.push(`${event.id}: validated ${event.occurredAt}`);
    }
    expect(problems).toEqual([]);
  });

  it("gives no two pieces of a student's evidence the same moment, so the ledger's order is never a tie", () => {
    const tied = all.filter(({ evidence }) => {
      const moments = evidence.evidence.map((record) => record.occurredAt);
      return new Set(moments).size !== moments.length;
    });
    expect(tied).toEqual([]);
  });

  it("is recorded by the section's teacher in class, and by the student out of school, waiting for validation", () => {
    const problems: string[] = [];
    for (const { learner, evidence } of all) {
      const teachers = new Set(learner.classes.map((entry) => entry.teacher.personId));
      for (const record of evidence.evidence) {
        const right = record.needsValidation
          ? record.recordedBy === learner.student.personId &&
            record.recordedByName === learner.student.name &&
            ["home", "community", "workplace"].includes(record.setting) &&
            ["extended_learning", "work_based_learning"].includes(record.kind)
          : teachers.has(record.recordedBy) && record.setting === "classroom";
        if (!right) problems.push(`${record.id}: ${record.kind} in ${record.setting} by ${record.recordedByName}`);
      }
      for (const event of evidence.events)
        if (!teachers.has(event.actorPersonId)) problems.push(`${event.id}: validated by ${event.actorName}`);
    }
    expect(problems).toEqual([]);
  });

  it("leaves some out-of-school evidence pending and has a teacher validate a few", () => {
    const statuses = flat.evidence
      .filter((record) => record.needsValidation)
      .map((record) => {
        const [entry] = demoLedgerEntries({
          evidence: [record],
          scores: [],
          events: flat.events.filter((event) => event.evidenceId === record.id),
        });
        return evidenceStatus(entry as NonNullable<typeof entry>, new Set());
      });
    const pending = statuses.filter((status) => status === "pending").length;
    const validated = statuses.filter((status) => status === "validated").length;
    expect(pending).toBeGreaterThan(10);
    expect(validated).toBeGreaterThan(3);
    expect(pending).toBeGreaterThan(validated);
    expect(pending / flat.evidence.length).toBeLessThan(0.05);
  });

  it("scores about 6–12 items per student and course, 1–3 attempts each, with some projects scoring several", () => {
    const perCourse: number[] = [];
    const attempts = new Map<string, number>();
    for (const { learner, evidence } of all) {
      for (const { courseCode } of learner.classes) {
        const items = new Set(COURSES.get(courseCode)?.items.map((item) => item.id) ?? []);
        const scored = new Set(evidence.scores.filter((score) => items.has(score.itemId)).map((score) => score.itemId));
        if (items.size > 0) perCourse.push(scored.size);
      }
      for (const score of evidence.scores) {
        const record = byId.get(score.evidenceId);
        if (record?.kind === "assessment" || record?.kind === "performance_task" || record?.kind === "observation") {
          const key = `${record.studentId}/${score.itemId}`;
          attempts.set(key, (attempts.get(key) ?? 0) + 1);
        }
      }
    }
    const mean = perCourse.reduce((sum, n) => sum + n, 0) / perCourse.length;
    expect(mean).toBeGreaterThanOrEqual(6);
    expect(mean).toBeLessThanOrEqual(12);
    expect(Math.max(...perCourse)).toBeLessThanOrEqual(12);
    expect(new Set(attempts.values())).toEqual(new Set([1, 2, 3]));
    const reassessed = [...attempts.values()].filter((n) => n > 1).length / attempts.size;
    expect(reassessed).toBeGreaterThan(0.1);
    expect(reassessed).toBeLessThan(0.6);
    const projects = flat.evidence.filter((record) => record.kind === "project" || record.kind === "portfolio");
    expect(projects.length).toBeGreaterThan(all.length / 4);
    const scoresPer = (id: string) => flat.scores.filter((score) => score.evidenceId === id).length;
    expect(projects.every((project) => scoresPer(project.id) >= 2 && scoresPer(project.id) <= 4)).toBe(true);
  });

  it("draws learning curves: reassessments score higher on average, and students differ", () => {
    let gain = 0;
    let pairs = 0;
    const studentMeans: number[] = [];
    for (const { evidence } of all) {
      const entries = demoLedgerEntries(evidence);
      const items = new Set(
        evidence.scores.filter((score) => scaleOf(score.itemId) === FOUR_LEVELS).map((s) => s.itemId),
      );
      const values: number[] = [];
      for (const itemId of items) {
        const scores = countingScores(entries, itemId).map((score) => score.score);
        values.push(...scores);
        for (let index = 1; index < scores.length; index++) {
          gain += (scores[index] as number) - (scores[0] as number);
          pairs++;
        }
      }
      if (values.length > 0) studentMeans.push(values.reduce((sum, v) => sum + v, 0) / values.length);
    }
    expect(pairs).toBeGreaterThan(100);
    expect(gain / pairs).toBeGreaterThan(0.5);
    studentMeans.sort((a, b) => a - b);
    const tenth = studentMeans[Math.floor(studentMeans.length / 10)] as number;
    const ninetieth = studentMeans[Math.floor((studentMeans.length * 9) / 10)] as number;
    expect(ninetieth - tenth).toBeGreaterThan(0.8);
  });

  it("rises with practice, not only by reassessing low scores: a project scores its targets above their first attempt", () => {
    // Which targets a project scores does not depend on how the first attempts went, so
    // without learning the difference would average zero.
    const differences: number[] = [];
    for (const { evidence } of all) {
      const first = new Map<string, number>();
      for (const record of [...evidence.evidence].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)))
        for (const score of evidence.scores.filter((entry) => entry.evidenceId === record.id)) {
          if (scaleOf(score.itemId) !== FOUR_LEVELS) continue;
          const earlier = first.get(score.itemId);
          if (earlier === undefined) first.set(score.itemId, score.score);
          else if (record.kind === "project" || record.kind === "portfolio") differences.push(score.score - earlier);
        }
    }
    expect(differences.length).toBeGreaterThan(60);
    expect(differences.reduce((sum, n) => sum + n, 0) / differences.length).toBeGreaterThan(0.3);
  });

  it("has nothing before the school year starts, and only the weeks so far early in the fall", () => {
    expect(generate(1, "2026-08-25T12:00:00.000Z", 20).every(({ evidence }) => evidence.evidence.length === 0)).toBe(
      true,
    );
    const early = generate(1, "2026-09-20T12:00:00.000Z", 20).flatMap(({ evidence }) => evidence.evidence);
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(flat.evidence.length / 10 / 2);
  });

  it("holds its rules for any seed and any now in the fall", () => {
    fc.assert(
      fc.property(fc.nat(2 ** 31 - 1), fc.integer({ min: 0, max: 200 }), (seed, dayOffset) => {
        const now = new Date(Date.parse("2026-08-20T00:00:00Z") + dayOffset * 86_400_000 + 13 * 3_600_000);
        const generated = generate(seed, now.toISOString(), 12);
        for (const { evidence } of generated) {
          for (const record of evidence.evidence) {
            expect(record.occurredAt >= "2026-09-01" && record.recordedAt <= now.toISOString()).toBe(true);
            expect(record.occurredAt <= record.recordedAt).toBe(true);
          }
          for (const score of evidence.scores) expect(scaleOf(score.itemId)?.levels).toContain(score.score);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("counts school days only, up to the end of the fall semester", () => {
    const days = demoSemesterDays(2026, "2027-05-01T00:00:00Z");
    expect(new Date(days[0] as number).toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(new Date(days.at(-1) as number).toISOString()).toBe("2027-01-22T00:00:00.000Z");
    expect(days.every((day) => ![0, 6].includes(new Date(day).getUTCDay()))).toBe(true);
  });
});
