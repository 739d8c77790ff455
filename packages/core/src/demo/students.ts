import { type GradeLevel, gradeIndex } from "../organization/vocabulary";
import type { Gender, GuardianRelationship, Language, RaceEthnicity } from "../people/vocabulary";
import type { DemoContext } from "./generate-district";
import {
  FAMILY_NAMES,
  FAMILY_NAMES_ASIAN,
  FAMILY_NAMES_BLACK,
  FAMILY_NAMES_HISPANIC,
  FAMILY_NAMES_INDIGENOUS,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
} from "./names";
import type { Random } from "./random";
import type { DemoBatch, PersonRecord, SchoolRecord, StudentRecord } from "./records";

/** Shares close to public-school enrollment nationally. */
const RACE_WEIGHTS: Record<RaceEthnicity, number> = {
  hispanic_latino: 28,
  white: 44,
  black_african_american: 15,
  asian: 5.5,
  two_or_more: 5,
  american_indian_alaska_native: 1,
  native_hawaiian_pacific_islander: 0.5,
};
const ENGLISH_LEARNER_RATE: Record<RaceEthnicity, number> = {
  hispanic_latino: 0.3,
  asian: 0.2,
  native_hawaiian_pacific_islander: 0.1,
  american_indian_alaska_native: 0.06,
  black_african_american: 0.04,
  two_or_more: 0.03,
  white: 0.02,
};
const ECONOMICALLY_DISADVANTAGED_RATE: Record<RaceEthnicity, number> = {
  hispanic_latino: 0.6,
  black_african_american: 0.62,
  american_indian_alaska_native: 0.6,
  native_hawaiian_pacific_islander: 0.5,
  two_or_more: 0.42,
  white: 0.32,
  asian: 0.28,
};

interface Family {
  familyName: string;
  raceEthnicity: RaceEthnicity;
  language: Language;
  guardians: { id: string; relationship: GuardianRelationship }[];
}

/** Students of one school, by grade, in the order they were made. */
export type StudentBody = Map<GradeLevel, string[]>;

function familyNameFor(random: Random, race: RaceEthnicity): string {
  switch (race) {
    case "hispanic_latino":
      return random.pick(FAMILY_NAMES_HISPANIC);
    case "black_african_american":
      return random.chance(0.7) ? random.pick(FAMILY_NAMES) : random.pick(FAMILY_NAMES_BLACK);
    case "asian":
      return random.pick(FAMILY_NAMES_ASIAN);
    case "american_indian_alaska_native":
    case "native_hawaiian_pacific_islander":
      return random.pick(FAMILY_NAMES_INDIGENOUS);
    default:
      return random.pick(FAMILY_NAMES);
  }
}

function givenNameFor(random: Random, gender: Gender): string {
  if (gender === "female") return random.pick(GIVEN_NAMES_FEMALE);
  if (gender === "male") return random.pick(GIVEN_NAMES_MALE);
  return random.chance(0.5) ? random.pick(GIVEN_NAMES_FEMALE) : random.pick(GIVEN_NAMES_MALE);
}

/** A birth date that fits the grade: age 5 on 1 September of the school year in kindergarten. */
export function birthDateFor(random: Random, grade: GradeLevel, schoolYear: number): string {
  const yearsAboveKindergarten = gradeIndex(grade) - gradeIndex("KG");
  const earliest = Date.UTC(schoolYear - 6 - yearsAboveKindergarten, 8, 2);
  const day = random.int(0, 364);
  return new Date(earliest + day * 86_400_000).toISOString().slice(0, 10);
}

