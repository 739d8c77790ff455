import type { Viewer } from "@cairn/core";
import { and, asc, eq, lte, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../auth/viewer";
import { auditEvent, correctionRequest, guardianLink, student } from "../schema";
import { contextFor, type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import {
  createCorrectionRequest,
  listCorrectionQueue,
  listStudentCorrectionRequests,
  resolveCorrectionRequest,
} from "./corrections";
import { exportStudentRecord } from "./export-record";

let bed: DemoTestBed;
let child: string;
let otherGuardian: Viewer;
let adultStudent: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 200 });
  const guardian = bed.account("guardian");
  const teacher = bed.account("teacher");
  child = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
  const [another] = await bed.database.db
    .select({ guardianId: guardianLink.guardianId })
    .from(guardianLink)
    .where(and(ne(guardianLink.studentId, child), ne(guardianLink.guardianId, guardian.personId)))
    .limit(1);
  otherGuardian = await loadViewer(bed.database.db, another?.guardianId ?? "");
  const [adult] = await bed.database.db
    .select({ id: student.personId })
    .from(student)
    .where(lte(student.birthDate, "2008-11-02"))
    .orderBy(asc(student.birthDate))
    .limit(1);
  adultStudent = adult?.id ?? "";
});
afterAll(async () => bed.destroy());

const hostile = `<script>alert("x")</script>'; drop table student; -- "quoted" \\ %_`;

describe("correction requests", () => {
  it("lets a guardian file one on their child, kept exactly as typed, and list it as open", async () => {
    const filed = await createCorrectionRequest(bed.ctx("guardian"), child, {
      dataElement: "profile",
      description: hostile,
    });
    expect(filed).toMatchObject({
      studentId: child,
      dataElement: "profile",
      description: hostile,
      status: "open",
      requestedBy: "Lucía Martinez",
      resolution: null,
      resolvedAt: null,
      createdAt: TEST_NOW.toISOString(),
    });
    const listed = await listStudentCorrectionRequests(bed.ctx("guardian"), child);
    expect(listed.map((request) => request.id)).toContain(filed.id);
    expect(listed.find((request) => request.id === filed.id)?.description).toBe(hostile);
  });

  it("lets an adult student file one on their own record", async () => {
    const self = await loadViewer(bed.database.db, adultStudent);
    const filed = await createCorrectionRequest(contextFor(bed.database, self), adultStudent, {
      dataElement: "demographics",
      description: "My birth date is wrong.",
    });
    expect(filed.status).toBe("open");
    expect((await listStudentCorrectionRequests(contextFor(bed.database, self), adultStudent)).length).toBe(1);
  });

  it("answers not found to a guardian of another student, a teacher, a mentor and a 16-year-old, and files nothing", async () => {
    const before = await bed.database.db.select({ id: correctionRequest.id }).from(correctionRequest);
    const outsiders: [string, Viewer][] = [
      ["another family's guardian", otherGuardian],
      ["the child's teacher", bed.viewer("teacher")],
      ["a mentor", bed.viewer("mentor")],
      ["a school leader", bed.viewer("school_leader")],
    ];
    for (const [who, viewer] of outsiders) {
      const outsider = contextFor(bed.database, viewer);
      await expect(
        createCorrectionRequest(outsider, child, { dataElement: "profile", description: "x" }),
        who,
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(listStudentCorrectionRequests(outsider, child), who).rejects.toMatchObject({ code: "not_found" });
    }
    const ava = bed.account("student").personId;
    await expect(
      createCorrectionRequest(bed.ctx("student"), ava, { dataElement: "profile", description: "x" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await bed.database.db.select({ id: correctionRequest.id }).from(correctionRequest)).toEqual(before);
  });

  it("gives the district admin the queue, filtered by status; anyone else is refused", async () => {
    const queue = await listCorrectionQueue(bed.ctx("district_admin"), {});
    expect(queue.length).toBeGreaterThanOrEqual(2);
    expect(queue.every((request) => request.status === "open")).toBe(true);
    expect(queue.some((request) => request.studentId === child && request.description === hostile)).toBe(true);
    expect(await listCorrectionQueue(bed.ctx("district_admin"), { status: "accepted" })).toEqual([]);
    for (const role of ["guardian", "teacher", "school_leader", "system_admin"] as const) {
      await expect(listCorrectionQueue(bed.ctx(role), {}), role).rejects.toMatchObject({ code: "forbidden" });
    }
  });

  it("resolves an open request once, with an audit event, and shows the family the answer", async () => {
    const [open] = await listStudentCorrectionRequests(bed.ctx("guardian"), child);
    const id = open?.id ?? "";
    const auditBefore = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id));
    expect(auditBefore).toEqual([]);

    const resolved = await resolveCorrectionRequest(bed.ctx("district_admin"), id, {
      status: "rejected",
      resolution: hostile,
    });
    expect(resolved).toMatchObject({ status: "rejected", resolution: hostile, resolvedBy: "Priya Shah" });
    expect(resolved.resolvedAt).toBe(TEST_NOW.toISOString());

    const [event] = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id));
    expect(event).toMatchObject({
      action: "correction_request.resolved",
      subjectKind: "correction_request",
      actorName: "Priya Shah",
      details: { studentId: child, from: "open", to: "rejected" },
    });

    await expect(
      resolveCorrectionRequest(bed.ctx("district_admin"), id, { status: "accepted", resolution: "changed my mind" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const seen = (await listStudentCorrectionRequests(bed.ctx("guardian"), child)).find((request) => request.id === id);
    expect(seen).toMatchObject({ status: "rejected", resolution: hostile, resolvedBy: "Priya Shah" });
    expect(await bed.database.db.select().from(auditEvent).where(eq(auditEvent.subjectId, id))).toHaveLength(1);
  });

  it("lets nobody but the district admin resolve, reading the request as not found or refused", async () => {
    const filed = await createCorrectionRequest(bed.ctx("guardian"), child, {
      dataElement: "sections",
      description: "x",
    });
    await expect(
      resolveCorrectionRequest(bed.ctx("guardian"), filed.id, { status: "accepted", resolution: "self-approved" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      resolveCorrectionRequest(bed.ctx("district_admin"), "00000000-0000-4000-8000-000000000000", {
        status: "accepted",
        resolution: "x",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [row] = await bed.database.db.select().from(correctionRequest).where(eq(correctionRequest.id, filed.id));
    expect(row?.status).toBe("open");
  });

  it("puts the child's correction requests in the full-record download", async () => {
    const record = await exportStudentRecord(bed.ctx("guardian"), child);
    const requests = record.modules.privacy?.data.correctionRequests as { description: string; status: string }[];
    expect(requests.map((request) => request.description)).toContain(hostile);
    expect(requests.some((request) => request.status === "rejected")).toBe(true);
  });
});
