import type { EvidenceKind, EvidenceSetting, LedgerEntry } from "../evidence/ledger";
import type { GradeLevel } from "../organization/vocabulary";
import { createRandom, type Random } from "./random";

/**
 * The demo district's semester of evidence: which items each course works on, and what its
 * students showed on them from the first week of September to the demo's "now". Pure and
 * seeded: the same inputs, in the same order, give the same rows, ids included.
 */

export const DEMO_MATH_SUBJECT = "Mathematics";
export const DEMO_ELA_SUBJECT = "English Language Arts";
/** A gradebook wider than this stops being readable; no demo course comes near it. */
export const MAX_COURSE_ITEMS = 60;

/** What a demo course works on, read from the course codes the generator gives (see courses.ts). */
const COURSE_FOCUS: readonly [RegExp, string][] = [
  [/^MATH(\d)$/, DEMO_MATH_SUBJECT],
  // Elementary homerooms teach every subject; mathematics is the one with a K–5 framework.
  [/^HR(KG|\d\d)$/, DEMO_MATH_SUBJECT],
  [/^ELA(\d)$/, DEMO_ELA_SUBJECT],
];

export interface CourseFocus {
  /** The subject of the demo framework the course works on. */
  subject: string;
  grade: GradeLevel;
}

/** The framework subject and grade of a demo course; null for courses no demo framework covers (science, high school…). */
export function demoCourseFocus(courseCode: string): CourseFocus | null {
  for (const [pattern, subject] of COURSE_FOCUS) {
    const grade = pattern.exec(courseCode)?.[1];
    if (grade) return { subject, grade: (grade.length === 1 ? `0${grade}` : grade) as GradeLevel };
  }
  return null;
}

/** The subject a framework is filed under (its CFDocument's first), which is how a demo course finds its framework. */
export function frameworkSubject(document: object): string {
  const { subject: filed } = document as { subject?: unknown };
  const subject = Array.isArray(filed) ? filed[0] : filed;
  return typeof subject === "string" ? subject : "";
}

export interface AlignableItem {
  id: string;
  itemType: string | null;
  educationLevels: readonly string[];
  /** The item's place in its framework. */
  position: number;
}

/**
 * The items a demo course works on, in framework order: the learning targets of its grade.
 * Indicators are left out: they are parts of a target, and scoring both would count the
 * same work twice in a gradebook. Domains, grades and competencies only group targets.
 */
export function demoCourseItems(
  courseCode: string,
  itemsBySubject: ReadonlyMap<string, readonly AlignableItem[]>,
): string[] {
  const focus = demoCourseFocus(courseCode);
  if (!focus) return [];
  return (itemsBySubject.get(focus.subject) ?? [])
    .filter((item) => item.itemType === "Learning target" && item.educationLevels.includes(focus.grade))
    .sort((a, b) => a.position - b.position)
    .slice(0, MAX_COURSE_ITEMS)
    .map((item) => item.id);
}

export interface DemoScale {
  /** The values of the scale's levels, lowest first: the scores a teacher gives. */
  levels: readonly number[];
  mastery: number;
}
export interface DemoCourseItem {
  id: string;
  code: string | null;
  scale: DemoScale;
}
export interface DemoCourse {
  code: string;
  subject: string;
  grade: GradeLevel;
  /** In the order the course teaches them. */
  items: readonly DemoCourseItem[];
}
export interface DemoActor {
  personId: string;
  name: string;
}
/** A student and the sections of aligned courses they are in, each with its teacher. */
export interface DemoLearner {
  student: DemoActor;
  classes: readonly { sectionId: string; courseCode: string; teacher: DemoActor }[];
}
export interface DemoEvidenceOptions {
  seed: number;
  districtId: string;
  /** The calendar year the school year starts in. */
  schoolYear: number;
  /** The demo's "now" (ISO): nothing happens after it. */
  now: string;
}

