import type { Role } from "../auth/roles";

/** Every named demo account signs in with this password; it is printed at start and in the README. */
export const DEMO_PASSWORD = "cairn-demo";
export const DEMO_EMAIL_DOMAIN = "maplewood.example";
export const DEMO_DISTRICT_CODE = "maplewood";

export const NAMED_PEOPLE = {
  teacher: {
    givenName: "Daniel",
    familyName: "Reyes",
    role: "teacher",
    about: "Grade 7 mathematics, Fernwood Middle School",
  },
  paraprofessional: {
    givenName: "Grace",
    familyName: "Kim",
    role: "paraprofessional",
    about: "Supports grade 2 and grade 3 homerooms, Alder Elementary",
  },
  student: {
    givenName: "Ava",
    familyName: "Martinez",
    role: "student",
    about: "Grade 11, Hawthorne High School, internship at Harbor Robotics",
  },
  sibling: {
    givenName: "Mateo",
    familyName: "Martinez",
    role: "student",
    about: "Grade 7, Fernwood Middle School, in Daniel Reyes's math class",
  },
  guardian: { givenName: "Lucía", familyName: "Martinez", role: "guardian", about: "Parent of Ava and Mateo Martinez" },
  mentor: { givenName: "Sam", familyName: "Okafor", role: "mentor", about: "Workplace mentor, Harbor Robotics" },
  schoolLeader: {
    givenName: "Renée",
    familyName: "Washington",
    role: "school_leader",
    about: "Principal, Fernwood Middle School",
  },
  districtAdmin: {
    givenName: "Priya",
    familyName: "Shah",
    role: "district_admin",
    about: "District data manager, Maplewood Unified",
  },
  stateAnalyst: {
    givenName: "Marcus",
    familyName: "Bell",
    role: "state_analyst",
    about: "Accountability analyst, Cascadia Department of Education",
  },
  systemAdmin: { givenName: "Jordan", familyName: "Lee", role: "system_admin", about: "Runs the Cairn installation" },
} as const satisfies Record<string, { givenName: string; familyName: string; role: Role; about: string }>;

export type NamedPersonKey = keyof typeof NAMED_PEOPLE;

/** Named people who sign in: everyone named (Ava's brother Mateo signs in as a middle-school student). */
export const NAMED_ACCOUNT_KEYS = [
  "teacher",
  "paraprofessional",
  "student",
  "guardian",
  "mentor",
  "schoolLeader",
  "districtAdmin",
  "stateAnalyst",
  "systemAdmin",
  "sibling",
] as const satisfies readonly NamedPersonKey[];

export function demoEmail(key: NamedPersonKey): string {
  const person = NAMED_PEOPLE[key];
  const ascii = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  return key === "systemAdmin"
    ? `admin@${DEMO_EMAIL_DOMAIN}`
    : `${ascii(person.givenName)}.${ascii(person.familyName)}@${DEMO_EMAIL_DOMAIN}`;
}
