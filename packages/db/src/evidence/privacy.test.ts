import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDistrict } from "../demo/load-demo";
import { exportStudentRecord } from "../privacy/export-record";
import { evidence, evidenceEvent, mastery, masteryEvent } from "../schema";
import { type DemoTestBed, openDemoTestBed, plainTestHash, TEST_SCHOOL_YEAR } from "../testing";
import { validateEvidence } from "./decide";
import { evidencePersonalData } from "./privacy";
import { recordEvidence } from "./record";
import { demoMathItems, evidenceBody } from "./test-support";

let bed: DemoTestBed;
let child: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  const [item] = await demoMathItems(bed.database.db, 1);
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
  const pending = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(item as string, 4));
  await validateEvidence(bed.ctx("teacher"), pending.id, { decision: "validated" });
});
afterAll(async () => bed.destroy());

const rows = async (table: typeof evidence | typeof mastery | typeof masteryEvent) =>
  (await bed.database.db.select({ n: count() }).from(table))[0]?.n;

describe("the evidence module's personal data", () => {
  it("is in the full-record download: the evidence with scores and events, and mastery", async () => {
    const record = await exportStudentRecord(bed.ctx("guardian"), child);
    const data = record.modules.evidence?.data as {
      evidence: { scores: unknown[]; events: unknown[] }[];
      mastery: unknown[];
    };
    expect(data.evidence).toHaveLength(1);
    expect(data.evidence[0]?.scores).toHaveLength(1);
    expect(data.evidence[0]?.events).toHaveLength(1);
    expect(data.mastery).toHaveLength(1);
  });

  it("is erased with the student, despite the ledger refusing updates", async () => {
    await bed.database.db.transaction(
      (tx) =>
        evidencePersonalData.eraseStudentData?.({ ...bed.ctx("district_admin"), db: tx }, child) ?? Promise.resolve(),
    );
    expect([await rows(evidence), await rows(mastery), await rows(masteryEvent)]).toEqual([0, 0, 0]);
    expect(await bed.database.db.select().from(evidenceEvent)).toEqual([]);
  });

  it("goes with the district when the demo is replaced", async () => {
    const [item] = await demoMathItems(bed.database.db, 1);
    await recordEvidence(bed.ctx("teacher"), child, evidenceBody(item as string, 3));
    await loadDemoDistrict(bed.database, {
      students: 60,
      seed: 7,
      schoolYear: TEST_SCHOOL_YEAR,
      replace: true,
      hashPassword: plainTestHash,
    });
    expect(await bed.database.db.select().from(evidence).where(eq(evidence.studentId, child))).toEqual([]);
    expect(await rows(mastery)).toBe(0);
  });
});
