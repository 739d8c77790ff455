import { eq } from "drizzle-orm";
import { correctionRequest, student } from "../schema";
import { correctionRequestsOf } from "./corrections";
import { accessLogEntries } from "./list-access-log";
import type { PersonalDataDeclaration } from "./registry";

const APPEND_ONLY = "it is append-only history that outlives the record: it holds ids and staff names, not the record";

export const privacyPersonalData: PersonalDataDeclaration = {
  module: "privacy",
  tables: [
    {
      table: "access_log",
      personColumns: ["student_id", "actor_person_id"],
      purpose: "the record of who read or exported a student's record (FERPA record of disclosures)",
      keptAfterErasureBecause: APPEND_ONLY,
    },
    {
      table: "correction_request",
      personColumns: ["student_id", "requested_by", "resolved_by"],
      purpose: "a family's request to correct the record, kept until it is resolved and with the record after",
    },
    {
      table: "audit_event",
      personColumns: ["actor_person_id"],
      purpose: "who changed who may see what (role grants, agreements, tokens, settings, erasures)",
      keptAfterErasureBecause: APPEND_ONLY,
    },
    {
      table: "erasure_record",
      personColumns: ["student_id"],
      purpose: "proof that a student's record was erased at the end of retention (the id only, no data)",
      keptAfterErasureBecause: "it is the proof of the erasure itself, and holds the student's id only",
    },
    {
      table: "privacy_notice",
      personColumns: ["published_by"],
      purpose: "the district's annual notice to families, with the staff member who published it",
      keptAfterErasureBecause: "it names the staff member who published a notice, never a student",
    },
  ],
  async exportStudentData(ctx, studentId) {
    const [found] = await ctx.db
      .select({ districtId: student.districtId })
      .from(student)
      .where(eq(student.personId, studentId));
    return {
      accessLog: found ? await accessLogEntries(ctx.db, studentId, found.districtId) : [],
      correctionRequests: found ? await correctionRequestsOf(ctx.db, studentId, found.districtId) : [],
    };
  },
  async eraseStudentData(ctx, studentId) {
    await ctx.db.delete(correctionRequest).where(eq(correctionRequest.studentId, studentId));
  },
};
