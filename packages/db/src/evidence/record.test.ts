import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLog, evidence, mastery } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { listStudentEvidence } from "./list-evidence";
import { recordEvidence } from "./record";
import { demoMathItems, evidenceBody } from "./test-support";

let bed: DemoTestBed;
let items: string[];
let child: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  items = await demoMathItems(bed.database.db, 3);
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
});
afterAll(async () => bed.destroy());

const count = async () => (await bed.database.db.select().from(evidence)).length;

describe("who may record evidence", () => {
  it("counts a teacher's evidence at once and keeps the student's mastery current", async () => {
    const entry = await recordEvidence(bed.ctx("teacher"), child, evidenceBody(items[0] as string, 3));
    expect(entry).toMatchObject({ status: "counted", needsValidation: false, recordedBy: "Daniel Reyes" });
    // The child also has the demo's evidence on their own course's items: look at the one just scored.
    const [row] = await bed.database.db
      .select()
      .from(mastery)
      .where(and(eq(mastery.studentId, child), eq(mastery.itemId, items[0] as string)));
    expect(row).toMatchObject({ itemId: items[0], value: 3, mastered: true, evidenceCount: 1 });
  });

  it("makes a guardian's, the student's own and a mentor's evidence wait for validation", async () => {
    const fromGuardian = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[1] as string, 4));
    expect(fromGuardian.status).toBe("pending");
    const ava = bed.account("student").personId;
    expect((await recordEvidence(bed.ctx("student"), ava, evidenceBody(items[1] as string, 2))).status).toBe("pending");
    const mentee = bed.account("mentor").linkedPersonIds[0] as string;
    expect((await recordEvidence(bed.ctx("mentor"), mentee, evidenceBody(items[1] as string, 2))).status).toBe(
      "pending",
    );
  });

  it("treats a student out of scope as not found, and writes nothing", async () => {
    const before = await count();
    const ava = bed.account("student").personId;
    const otherChild = bed.account("teacher").linkedPersonIds.find((id) => id !== child && id !== ava) as string;
    await expect(
      recordEvidence(bed.ctx("guardian"), otherChild, evidenceBody(items[0] as string, 3)),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(recordEvidence(bed.ctx("student"), child, evidenceBody(items[0] as string, 3))).rejects.toMatchObject({
      code: "not_found",
    });
    // The paraprofessional supports other classes: an educator, but not this student's.
    for (const role of ["paraprofessional", "state_analyst", "system_admin"] as const)
      await expect(recordEvidence(bed.ctx(role), child, evidenceBody(items[0] as string, 3))).rejects.toMatchObject({
        code: "not_found",
      });
    expect(await count()).toBe(before);
  });
});

describe("what is refused", () => {
  it("refuses a score off the item's scale at its place, and a date in the future, writing nothing", async () => {
    const before = await count();
    const body = {
      ...evidenceBody(items[0] as string, 3),
      scores: [
        { itemId: items[0] as string, score: 3 },
        { itemId: items[1] as string, score: 5 },
      ],
    };
    await expect(recordEvidence(bed.ctx("teacher"), child, body)).rejects.toMatchObject({
      code: "validation",
      details: [{ path: ["body", "scores", 1, "score"] }],
    });
    await expect(
      recordEvidence(
        bed.ctx("teacher"),
        child,
        evidenceBody(items[0] as string, 3, { occurredAt: "2026-12-01T00:00:00Z" }),
      ),
    ).rejects.toMatchObject({ code: "validation", details: [{ path: ["body", "occurredAt"] }] });
    expect(await count()).toBe(before);
  });

  it("lets only an educator or the original recorder correct, once", async () => {
    const original = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[2] as string, 1));
    await expect(
      recordEvidence(bed.ctx("mentor"), child, evidenceBody(items[2] as string, 2, { supersedesId: original.id })),
    ).rejects.toMatchObject({ code: "not_found" });
    const correction = await recordEvidence(
      bed.ctx("teacher"),
      child,
      evidenceBody(items[2] as string, 2, { supersedesId: original.id }),
    );
    await expect(
      recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[2] as string, 3, { supersedesId: original.id })),
    ).rejects.toMatchObject({ code: "conflict" });
    const listed = await listStudentEvidence(bed.ctx("teacher"), child);
    expect(listed.find((entry) => entry.id === original.id)).toMatchObject({
      status: "superseded",
      revisions: [correction.id],
    });
    expect(listed.find((entry) => entry.id === correction.id)?.scores[0]).toMatchObject({ score: 2 });
  });

  it("logs the read of a student's evidence", async () => {
    await listStudentEvidence(bed.ctx("guardian"), child);
    const entries = await bed.database.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.studentId, child))
      .orderBy(asc(accessLog.sequence));
    expect(entries.at(-1)).toMatchObject({ action: "read_student_record", dataElements: ["evidence"] });
  });
});