export interface DemoEvidenceRecord {
  id: string;
  districtId: string;
  studentId: string;
  kind: EvidenceKind;
  setting: EvidenceSetting;
  title: string;
  occurredAt: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
  needsValidation: boolean;
  reflection: string | null;
}
export interface DemoScoreRecord {
  evidenceId: string;
  itemId: string;
  score: number;
}
export interface DemoEvidenceEventRecord {
  id: string;
  evidenceId: string;
  kind: "validated";
  actorPersonId: string;
  actorName: string;
  occurredAt: string;
  comment: string | null;
}
export interface DemoStudentEvidence {
  evidence: DemoEvidenceRecord[];
  scores: DemoScoreRecord[];
  events: DemoEvidenceEventRecord[];
}

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Mixed into the demo seed so the evidence is not a replay of the district generator's draws. */
const EVIDENCE_STREAM = 0x5e3e57e1;
/** Targets a section takes up in the fall, spread over the weeks so far: early in the term, one per 4 school days at most. */
const TARGETS_PER_SECTION = [9, 12] as const;
const ABSENT = 0.07;
/** After a score below mastery, the chance of a reassessment (second, then third attempt). */
const REASSESS = [0.7, 0.45] as const;
const PROJECT = 0.45;
const OUT_OF_SCHOOL = 0.16;
const VALIDATED = 0.3;