function newFamily(context: DemoContext, batch: DemoBatch, race: RaceEthnicity, englishLearner: boolean): Family {
  const { random, districtId } = context;
  const familyName = familyNameFor(random, race);
  const language: Language = race === "hispanic_latino" && random.chance(englishLearner ? 0.6 : 0.15) ? "es" : "en";
  const guardianCount = random.chance(0.65) ? 2 : 1;
  const guardians: Family["guardians"] = [];
  for (let index = 0; index < guardianCount; index++) {
    const relationship = random.weighted<GuardianRelationship>({
      parent: 90,
      grandparent: 5,
      guardian: 3,
      foster_parent: 1,
      relative: 1,
    });
    const gender: Gender = index === 0 ? "female" : "male";
    const person: PersonRecord = {
      id: random.uuid(),
      districtId,
      givenName: givenNameFor(random, gender),
      familyName: relationship === "parent" || random.chance(0.5) ? familyName : familyNameFor(random, race),
      email: null,
      preferredLanguage: language,
    };
    batch.persons.push(person);
    batch.roleGrants.push({ personId: person.id, role: "guardian", stateId: null, districtId, schoolId: null });
    guardians.push({ id: person.id, relationship });
  }
  return { familyName, raceEthnicity: race, language, guardians };
}

/**
 * Makes a school's students with families and guardians. Siblings share a family; the
 * first middle and high schools hold the named Martinez children, whose guardian is the
 * named guardian.
 */
export function buildStudentBody(
  context: DemoContext,
  batch: DemoBatch,
  school: SchoolRecord,
  grades: GradeLevel[],
  perGrade: number[],
  isFirst: boolean,
): StudentBody {
  const { random, districtId, named, options } = context;
  const body: StudentBody = new Map();
  const recentFamilies: Family[] = [];
  const martinez: Family = {
    familyName: "Martinez",
    raceEthnicity: "hispanic_latino",
    language: "en",
    guardians: [{ id: named.guardian.id, relationship: "parent" }],
  };
  const namedChildFor: Partial<Record<GradeLevel, "student" | "sibling">> = !isFirst
    ? {}
    : school.level === "middle"
      ? { "07": "sibling" }
      : school.level === "high"
        ? { "11": "student" }
        : {};

  grades.forEach((grade, gradePosition) => {
    const ids: string[] = [];
    for (let index = 0; index < (perGrade[gradePosition] ?? 0); index++) {
      const namedKey = index === 0 ? namedChildFor[grade] : undefined;
      let family: Family;
      let person: PersonRecord;
      let gender: Gender;
      if (namedKey) {
        family = martinez;
        person = named[namedKey];
        gender = namedKey === "student" ? "female" : "male";
      } else {
        gender = random.weighted<Gender>({ female: 48.8, male: 49.5, nonbinary: 1, unspecified: 0.7 });
        const joinsSibling = recentFamilies.length > 0 && random.chance(0.2);
        const race = joinsSibling ? (recentFamilies.at(-1) as Family).raceEthnicity : random.weighted(RACE_WEIGHTS);
        const englishLearnerHint = random.chance(ENGLISH_LEARNER_RATE[race]);
        family = joinsSibling ? random.pick(recentFamilies) : newFamily(context, batch, race, englishLearnerHint);
        if (!joinsSibling) {
          recentFamilies.push(family);
          if (recentFamilies.length > 40) recentFamilies.shift();
        }
        person = {
          id: random.uuid(),
          districtId,
          givenName: givenNameFor(random, gender),
          familyName: family.familyName,
          email: null,
          preferredLanguage: family.language,
        };
      }
      const race = family.raceEthnicity;
      const student: StudentRecord = {
        personId: person.id,
        districtId,
        schoolId: school.id,
        studentNumber: String(context.nextStudentNumber++),
        gradeLevel: grade,
        birthDate: birthDateFor(random, grade, options.schoolYear),
        gender,
        raceEthnicity: race,
        economicallyDisadvantaged: namedKey ? false : random.chance(ECONOMICALLY_DISADVANTAGED_RATE[race]),
        englishLearner: namedKey ? false : random.chance(ENGLISH_LEARNER_RATE[race]),
        disabilityStatus: namedKey ? "none" : random.weighted({ none: 84, iep: 13, section_504: 3 }),
      };
      batch.persons.push(person);
      batch.students.push(student);
      batch.roleGrants.push({ personId: person.id, role: "student", stateId: null, districtId, schoolId: school.id });
      for (const guardian of family.guardians) {
        batch.guardianLinks.push({
          guardianId: guardian.id,
          studentId: person.id,
          districtId,
          relationship: guardian.relationship,
        });
      }
      ids.push(person.id);
    }
    body.set(grade, ids);
  });
  return body;
}
