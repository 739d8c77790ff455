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
    {
      table: "correction_request",
      personColumns: ["student_id"],
      purpose: "a family's request to correct the record, kept until it is resolved and with the record after",
    },
    {
      table: "audit_event",
      personColumns: ["actor_person_id"],
      purpose: "who changed who may see what (role grants, agreements, tokens, settings, erasures)",
    },
    {
      table: "erasure_record",
      personColumns: ["student_id"],
      purpose: "proof that a student's record was erased at the end of retention (the id only, no data)",
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
