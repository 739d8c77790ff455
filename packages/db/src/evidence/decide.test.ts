import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceEvent, mastery } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { validateEvidence, voidEvidence } from "./decide";
import { recordEvidence } from "./record";
import { demoMathItems, evidenceBody } from "./test-support";

let bed: DemoTestBed;
let items: string[];
let child: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  items = await demoMathItems(bed.database.db, 4);
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
});
afterAll(async () => bed.destroy());

const masteryOf = async (itemId: string) =>
  (
    await bed.database.db
      .select()
      .from(mastery)
      .where(and(eq(mastery.studentId, child), eq(mastery.itemId, itemId)))
  )[0];

describe("validation", () => {
  it("makes pending evidence count, and its mastery with it, in the same transaction", async () => {
    const pending = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[0] as string, 4));
    expect(await masteryOf(items[0] as string)).toMatchObject({ evidenceCount: 0, mastered: false, value: null });
    const validated = await validateEvidence(bed.ctx("teacher"), pending.id, {
      decision: "validated",
      comment: "Seen it",
    });
    expect(validated).toMatchObject({ status: "validated", events: [{ kind: "validated", actor: "Daniel Reyes" }] });
    expect(await masteryOf(items[0] as string)).toMatchObject({ evidenceCount: 1, mastered: true, value: 4 });
  });

  it("is for the student's educators only", async () => {
    const pending = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[1] as string, 2));
    await expect(validateEvidence(bed.ctx("guardian"), pending.id, { decision: "validated" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      validateEvidence(bed.ctx("paraprofessional"), pending.id, { decision: "validated" }),
    ).rejects.toMatchObject({ code: "not_found" });
    const rejected = await validateEvidence(bed.ctx("school_leader"), pending.id, { decision: "rejected" });
    expect(rejected.status).toBe("rejected");
  });

  it("lets one of two concurrent validations win and refuses the other as a conflict", async () => {
    const pending = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(items[2] as string, 3));
    const results = await Promise.allSettled([
      validateEvidence(bed.ctx("teacher"), pending.id, { decision: "validated" }),
      validateEvidence(bed.ctx("district_admin"), pending.id, { decision: "rejected" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    const events = await bed.database.db.select().from(evidenceEvent).where(eq(evidenceEvent.evidenceId, pending.id));
    expect(events).toHaveLength(1);
  });
});

describe("voiding", () => {
  it("takes the evidence out of mastery for a reason, and is final", async () => {
    const counted = await recordEvidence(bed.ctx("teacher"), child, evidenceBody(items[3] as string, 3));
    expect((await masteryOf(items[3] as string))?.mastered).toBe(true);
    const voided = await voidEvidence(bed.ctx("teacher"), counted.id, { reason: "Recorded for the wrong student" });
    expect(voided).toMatchObject({
      status: "voided",
      events: [{ kind: "voided", comment: "Recorded for the wrong student" }],
    });
    expect(await masteryOf(items[3] as string)).toMatchObject({ mastered: false, evidenceCount: 0, masteredAt: null });
    await expect(voidEvidence(bed.ctx("teacher"), counted.id, { reason: "Again" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(voidEvidence(bed.ctx("guardian"), counted.id, { reason: "Not mine" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