/** School days (weekdays, at UTC midnight) from 1 September to the end of the fall semester or `now`, whichever is first. */
export function demoSemesterDays(schoolYear: number, now: string): number[] {
  const first = Date.UTC(schoolYear, 8, 1);
  const last = Math.min(Date.UTC(schoolYear + 1, 0, 22), Date.parse(now));
  const days: number[] = [];
  for (let day = first; day <= last; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

interface SectionPlan {
  /** Minutes after midnight UTC when the class meets (mornings to early afternoon in the district's time zone). */
  meets: number;
  units: { item: DemoCourseItem; day: number }[];
}

interface Attempts {
  count: number;
  lastDay: number;
}

/**
 * Makes each student's semester of evidence, one student at a time so a district of any
 * size streams through. Each student has an ability and a learning rate of their own, so
 * their curves differ: every attempt at an item adds the rate to what they can show, with
 * noise; a score below mastery is often reassessed. Sections and items are planned the
 * first time they are met, so the output depends on the order students are given in.
 */
export function createDemoEvidenceGenerator(
  options: DemoEvidenceOptions,
  courses: ReadonlyMap<string, DemoCourse>,
): (learner: DemoLearner) => DemoStudentEvidence {
  const random = createRandom((options.seed ^ EVIDENCE_STREAM) | 0);
  const nextId = idSource(random);
  const isoAt = isoFormatter();
  const days = demoSemesterDays(options.schoolYear, options.now);
  const now = Date.parse(options.now);
  const plans = new Map<string, SectionPlan>();
  const difficulty = new Map<string, number>();

  const planFor = (sectionId: string, course: DemoCourse): SectionPlan => {
    let plan = plans.get(sectionId);
    if (!plan) {
      const count = Math.min(course.items.length, random.int(...TARGETS_PER_SECTION), Math.floor(days.length / 4));
      const units = course.items.slice(0, count).map((item, index) => {
        const day = Math.round(((index + 1) * days.length) / (count + 1)) + random.int(-1, 1);
        return { item, day: Math.max(0, Math.min(days.length - 1, day)) };
      });
      plan = { meets: 15 * 60 + 10 + random.int(0, 6) * 55, units };
      plans.set(sectionId, plan);
    }
    return plan;
  };
  const difficultyOf = (itemId: string): number => {
    let value = difficulty.get(itemId);
    if (value === undefined) {
      value = 0.35 * gaussian(random);
      difficulty.set(itemId, value);
    }
    return value;
  };

  return (learner) => {
    const out: DemoStudentEvidence = { evidence: [], scores: [], events: [] };
    const taken = new Set<number>();
    const ability = gaussian(random);
    const rate = 0.25 + 0.6 * random.float();
    // Later attempts show more: the learning curve is the rate per attempt, plus noise.
    const score = (item: DemoCourseItem, courseAbility: number, attempt: number, optimism = 0) =>
      onScale(
        item.scale,
        0.55 * courseAbility - difficultyOf(item.id) + rate * attempt - 0.3 + optimism + 0.5 * gaussian(random),
      );
    const add = (
      record: Omit<DemoEvidenceRecord, "id" | "districtId" | "studentId" | "occurredAt" | "recordedAt">,
      occurred: number,
      recordDelay: number,
      scores: { item: DemoCourseItem; score: number }[],
    ): DemoEvidenceRecord | null => {
      // One moment per piece of a student's evidence: the ledger's order never rests on a tie.
      while (taken.has(occurred)) occurred += MINUTE;
      if (occurred > now) return null;
      taken.add(occurred);
      const evidence: DemoEvidenceRecord = {
        id: nextId(),
        districtId: options.districtId,
        studentId: learner.student.personId,
        ...record,
        occurredAt: isoAt(occurred),
        recordedAt: isoAt(Math.min(now, occurred + recordDelay)),
      };
      out.evidence.push(evidence);
      for (const { item, score } of scores) out.scores.push({ evidenceId: evidence.id, itemId: item.id, score });
      return evidence;
    };

    for (const { sectionId, courseCode, teacher } of learner.classes) {
      const course = courses.get(courseCode);
      if (!course || course.items.length === 0 || days.length === 0) continue;
      const plan = planFor(sectionId, course);
      const courseAbility = ability + 0.4 * gaussian(random);
      const attempts = new Map<string, Attempts>();
      const inClass = (day: number) =>
        (days[day] as number) + (plan.meets + random.int(0, 45)) * MINUTE + random.int(0, 59) * 1000;
      const byTeacher = { recordedBy: teacher.personId, recordedByName: teacher.name, needsValidation: false };
      const gradingDelay = () => random.int(2, 52) * 60 * MINUTE;

      for (const { item, day: planned } of plan.units) {
        if (random.chance(ABSENT)) continue;
        // Some students sit it a day or two late (a make-up); some were absent and never do (above).
        let day = random.chance(0.1) ? planned + random.int(1, 2) : planned;
        let attempt = 0;
        while (day < days.length) {
          const value = score(item, courseAbility, attempt);
          const kind = attempt === 0 ? firstAttemptKind(random, course.grade) : "assessment";
          const title = attempt === 0 ? `${KIND_TITLE[kind](random)}: ${label(item)}` : `Reassessment: ${label(item)}`;
          const recorded = add(
            { kind, setting: "classroom", title, reflection: null, ...byTeacher },
            inClass(day),
            gradingDelay(),
            [{ item, score: value }],
          );
          if (!recorded) break;
          attempts.set(item.id, { count: ++attempt, lastDay: day });
          if (value >= item.scale.mastery || attempt > REASSESS.length) break;
          if (!random.chance(REASSESS[attempt - 1] as number)) break;
          day += random.int(5, 10);
        }
      }

      const assessed = course.items.filter((item) => attempts.has(item.id));
      const nextAttempt = (item: DemoCourseItem) => attempts.get(item.id)?.count ?? 0;
      const after = (items: DemoCourseItem[]) => Math.max(...items.map((item) => attempts.get(item.id)?.lastDay ?? 0));

      if (assessed.length >= 2 && random.chance(PROJECT)) {
        const items = sample(random, assessed, random.int(2, Math.min(4, assessed.length)));
        const day = after(items) + random.int(2, 8);
        if (day < days.length) {
          const portfolio = random.chance(0.35);
          add(
            {
              kind: portfolio ? "portfolio" : "project",
              setting: "classroom",
              title: random.pick(forSubject(portfolio ? PORTFOLIOS : PROJECTS, course.subject)),
              reflection: null,
              ...byTeacher,
            },
            inClass(day),
            gradingDelay(),
            items.map((item) => ({ item, score: score(item, courseAbility, nextAttempt(item)) })),
          );
        }
      }

      if (assessed.length >= 1 && random.chance(OUT_OF_SCHOOL)) {
        const items = sample(random, assessed, random.int(1, Math.min(2, assessed.length)));
        const where = outOfSchoolPlace(random, course.grade);
        const lastDay = days[Math.min(after(items), days.length - 1)] as number;
        // Evenings and weekends, in the district's time zone (UTC−7/−8): early morning UTC, the day after.
        const occurred = lastDay + random.int(1, 9) * DAY + (60 + random.int(0, 180)) * MINUTE;
        const recorded = add(
          {
            kind: where.kind,
            setting: where.setting,
            title: random.pick(
              where.kind === "work_based_learning" ? WORKPLACE : forSubject(OUT_OF_SCHOOL_TITLES, course.subject),
            ),
            reflection: random.pick(REFLECTIONS),
            recordedBy: learner.student.personId,
            recordedByName: learner.student.name,
            needsValidation: true,
          },
          occurred,
          random.int(0, 36) * 60 * MINUTE,
          // Students rate their own work a little higher than their teachers do.
          items.map((item) => ({ item, score: score(item, courseAbility, nextAttempt(item), 0.3) })),
        );
        const validatedAt = recorded
          ? Date.parse(recorded.recordedAt) + random.int(1, 4) * DAY
          : Number.POSITIVE_INFINITY;
        if (recorded && random.chance(VALIDATED) && validatedAt <= now) {
          out.events.push({
            id: nextId(),
            evidenceId: recorded.id,
            kind: "validated",
            actorPersonId: teacher.personId,
            actorName: teacher.name,
            occurredAt: isoAt(validatedAt),
            comment: random.chance(0.5) ? random.pick(VALIDATION_COMMENTS) : null,
          });
        }
      }
    }
    return out;
  };
}

/** A student's generated evidence as ledger entries, for the ledger's rules (`countingScores`). */
export function demoLedgerEntries(evidence: DemoStudentEvidence): LedgerEntry[] {
  const scores = new Map<string, { itemId: string; score: number }[]>();
  for (const { evidenceId, itemId, score } of evidence.scores) {
    const list = scores.get(evidenceId) ?? [];
    list.push({ itemId, score });
    scores.set(evidenceId, list);
  }
  const events = new Map<string, { kind: "validated"; occurredAt: string }[]>();
  for (const { evidenceId, kind, occurredAt } of evidence.events)
    events.set(evidenceId, [...(events.get(evidenceId) ?? []), { kind, occurredAt }]);
  return evidence.evidence.map((record) => ({
    id: record.id,
    occurredAt: record.occurredAt,
    recordedAt: record.recordedAt,
    needsValidation: record.needsValidation,
    supersedesId: null,
    scores: scores.get(record.id) ?? [],
    events: events.get(record.id) ?? [],
  }));
}

/**
 * Ids for one generator's rows: a random UUID's first 80 bits, then a counter. Unique and
 * UUID-shaped like the district's, but drawn in a fraction of the time and in ascending
 * order, which keeps the primary-key index cheap to fill at hundreds of thousands of rows.
 */
function idSource(random: Random): () => string {
  const prefix = random.uuid().slice(0, 24);
  let counter = 0;
  return () => `${prefix}${(counter++).toString(16).padStart(12, "0")}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));

/** `new Date(ms).toISOString()`, several times faster: millions of timestamps are written at state scale. */
function isoFormatter(): (ms: number) => string {
  const dayPrefixes = new Map<number, string>();
  return (ms) => {
    const day = Math.floor(ms / DAY);
    let prefix = dayPrefixes.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
      dayPrefixes.set(day, prefix);
    }
    const rest = ms - day * DAY;
    const [hours, minutes, seconds] = [
      Math.floor(rest / 3_600_000),
      Math.floor(rest / MINUTE) % 60,
      Math.floor(rest / 1000) % 60,
    ];
    return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${String(rest % 1000).padStart(3, "0")}Z`;
  };
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
}

/**
 * The level a teacher would give for a performance `latent` steps from the mastery level
 * (one step is the scale's average gap between levels): the nearest level, so scores are
 * always on the scale.
 */
function onScale(scale: DemoScale, latent: number): number {
  const lowest = scale.levels[0] as number;
  const highest = scale.levels.at(-1) as number;
  const step = scale.levels.length > 1 ? (highest - lowest) / (scale.levels.length - 1) : 1;
  const target = scale.mastery + step * latent;
  return scale.levels.reduce((best, level) => (Math.abs(level - target) < Math.abs(best - target) ? level : best));
}

function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T);
  return chosen;
}

