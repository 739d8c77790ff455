import { and, desc, eq } from "drizzle-orm";
import { accessLog } from "../schema";
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
    const entries = await ctx.db
      .select({
        occurredAt: accessLog.occurredAt,
        actorName: accessLog.actorName,
        actorRoles: accessLog.actorRoles,
        action: accessLog.action,
        dataElements: accessLog.dataElements,
        purpose: accessLog.purpose,
      })
      .from(accessLog)
      .where(and(eq(accessLog.studentId, studentId)))
      .orderBy(desc(accessLog.occurredAt), desc(accessLog.sequence));
    return { accessLog: entries };
  },
};
