import { CairnError, type Reassessment, type ReassessmentRequestBody, type ReassessmentStatus } from "@cairn/core";
import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { DbContext } from "../context";
import { readableStudents } from "../people/policy";
import { frameworkItem, person, reassessmentRequest, student } from "../schema";
import { actorOf, asEducator, evidenceScope, requireEducator } from "./access";
import { loadItems } from "./items";

const columns = {
  id: reassessmentRequest.id,
  studentId: reassessmentRequest.studentId,
  givenName: person.givenName,
  familyName: person.familyName,
  itemId: frameworkItem.id,
  code: frameworkItem.code,
  statement: frameworkItem.fullStatement,
  note: reassessmentRequest.note,
  requestedBy: reassessmentRequest.requestedByName,
  requestedAt: reassessmentRequest.requestedAt,
  status: reassessmentRequest.status,
  closedBy: reassessmentRequest.closedByName,
  closedAt: reassessmentRequest.closedAt,
  closingComment: reassessmentRequest.closingComment,
  evidenceId: reassessmentRequest.evidenceId,
};

async function select(ctx: DbContext, where: SQL | undefined): Promise<Reassessment[]> {
  const rows = await ctx.db
    .select(columns)
    .from(reassessmentRequest)
    .innerJoin(person, eq(person.id, reassessmentRequest.studentId))
    .innerJoin(frameworkItem, eq(frameworkItem.id, reassessmentRequest.itemId))
    .where(where)
    .orderBy(desc(reassessmentRequest.requestedAt), asc(person.familyName));
  return rows.map(({ givenName, familyName, itemId, code, statement, ...row }) => ({
    ...row,
    status: row.status as ReassessmentStatus,
    studentName: `${givenName} ${familyName}`,
    item: { id: itemId, code, statement },
    requestedAt: row.requestedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  }));
}

/**
 * Asks to be reassessed on an item: the student, a guardian or an educator on their behalf.
 * One open request per student and item; the item must be in a published framework.
 */
export async function requestReassessment(
  ctx: DbContext,
  studentId: string,
  body: ReassessmentRequestBody,
): Promise<Reassessment> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { districtId } = await evidenceScope(inTx, studentId);
    const item = (await loadItems(tx, [body.itemId])).get(body.itemId);
    if (!item || item.frameworkStatus === "draft")
      throw new CairnError("validation", "no such item in a published framework", [
        { path: ["body", "itemId"], message: "not an item of a published framework" },
      ]);
    const [open] = await tx
      .select({ id: reassessmentRequest.id })
      .from(reassessmentRequest)
      .where(
        and(
          eq(reassessmentRequest.studentId, studentId),
          eq(reassessmentRequest.itemId, body.itemId),
          eq(reassessmentRequest.status, "open"),
        ),
      );
    if (open) throw new CairnError("conflict", "a request to be reassessed on this item is already open");
    const actor = await actorOf(inTx);
    const [created] = await tx
      .insert(reassessmentRequest)
      .values({
        districtId,
        studentId,
        itemId: body.itemId,
        note: body.note || null,
        requestedBy: actor.personId,
        requestedByName: actor.name,
        requestedAt: ctx.now,
        status: "open",
      })
      .returning({ id: reassessmentRequest.id });
    const [shown] = await select(inTx, eq(reassessmentRequest.id, (created as { id: string }).id));
    return shown as Reassessment;
  });
}

/** A student's requests, for whoever may read the student. */
export async function listStudentReassessments(ctx: DbContext, studentId: string): Promise<Reassessment[]> {
  await evidenceScope(ctx, studentId);
  return select(ctx, eq(reassessmentRequest.studentId, studentId));
}

/** The requests of the students the viewer teaches or leads: an educator's queue. */
export async function listReassessmentQueue(
  ctx: DbContext,
  query: { status?: ReassessmentStatus },
): Promise<Reassessment[]> {
  const taught = ctx.db
    .select({ id: student.personId })
    .from(student)
    .where(readableStudents({ ...ctx, viewer: asEducator(ctx.viewer) }));
  return select(
    ctx,
    and(inArray(reassessmentRequest.studentId, taught), eq(reassessmentRequest.status, query.status ?? "open")),
  );
}

/** An educator turns a request down, saying why. */
export async function declineReassessment(ctx: DbContext, requestId: string, comment: string): Promise<Reassessment> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const [found] = await tx
      .select({ studentId: reassessmentRequest.studentId, status: reassessmentRequest.status })
      .from(reassessmentRequest)
      .where(eq(reassessmentRequest.id, requestId))
      .for("update");
    if (!found) throw new CairnError("not_found", "reassessment request not found");
    await requireEducator(inTx, found.studentId, "answer a request to be reassessed");
    if (found.status !== "open") throw new CairnError("conflict", `this request is already ${found.status}`);
    const actor = await actorOf(inTx);
    await tx
      .update(reassessmentRequest)
      .set({ status: "declined", closedByName: actor.name, closedAt: ctx.now, closingComment: comment })
      .where(eq(reassessmentRequest.id, requestId));
    const [shown] = await select(inTx, eq(reassessmentRequest.id, requestId));
    return shown as Reassessment;
  });
}

/** New evidence from an educator on an item answers the student's open request for it. */
export async function answerReassessments(
  ctx: DbContext,
  studentId: string,
  evidenceId: string,
  scores: readonly { itemId: string }[],
): Promise<void> {
  const actor = await actorOf(ctx);
  await ctx.db
    .update(reassessmentRequest)
    .set({ status: "reassessed", closedByName: actor.name, closedAt: ctx.now, evidenceId })
    .where(
      and(
        eq(reassessmentRequest.studentId, studentId),
        eq(reassessmentRequest.status, "open"),
        inArray(
          reassessmentRequest.itemId,
          scores.map((score) => score.itemId),
        ),
      ),
    );
}
