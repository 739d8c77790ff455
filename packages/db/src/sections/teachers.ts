import type { PersonRef } from "@cairn/core";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../database";
import { person, sectionStaff } from "../schema";

/** The teachers (not paraprofessionals) of each of the given sections. */
export async function teachersBySection(db: Db, sectionIds: string[]): Promise<Map<string, PersonRef[]>> {
  const bySection = new Map<string, PersonRef[]>();
  if (sectionIds.length === 0) return bySection;
  const rows = await db
    .select({
      sectionId: sectionStaff.sectionId,
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(sectionStaff)
    .innerJoin(person, eq(person.id, sectionStaff.personId))
    .where(and(inArray(sectionStaff.sectionId, sectionIds), eq(sectionStaff.role, "teacher")));
  for (const { sectionId, ...teacher } of rows) {
    const list = bySection.get(sectionId) ?? [];
    list.push(teacher);
    bySection.set(sectionId, list);
  }
  return bySection;
}
