import { type Attachment, attachmentProblem, CairnError } from "@cairn/core";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { recordAccess } from "../privacy/record-access";
import { evidenceAttachment } from "../schema";
import { actorOf, evidenceScope } from "./access";
import { attachmentKey, type FileStore } from "./file-store";

const shown = {
  id: evidenceAttachment.id,
  fileName: evidenceAttachment.fileName,
  mediaType: evidenceAttachment.mediaType,
  sizeBytes: evidenceAttachment.sizeBytes,
};

/**
 * Keeps a file for evidence about to be recorded: checked (type on the list, bytes that
 * match it, size), stored, and remembered as not yet attached. Anyone who may record
 * evidence about the student may upload.
 */
export async function uploadAttachment(
  ctx: DbContext,
  files: FileStore,
  studentId: string,
  file: { fileName: string; mediaType: string; bytes: Uint8Array },
): Promise<Attachment> {
  // Who asks first: someone who may not read the student learns nothing from the file check.
  const { districtId } = await evidenceScope(ctx, studentId);
  const problem = attachmentProblem({ ...file, sizeBytes: file.bytes.byteLength, head: file.bytes.subarray(0, 16) });
  if (problem) {
    const code = problem.field === "mediaType" ? "unsupported_media_type" : "validation";
    throw new CairnError(code, problem.message, [{ path: [problem.field], message: problem.message }]);
  }
  const actor = await actorOf(ctx);
  const id = crypto.randomUUID();
  const storageKey = attachmentKey(studentId, id);
  // The bytes first: a row never points at a file that is not there.
  await files.put(storageKey, file.bytes);
  const [created] = await ctx.db
    .insert(evidenceAttachment)
    .values({
      id,
      districtId,
      studentId,
      evidenceId: null,
      fileName: file.fileName.trim(),
      mediaType: file.mediaType,
      sizeBytes: file.bytes.byteLength,
      sha256: bytesToHex(sha256(file.bytes)),
      storageKey,
      uploadedBy: actor.personId,
      uploadedAt: ctx.now,
    })
    .returning(shown);
  return created as Attachment;
}

/** Joins uploaded files to the evidence being recorded: each the student's, not attached yet, uploaded by the same person. */
export async function attachFiles(ctx: DbContext, studentId: string, evidenceId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const actor = await actorOf(ctx);
  const claimed = await ctx.db
    .update(evidenceAttachment)
    .set({ evidenceId })
    .where(
      and(
        inArray(evidenceAttachment.id, [...ids]),
        eq(evidenceAttachment.studentId, studentId),
        isNull(evidenceAttachment.evidenceId),
      ),
    )
    .returning({ id: evidenceAttachment.id, uploadedBy: evidenceAttachment.uploadedBy });
  const index = ids.findIndex((id) => !claimed.some((row) => row.id === id && row.uploadedBy === actor.personId));
  if (index >= 0)
    throw new CairnError(
      "validation",
      "an attachment is not an upload of yours for this student, or is already attached",
      [{ path: ["body", "attachmentIds", index], message: "upload the file first, for this student" }],
    );
}

/** The attachments of some evidence, by evidence id. */
export async function attachmentsOf(db: Db, evidenceIds: readonly string[]): Promise<Map<string, Attachment[]>> {
  const byEvidence = new Map<string, Attachment[]>();
  if (evidenceIds.length === 0) return byEvidence;
  const rows = await db
    .select({ ...shown, evidenceId: evidenceAttachment.evidenceId })
    .from(evidenceAttachment)
    .where(inArray(evidenceAttachment.evidenceId, [...evidenceIds]));
  for (const { evidenceId, ...attachment } of rows) {
    const list = byEvidence.get(evidenceId as string) ?? [];
    list.push(attachment);
    byEvidence.set(evidenceId as string, list);
  }
  return byEvidence;
}

/** An attachment's bytes, for whoever may read the student's evidence; written to the access log. */
export async function readAttachment(
  ctx: DbContext,
  files: FileStore,
  attachmentId: string,
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  const [row] = await ctx.db.select().from(evidenceAttachment).where(eq(evidenceAttachment.id, attachmentId));
  if (!row) throw new CairnError("not_found", "attachment not found");
  // The same answer as for an attachment that does not exist, to anyone who may not read the student.
  const { districtId } = await evidenceScope(ctx, row.studentId);
  const bytes = await files.get(row.storageKey);
  if (!bytes) throw new CairnError("not_found", "the attachment's file is missing from the file store");
  await recordAccess(ctx, {
    action: "read_student_record",
    studentId: row.studentId,
    districtId,
    dataElements: ["evidence"],
  });
  return { fileName: row.fileName, mediaType: row.mediaType, bytes };
}
