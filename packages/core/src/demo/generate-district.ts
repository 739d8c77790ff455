import { CairnError } from "../errors";
import { type GradeLevel, gradesBetween, type SchoolLevel } from "../organization/vocabulary";
import { courseCatalog } from "./courses";
import {
  DEMO_DISTRICT_CODE,
  DEMO_PASSWORD,
  demoEmail,
  NAMED_ACCOUNT_KEYS,
  NAMED_PEOPLE,
  type NamedPersonKey,
} from "./named-accounts";
import { SCHOOL_NAME_STEMS } from "./names";
import { createRandom, type Random } from "./random";
import { type DemoBatch, type EnvironmentRecord, emptyBatch, type PersonRecord, type SchoolRecord } from "./records";
import { buildStudentBody } from "./students";

export interface DemoOptions {
  /** Number of students; the mix of schools, staff and families scales with it. */
  students: number;
  seed: number;
  /** The calendar year in which the current school year starts (e.g. 2026 for 2026–2027). */
  schoolYear: number;
}

export const MIN_DEMO_STUDENTS = 60;

const LEVEL_SHARE: Record<SchoolLevel, number> = { elementary: 0.47, middle: 0.23, high: 0.3 };
const LEVEL_TARGET_SIZE: Record<SchoolLevel, number> = { elementary: 500, middle: 600, high: 1000 };
const LEVEL_GRADES: Record<SchoolLevel, [GradeLevel, GradeLevel]> = {
  elementary: ["KG", "05"],
  middle: ["06", "08"],
  high: ["09", "12"],
};
const LEVEL_NAME: Record<SchoolLevel, { offset: number; suffix: string }> = {
  elementary: { offset: 0, suffix: "Elementary" },
  middle: { offset: 5, suffix: "Middle School" },
  high: { offset: 7, suffix: "High School" },
};

/** Shared while generating one district: ids, counters and the named people. */
export interface DemoContext {
  random: Random;
  options: DemoOptions;
  districtId: string;
  termId: string;
  environments: { online: EnvironmentRecord; college: EnvironmentRecord; workplaces: EnvironmentRecord[] };
  named: Record<NamedPersonKey, PersonRecord>;
  nextStudentNumber: number;
}

/** Splits `total` into `parts` near-equal whole numbers that add back to `total`. */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, index) => base + (index < total % parts ? 1 : 0));
}

export function planSchools(students: number): { level: SchoolLevel; students: number; index: number }[] {
  const elementary = Math.round(students * LEVEL_SHARE.elementary);
  const middle = Math.round(students * LEVEL_SHARE.middle);
  const perLevel: Record<SchoolLevel, number> = { elementary, middle, high: students - elementary - middle };
  return (["elementary", "middle", "high"] as const).flatMap((level) => {
    const count = Math.max(1, Math.round(perLevel[level] / LEVEL_TARGET_SIZE[level]));
    return splitEvenly(perLevel[level], count).map((size, index) => ({ level, students: size, index }));
  });
}

function schoolName(level: SchoolLevel, index: number): string {
  const { offset, suffix } = LEVEL_NAME[level];
  const stem = SCHOOL_NAME_STEMS[(index + offset) % SCHOOL_NAME_STEMS.length];
  const round = Math.floor((index + offset) / SCHOOL_NAME_STEMS.length);
  return round === 0 ? `${stem} ${suffix}` : `${stem} ${suffix} ${round + 1}`;
}

/**
 * A deterministic, realistic district: the same options give the same rows, ids included.
 * Yields one batch for the district and then one per school, so a million students never
 * sit in memory at once.
 */
