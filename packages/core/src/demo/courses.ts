import type { GradeLevel } from "../organization/vocabulary";
import type { DemoContext } from "./generate-district";
import type { NamedPersonKey } from "./named-accounts";
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE } from "./names";
import type { DemoBatch, EnvironmentRecord, PersonRecord, SchoolRecord } from "./records";
import type { StudentBody } from "./students";

interface Course {
  title: string;
  subject: string;
  code: string;
}

const MIDDLE_COURSES = (grade: GradeLevel): Course[] => {
  const n = Number(grade);
  return [
    { title: `Math ${n}`, subject: "Mathematics", code: `MATH${n}` },
    { title: `English Language Arts ${n}`, subject: "English Language Arts", code: `ELA${n}` },
    { title: `Science ${n}`, subject: "Science", code: `SCI${n}` },
    { title: `Social Studies ${n}`, subject: "Social Studies", code: `SS${n}` },
  ];
};

const HIGH_COURSES: Record<string, Course[]> = {
  "09": [
    { title: "Algebra I", subject: "Mathematics", code: "ALG1" },
    { title: "English 9", subject: "English Language Arts", code: "ENG9" },
    { title: "Biology", subject: "Science", code: "BIO" },
    { title: "World History", subject: "Social Studies", code: "WHIST" },
  ],
  "10": [
    { title: "Geometry", subject: "Mathematics", code: "GEOM" },
    { title: "English 10", subject: "English Language Arts", code: "ENG10" },
    { title: "Chemistry", subject: "Science", code: "CHEM" },
    { title: "U.S. History", subject: "Social Studies", code: "USHIST" },
  ],
  "11": [
    { title: "Algebra II", subject: "Mathematics", code: "ALG2" },
    { title: "English 11", subject: "English Language Arts", code: "ENG11" },
    { title: "Physics", subject: "Science", code: "PHYS" },
    { title: "Government", subject: "Social Studies", code: "GOV" },
  ],
  "12": [
    { title: "Precalculus", subject: "Mathematics", code: "PRECALC" },
    { title: "English 12", subject: "English Language Arts", code: "ENG12" },
    { title: "Environmental Science", subject: "Science", code: "ENVSCI" },
    { title: "Economics", subject: "Social Studies", code: "ECON" },
  ],
};

const SECTION_SIZE = { elementary: 24, secondary: 28 } as const;
const SECTIONS_PER_TEACHER = 6;
const MENTEES_PER_MENTOR = 6;

function makeStaff(
  context: DemoContext,
  batch: DemoBatch,
  school: SchoolRecord | null,
  role: "teacher" | "paraprofessional" | "school_leader" | "mentor",
  namedKey?: NamedPersonKey,
): PersonRecord {
  const { random, districtId } = context;
  const person: PersonRecord = namedKey
    ? context.named[namedKey]
    : {
        id: random.uuid(),
        districtId,
        givenName: random.chance(0.7) ? random.pick(GIVEN_NAMES_FEMALE) : random.pick(GIVEN_NAMES_MALE),
        familyName: random.pick(FAMILY_NAMES),
        email: null,
        preferredLanguage: "en",
      };
  // Named district-level people (the mentor) were added with the district itself.
  if (!(namedKey && person.districtId === districtId && role === "mentor")) batch.persons.push(person);
  if (!(namedKey && role === "mentor")) {
    batch.roleGrants.push({ personId: person.id, role, stateId: null, districtId, schoolId: school?.id ?? null });
  }
  return person;
}

/** Sections of one course: `studentIds[i]` goes to section `(i + rotation) mod count`. */
function addCourseSections(
  context: DemoContext,
  batch: DemoBatch,
  school: SchoolRecord,
  environment: EnvironmentRecord,
  course: Course,
  studentIds: string[],
  options: { size: number; rotation: number; namedTeacher?: NamedPersonKey; label?: (index: number) => string },
): string[] {
  const { random, districtId, termId } = context;
  const count = Math.ceil(studentIds.length / options.size);
  const sectionIds: string[] = [];
  let teacher: PersonRecord | null = null;
  for (let index = 0; index < count; index++) {
    if (index % SECTIONS_PER_TEACHER === 0) {
      teacher = makeStaff(context, batch, school, "teacher", index === 0 ? options.namedTeacher : undefined);
    }
    const id = random.uuid();
    sectionIds.push(id);
    batch.sections.push({
      id,
      districtId,
      schoolId: school.id,
      termId,
      environmentId: environment.id,
      name: options.label ? options.label(index) : `${course.title} · Period ${(index % 7) + 1}`,
      subject: course.subject,
      courseCode: course.code,
    });
    batch.sectionStaff.push({ sectionId: id, personId: (teacher as PersonRecord).id, districtId, role: "teacher" });
  }
  studentIds.forEach((studentId, position) => {
    const sectionId = sectionIds[(position + options.rotation) % count] as string;
    batch.enrollments.push({ sectionId, studentId, districtId });
  });
  return sectionIds;
}