function label(item: DemoCourseItem): string {
  return item.code ?? "learning target";
}

type ClassKind = "assessment" | "performance_task" | "observation";

function firstAttemptKind(random: Random, grade: GradeLevel): ClassKind {
  // The youngest show what they can do while a teacher watches; older students sit quizzes.
  return ["KG", "01", "02"].includes(grade)
    ? random.weighted({ observation: 50, performance_task: 30, assessment: 20 })
    : random.weighted({ assessment: 70, performance_task: 30, observation: 0 });
}

const KIND_TITLE: Record<ClassKind, (random: Random) => string> = {
  assessment: (random) => random.pick(["Quiz", "Exit ticket", "Check-in", "Unit assessment"]),
  performance_task: () => "Performance task",
  observation: () => "Observed in class",
};

function outOfSchoolPlace(random: Random, grade: GradeLevel): { kind: EvidenceKind; setting: EvidenceSetting } {
  const older = grade === "06" || grade === "07" || grade === "08";
  const place = random.weighted({ home: 50, community: 35, workplace: older ? 15 : 0 });
  return place === "workplace"
    ? { kind: "work_based_learning", setting: "workplace" }
    : { kind: "extended_learning", setting: place };
}

function forSubject(titles: Record<string, string[]>, subject: string): string[] {
  return titles[subject] ?? (titles[DEMO_MATH_SUBJECT] as string[]);
}

