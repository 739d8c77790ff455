import type { Role } from "../auth/roles";
import type { EnvironmentKind, GradeLevel, SchoolLevel } from "../organization/vocabulary";
import type { DisabilityStatus, Gender, GuardianRelationship, Language, RaceEthnicity } from "../people/vocabulary";

/** Plain records of the organisation and people model, as the demo generator produces them. */
export interface StateRecord {
  id: string;
  code: string;
  name: string;
}
export interface DistrictRecord {
  id: string;
  stateId: string;
  code: string;
  name: string;
}
export interface SchoolRecord {
  id: string;
  districtId: string;
  code: string;
  name: string;
  level: SchoolLevel;
  lowestGrade: GradeLevel;
  highestGrade: GradeLevel;
}
export interface EnvironmentRecord {
  id: string;
  districtId: string;
  schoolId: string | null;
  kind: EnvironmentKind;
  name: string;
}
export interface TermRecord {
  id: string;
  districtId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}
export interface PersonRecord {
  id: string;
  districtId: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
  preferredLanguage: Language;
}
export interface StudentRecord {
  personId: string;
  districtId: string;
  schoolId: string;
  studentNumber: string;
  gradeLevel: GradeLevel;
  birthDate: string;
  gender: Gender;
  raceEthnicity: RaceEthnicity;
  economicallyDisadvantaged: boolean;
  englishLearner: boolean;
  disabilityStatus: DisabilityStatus;
}
export interface RoleGrantRecord {
  personId: string;
  role: Role;
  stateId: string | null;
  districtId: string | null;
  schoolId: string | null;
}
export interface GuardianLinkRecord {
  guardianId: string;
  studentId: string;
  districtId: string;
  relationship: GuardianRelationship;
}
export interface SectionRecord {
  id: string;
  districtId: string;
  schoolId: string;
  termId: string;
  environmentId: string;
  name: string;
  subject: string;
  courseCode: string;
}
export interface SectionStaffRecord {
  sectionId: string;
  personId: string;
  districtId: string;
  role: "teacher" | "paraprofessional";
}
export interface EnrollmentRecord {
  sectionId: string;
  studentId: string;
  districtId: string;
}
export interface MentorshipRecord {
  mentorId: string;
  menteeId: string;
  districtId: string;
  environmentId: string;
  startsOn: string;
  endsOn: string;
}
/** A sign-in for a named demo person; the shell hashes the password. */
export interface AccountRecord {
  personId: string;
  email: string;
  password: string;
}

/** Rows ready to load, grouped by kind; the generator yields one batch at a time. */
export interface DemoBatch {
  states: StateRecord[];
  districts: DistrictRecord[];
  schools: SchoolRecord[];
  environments: EnvironmentRecord[];
  terms: TermRecord[];
  persons: PersonRecord[];
  students: StudentRecord[];
  roleGrants: RoleGrantRecord[];
  guardianLinks: GuardianLinkRecord[];
  sections: SectionRecord[];
  sectionStaff: SectionStaffRecord[];
  enrollments: EnrollmentRecord[];
  mentorships: MentorshipRecord[];
  accounts: AccountRecord[];
}

export type DemoKind = keyof DemoBatch;

export const DEMO_KINDS: DemoKind[] = [
  "states",
  "districts",
  "schools",
  "environments",
  "terms",
  "persons",
  "students",
  "roleGrants",
  "guardianLinks",
  "sections",
  "sectionStaff",
  "enrollments",
  "mentorships",
  "accounts",
];

export function emptyBatch(): DemoBatch {
  return Object.fromEntries(DEMO_KINDS.map((kind) => [kind, []])) as unknown as DemoBatch;
}

export function batchSize(batch: DemoBatch): number {
  return DEMO_KINDS.reduce((sum, kind) => sum + batch[kind].length, 0);
}
