import { asc, eq, inArray } from "drizzle-orm";
import type { PersonalDataDeclaration } from "../privacy/registry";
import {
  evidence,
  evidenceAttachment,
  evidenceEvent,
  evidenceScore,
  mastery,
  masteryEvent,
  reassessmentRequest,
} from "../schema";
import { loadLedger } from "./load-ledger";

const ofStudent = (studentId: string) => eq(evidence.studentId, studentId);

export const evidencePersonalData: PersonalDataDeclaration = {
  module: "evidence",
  tables: [
    {
      table: "evidence",
      personColumns: ["recorded_by", "student_id"],
      purpose: "evidence of what a student has learned, and who recorded it",
    },
    { table: "evidence_score", personColumns: [], purpose: "what each piece of evidence says about each item" },
    {
      table: "evidence_event",
      personColumns: ["actor_person_id"],
      purpose: "who validated, rejected or voided a student's evidence, and why",
    },
    { table: "mastery", personColumns: ["student_id"], purpose: "a student's mastery of each item, from the evidence" },
    { table: "mastery_event", personColumns: ["student_id"], purpose: "when a student reached or lost mastery" },
    {
      table: "evidence_attachment",
      personColumns: ["student_id", "uploaded_by"],
      purpose: "files attached to a student's evidence (the bytes are in the file store)",
    },
    {
      table: "reassessment_request",
      personColumns: ["student_id", "requested_by"],
      purpose: "a student's requests to be reassessed, and how they were answered",
    },
  ],
  async exportStudentData(ctx, studentId) {
    const ledger = await loadLedger(ctx.db, studentId);
    const [masteryRows, masteryEvents, attachments, reassessments] = await Promise.all([
      ctx.db.select().from(mastery).where(eq(mastery.studentId, studentId)),
      ctx.db
        .select()
        .from(masteryEvent)
        .where(eq(masteryEvent.studentId, studentId))
        .orderBy(asc(masteryEvent.occurredAt)),
      ctx.db.select().from(evidenceAttachment).where(eq(evidenceAttachment.studentId, studentId)),
      ctx.db.select().from(reassessmentRequest).where(eq(reassessmentRequest.studentId, studentId)),
    ]);
    return {
      evidence: ledger.map((entry) => ({ ...entry.row, scores: entry.scores, events: entry.events })),
      mastery: masteryRows,
      masteryEvents,
      attachments,
      reassessmentRequests: reassessments,
    };
  },
  async eraseStudentData(ctx, studentId) {
    const ids = (await ctx.db.select({ id: evidence.id }).from(evidence).where(ofStudent(studentId))).map(
      (row) => row.id,
    );
    await ctx.db.delete(masteryEvent).where(eq(masteryEvent.studentId, studentId));
    await ctx.db.delete(mastery).where(eq(mastery.studentId, studentId));
    await ctx.db.delete(reassessmentRequest).where(eq(reassessmentRequest.studentId, studentId));
    await ctx.db.delete(evidenceAttachment).where(eq(evidenceAttachment.studentId, studentId));
    if (ids.length > 0) {
      await ctx.db.delete(evidenceEvent).where(inArray(evidenceEvent.evidenceId, ids));
      await ctx.db.delete(evidenceScore).where(inArray(evidenceScore.evidenceId, ids));
      await ctx.db.delete(evidence).where(ofStudent(studentId));
    }
  },
};