const PROJECTS: Record<string, string[]> = {
  [DEMO_MATH_SUBJECT]: [
    "Project: Designing a school garden",
    "Project: Planning the class trip budget",
    "Project: What our school survey says",
  ],
  [DEMO_ELA_SUBJECT]: [
    "Project: Book club presentation",
    "Project: Op-ed on a community issue",
    "Project: Podcast episode on a novel",
  ],
};
const PORTFOLIOS: Record<string, string[]> = {
  [DEMO_MATH_SUBJECT]: ["Portfolio: Problem-solving journal", "Portfolio: Best work of the quarter"],
  [DEMO_ELA_SUBJECT]: ["Portfolio: Personal narrative", "Portfolio: Reading response journal"],
};
const OUT_OF_SCHOOL_TITLES: Record<string, string[]> = {
  [DEMO_MATH_SUBJECT]: [
    "Scaled a family recipe for twelve people",
    "Kept the score book for my weekend league",
    "Budgeted my savings for a bike",
    "Measured and built a bird feeder",
    "Counted and sorted the library's book drive",
  ],
  [DEMO_ELA_SUBJECT]: [
    "Wrote a story for the library contest",
    "Read a novel and kept a reading log",
    "Interviewed my grandmother for a family history",
    "Wrote to the city council about the bike lane",
  ],
};
const WORKPLACE = ["Job-shadow day at Cascadia Credit Union", "Volunteer shift at Riverside Regional Hospital"];
const REFLECTIONS = [
  "I had to redo it twice before it worked, and I can explain why now.",
  "This was harder than the class version because nobody gave me the numbers.",
  "I used what we learned in class without being told to.",
  "I'm proud of this one. My family helped me check it.",
];
const VALIDATION_COMMENTS = ["Great connection to what we did in class.", "This shows the target well."];