export function* generateDemoDistrict(options: DemoOptions): Generator<DemoBatch> {
  if (!Number.isInteger(options.students) || options.students < MIN_DEMO_STUDENTS) {
    throw new CairnError("validation", `a demo district needs at least ${MIN_DEMO_STUDENTS} students`, [
      { path: ["students"], message: `got ${options.students}` },
    ]);
  }
  const random = createRandom(options.seed);
  const head = emptyBatch();
  const stateId = random.uuid();
  const districtId = random.uuid();
  head.states.push({ id: stateId, code: "CS", name: "Cascadia" });
  head.districts.push({ id: districtId, stateId, code: DEMO_DISTRICT_CODE, name: "Maplewood Unified School District" });
  const termId = random.uuid();
  const year = options.schoolYear;
  head.terms.push({
    id: termId,
    districtId,
    name: `${year}–${year + 1} School Year`,
    startsOn: `${year}-08-19`,
    endsOn: `${year + 1}-06-11`,
  });

  const environment = (kind: EnvironmentRecord["kind"], name: string): EnvironmentRecord => {
    const record = { id: random.uuid(), districtId, schoolId: null, kind, name };
    head.environments.push(record);
    return record;
  };
  const environments = {
    online: environment("online", "Maplewood Virtual Academy"),
    college: environment("college", "Cascadia Community College"),
    workplaces: [
      environment("workplace", "Harbor Robotics"),
      environment("workplace", "Riverside Regional Hospital"),
      environment("workplace", "Cascadia Credit Union"),
    ],
  };
  environment("community", "Maplewood Public Library Makerspace");

  // Accounts come last: a named person is loaded with their school, which may be far down the stream.
  const accounts: DemoBatch["accounts"] = [];
  const named = Object.fromEntries(
    (Object.keys(NAMED_PEOPLE) as NamedPersonKey[]).map((key) => {
      const person = NAMED_PEOPLE[key];
      const hasAccount = (NAMED_ACCOUNT_KEYS as readonly string[]).includes(key);
      const record: PersonRecord = {
        id: random.uuid(),
        districtId: key === "stateAnalyst" || key === "systemAdmin" ? null : districtId,
        givenName: person.givenName,
        familyName: person.familyName,
        email: hasAccount ? demoEmail(key) : null,
        preferredLanguage: "en",
      };
      if (hasAccount) accounts.push({ personId: record.id, email: demoEmail(key), password: DEMO_PASSWORD });
      return [key, record];
    }),
  ) as Record<NamedPersonKey, PersonRecord>;

  // People whose place is the district or the state are added here; named school staff
  // and students are added by their school's generator.
  for (const key of ["guardian", "mentor", "districtAdmin", "stateAnalyst", "systemAdmin"] as const) {
    head.persons.push(named[key]);
  }
  head.roleGrants.push(
    { personId: named.guardian.id, role: "guardian", stateId: null, districtId, schoolId: null },
    { personId: named.mentor.id, role: "mentor", stateId: null, districtId, schoolId: null },
    { personId: named.districtAdmin.id, role: "district_admin", stateId: null, districtId, schoolId: null },
    { personId: named.stateAnalyst.id, role: "state_analyst", stateId, districtId: null, schoolId: null },
    { personId: named.systemAdmin.id, role: "system_admin", stateId: null, districtId: null, schoolId: null },
  );
  yield head;

  const context: DemoContext = { random, options, districtId, termId, environments, named, nextStudentNumber: 1000001 };
  for (const plan of planSchools(options.students)) {
    const [lowestGrade, highestGrade] = LEVEL_GRADES[plan.level];
    const school: SchoolRecord = {
      id: random.uuid(),
      districtId,
      code: `${plan.level[0]?.toUpperCase()}${String(plan.index + 1).padStart(3, "0")}`,
      name: schoolName(plan.level, plan.index),
      level: plan.level,
      lowestGrade,
      highestGrade,
    };
    yield generateSchool(context, school, plan.students, plan.index === 0);
  }
  const tail = emptyBatch();
  tail.accounts = accounts;
  yield tail;
}

function generateSchool(context: DemoContext, school: SchoolRecord, studentCount: number, isFirst: boolean): DemoBatch {
  const { random, districtId } = context;
  const batch = emptyBatch();
  batch.schools.push(school);
  const campus: EnvironmentRecord = {
    id: random.uuid(),
    districtId,
    schoolId: school.id,
    kind: "classroom",
    name: `${school.name} campus`,
  };
  batch.environments.push(campus);

  const grades = gradesBetween(school.lowestGrade, school.highestGrade);
  const perGrade = splitEvenly(studentCount, grades.length);
  const body = buildStudentBody(context, batch, school, grades, perGrade, isFirst);
  courseCatalog(context, batch, school, campus, body, isFirst);
  return batch;
}
