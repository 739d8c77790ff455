import { eq } from "drizzle-orm";
import { student } from "../schema";
import { accessLogEntries } from "./list-access-log";
import type { PersonalDataDeclaration } from "./registry";

export const privacyPersonalData: PersonalDataDeclaration = {
  module: "privacy",
  tables: [
    {
      table: "access_log",
      personColumns: ["student_id", "actor_person_id"],
      purpose: "the record of who read or exported a student's record (FERPA record of disclosures)",
    },
  ],
  async exportStudentData(ctx, studentId) {
    const [found] = await ctx.db
      .select({ districtId: student.districtId })
      .from(student)
      .where(eq(student.personId, studentId));
    return { accessLog: found ? await accessLogEntries(ctx.db, studentId, found.districtId) : [] };
  },
};