/** Staff, sections, enrollments and mentorships of one school. */
export function courseCatalog(
  context: DemoContext,
  batch: DemoBatch,
  school: SchoolRecord,
  campus: EnvironmentRecord,
  body: StudentBody,
  isFirst: boolean,
): void {
  const { random, districtId } = context;
  makeStaff(context, batch, school, "school_leader", isFirst && school.level === "middle" ? "schoolLeader" : undefined);

  if (school.level === "elementary") {
    const homerooms: { grade: GradeLevel; sectionIds: string[] }[] = [];
    for (const [grade, ids] of body) {
      const label = grade === "KG" ? "Kindergarten" : `Grade ${Number(grade)}`;
      const course = { title: `${label} Homeroom`, subject: "All subjects", code: `HR${grade}` };
      const sectionIds = addCourseSections(context, batch, school, campus, course, ids, {
        size: SECTION_SIZE.elementary,
        rotation: 0,
        label: (index) =>
          `${label} · Room ${grade === "KG" ? "K" : Number(grade)}${String.fromCharCode(65 + (index % 26))}`,
      });
      homerooms.push({ grade, sectionIds });
    }
    const all = homerooms.flatMap((homeroom) => homeroom.sectionIds);
    const namedSupport = isFirst
      ? homerooms
          .filter((homeroom) => homeroom.grade === "02" || homeroom.grade === "03")
          .map((homeroom) => homeroom.sectionIds[0])
      : [];
    const paraCount = Math.max(1, Math.floor(all.length / 4));
    for (let index = 0; index < paraCount; index++) {
      const named = index === 0 && namedSupport.length > 0;
      const para = makeStaff(context, batch, school, "paraprofessional", named ? "paraprofessional" : undefined);
      const supported = named ? namedSupport : all.slice(index * 4, index * 4 + 2);
      for (const sectionId of supported) {
        if (sectionId) batch.sectionStaff.push({ sectionId, personId: para.id, districtId, role: "paraprofessional" });
      }
    }
    return;
  }

  for (const [grade, ids] of body) {
    const courses = school.level === "middle" ? MIDDLE_COURSES(grade) : (HIGH_COURSES[grade] ?? []);
    courses.forEach((course, rotation) => {
      const namedTeacher =
        isFirst && school.level === "middle" && grade === "07" && rotation === 0 ? "teacher" : undefined;
      addCourseSections(context, batch, school, campus, course, ids, {
        size: SECTION_SIZE.secondary,
        rotation,
        namedTeacher,
      });
    });
  }
  if (school.level !== "high") return;

  const upper = [...(body.get("10") ?? []), ...(body.get("11") ?? []), ...(body.get("12") ?? [])];
  const online = upper.filter(() => random.chance(0.1));
  if (online.length > 0) {
    const course = { title: "Computer Science Principles (Virtual)", subject: "Computer Science", code: "CSP-V" };
    addCourseSections(context, batch, school, context.environments.online, course, online, { size: 30, rotation: 0 });
  }
  const dualCredit = (body.get("12") ?? []).filter(() => random.chance(0.15));
  if (dualCredit.length > 0) {
    const course = { title: "English Composition I (Dual Credit)", subject: "English Language Arts", code: "ENGL101" };
    addCourseSections(context, batch, school, context.environments.college, course, dualCredit, {
      size: 30,
      rotation: 0,
    });
  }

  const namedStudentId = context.named.student.id;
  const interns = [...(body.get("11") ?? []), ...(body.get("12") ?? [])].filter(
    (id) => (isFirst && id === namedStudentId) || random.chance(0.2),
  );
  const year = context.options.schoolYear;
  for (let start = 0; start < interns.length; start += MENTEES_PER_MENTOR) {
    const named = isFirst && start === 0;
    const mentor = makeStaff(context, batch, null, "mentor", named ? "mentor" : undefined);
    const workplace = named
      ? (context.environments.workplaces[0] as EnvironmentRecord)
      : random.pick(context.environments.workplaces);
    for (const menteeId of interns.slice(start, start + MENTEES_PER_MENTOR)) {
      batch.mentorships.push({
        mentorId: mentor.id,
        menteeId,
        districtId,
        environmentId: workplace.id,
        startsOn: `${year}-09-08`,
        endsOn: `${year + 1}-05-28`,
      });
    }
  }
}
