import {
  CairnError,
  type CorrectionQueueQuery,
  type CorrectionRequest,
  type CorrectionRequestBody,
  type CorrectionResolutionBody,
  type CorrectionStatus,
  grantsOf,
  resolveCorrectionStatus,
  type StudentDataElement,
} from "@cairn/core";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbContext } from "../context";
import type { Db } from "../database";
import { correctionRequest, person } from "../schema";
import { recordAuditEvent } from "./audit";
import { requireRecordRights } from "./family-rights";

const studentPerson = alias(person, "correction_student");
const requester = alias(person, "correction_requester");
const resolver = alias(person, "correction_resolver");

/** Every correction request matching `where`, with the names a reader needs, in the given order. */
async function selectCorrections(db: Db, where: SQL | undefined, order: SQL[]): Promise<CorrectionRequest[]> {
  const rows = await db
    .select({
      id: correctionRequest.id,
      studentId: correctionRequest.studentId,
      studentGivenName: studentPerson.givenName,
      studentFamilyName: studentPerson.familyName,
      dataElement: correctionRequest.dataElement,
      description: correctionRequest.description,
      status: correctionRequest.status,
      requesterGivenName: requester.givenName,
      requesterFamilyName: requester.familyName,
      createdAt: correctionRequest.createdAt,
      resolution: correctionRequest.resolution,
      resolverGivenName: resolver.givenName,
      resolverFamilyName: resolver.familyName,
      resolvedAt: correctionRequest.resolvedAt,
    })
    .from(correctionRequest)
    .innerJoin(studentPerson, eq(studentPerson.id, correctionRequest.studentId))
    .innerJoin(requester, eq(requester.id, correctionRequest.requestedBy))
    .leftJoin(resolver, eq(resolver.id, correctionRequest.resolvedBy))
    .where(where)
    .orderBy(...order)
    .limit(1000);
  return rows.map((row) => ({
    id: row.id,
    studentId: row.studentId,
    studentName: `${row.studentGivenName} ${row.studentFamilyName}`,
    dataElement: row.dataElement as StudentDataElement,
    description: row.description,
    status: row.status as CorrectionStatus,
    requestedBy: `${row.requesterGivenName} ${row.requesterFamilyName}`,
    createdAt: row.createdAt.toISOString(),
    resolution: row.resolution,
    resolvedBy: row.resolverGivenName === null ? null : `${row.resolverGivenName} ${row.resolverFamilyName}`,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  }));
}

/**
 * Files a request to correct part of a student's record, for anyone with rights over the
 * record (guardians, the adult student, the district's admins). The text is kept as typed.
 */
export async function createCorrectionRequest(
  ctx: DbContext,
  studentId: string,
  body: CorrectionRequestBody,
): Promise<CorrectionRequest> {
  const { viewer } = ctx;
  if (viewer.kind !== "person") throw new CairnError("forbidden", "only a person can file a correction request");
  return ctx.db.transaction(async (tx) => {
    const { districtId } = await requireRecordRights({ ...ctx, db: tx }, studentId);
    const [created] = await tx
      .insert(correctionRequest)
      .values({
        districtId,
        studentId,
        requestedBy: viewer.personId,
        dataElement: body.dataElement,
        description: body.description,
        status: "open",
        createdAt: ctx.now,
      })
      .returning({ id: correctionRequest.id });
    const [result] = await selectCorrections(tx, eq(correctionRequest.id, created?.id ?? ""), []);
    if (!result) throw new Error("a correction request vanished inside its own transaction");
    return result;
  });
}

/** A student's correction requests, newest first, for the people with rights over the record. */
export async function listStudentCorrectionRequests(ctx: DbContext, studentId: string): Promise<CorrectionRequest[]> {
  const { districtId } = await requireRecordRights(ctx, studentId);
  return selectCorrections(
    ctx.db,
    and(eq(correctionRequest.studentId, studentId), eq(correctionRequest.districtId, districtId)),
    [desc(correctionRequest.createdAt), desc(correctionRequest.id)],
  );
}

/** The districts whose requests this viewer answers; refused for anyone who is no district admin. */
function adminDistrictIds(ctx: DbContext): string[] {
  const districtIds = grantsOf(ctx.viewer, "district_admin").flatMap((grant) =>
    grant.districtId ? [grant.districtId] : [],
  );
  if (districtIds.length === 0) {
    throw new CairnError("forbidden", "only a district admin answers correction requests");
  }
  return districtIds;
}

/** The district admin's queue: open requests first, oldest first, so none waits unseen. */
export async function listCorrectionQueue(ctx: DbContext, query: CorrectionQueueQuery): Promise<CorrectionRequest[]> {
  const districtIds = adminDistrictIds(ctx);
  return selectCorrections(
    ctx.db,
    and(
      inArray(correctionRequest.districtId, districtIds),
      query.status ? eq(correctionRequest.status, query.status) : undefined,
    ),
    [desc(sql`${correctionRequest.status} = 'open'`), asc(correctionRequest.createdAt), asc(correctionRequest.id)],
  );
}

/**
 * The district's answer to an open request: accepted or rejected, with a written reason.
 * A request outside the admin's districts reads as not found; one already answered is a
 * conflict. The decision is written to the audit trail in the same transaction.
 */
export async function resolveCorrectionRequest(
  ctx: DbContext,
  correctionRequestId: string,
  body: CorrectionResolutionBody,
): Promise<CorrectionRequest> {
  const districtIds = adminDistrictIds(ctx);
  const { viewer } = ctx;
  if (viewer.kind !== "person") throw new CairnError("forbidden", "only a district admin answers correction requests");
  return ctx.db.transaction(async (tx) => {
    const inScope = and(
      eq(correctionRequest.id, correctionRequestId),
      inArray(correctionRequest.districtId, districtIds),
    );
    const [found] = await tx
      .select({
        status: correctionRequest.status,
        districtId: correctionRequest.districtId,
        studentId: correctionRequest.studentId,
        dataElement: correctionRequest.dataElement,
      })
      .from(correctionRequest)
      .where(inScope)
      .for("update");
    if (!found) throw new CairnError("not_found", "correction request not found");
    const status = resolveCorrectionStatus(found.status as CorrectionStatus, body.status);
    await tx
      .update(correctionRequest)
      .set({ status, resolution: body.resolution, resolvedBy: viewer.personId, resolvedAt: ctx.now })
      .where(inScope);
    await recordAuditEvent(
      { ...ctx, db: tx },
      {
        action: "correction_request.resolved",
        subjectKind: "correction_request",
        subjectId: correctionRequestId,
        districtId: found.districtId,
        details: { studentId: found.studentId, dataElement: found.dataElement, from: found.status, to: status },
      },
    );
    const [result] = await selectCorrections(tx, eq(correctionRequest.id, correctionRequestId), []);
    if (!result) throw new Error("a correction request vanished inside its own transaction");
    return result;
  });
}

/**
 * A student's correction requests for the full-record download; the caller has already
 * checked the reader's rights over the record (see `exportStudentRecord`).
 */
export function correctionRequestsOf(db: Db, studentId: string, districtId: string): Promise<CorrectionRequest[]> {
  return selectCorrections(
    db,
    and(eq(correctionRequest.studentId, studentId), eq(correctionRequest.districtId, districtId)),
    [asc(correctionRequest.createdAt), asc(correctionRequest.id)],
  );
}
