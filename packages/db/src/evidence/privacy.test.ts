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
let recordedId: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  const [item] = await demoMathItems(bed.database.db, 1);
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
  const pending = await recordEvidence(bed.ctx("guardian"), child, evidenceBody(item as string, 4));
  recordedId = pending.id;
  await validateEvidence(bed.ctx("teacher"), pending.id, { decision: "validated" });
});
afterAll(async () => bed.destroy());

const rows = async (table: typeof evidence | typeof mastery | typeof masteryEvent) =>
  (await bed.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
/** The child's rows in the ledger and mastery tables (the demo gives them evidence of their own, too). */
const childRows = async () => {
  const [ledger] = await bed.database.db
    .select({ evidence: count(evidence.id) })
    .from(evidence)
    .where(eq(evidence.studentId, child));
  const [stored] = await bed.database.db.select({ n: count() }).from(mastery).where(eq(mastery.studentId, child));
  const [events] = await bed.database.db
    .select({ n: count() })
    .from(masteryEvent)
    .where(eq(masteryEvent.studentId, child));
  const [decisions] = await bed.database.db
    .select({ n: count() })
    .from(evidenceEvent)
    .innerJoin(evidence, eq(evidence.id, evidenceEvent.evidenceId))
    .where(eq(evidence.studentId, child));
  return {
    evidence: ledger?.evidence ?? 0,
    mastery: stored?.n ?? 0,
    masteryEvents: events?.n ?? 0,
    events: decisions?.n ?? 0,
  };
};

describe("the evidence module's personal data", () => {
  it("is in the full-record download: the evidence with scores and events, and mastery", async () => {
    const record = await exportStudentRecord(bed.ctx("guardian"), child);
    const data = record.modules.evidence?.data as {
      evidence: { id: string; scores: unknown[]; events: unknown[] }[];
      mastery: unknown[];
    };
    // All of the child's evidence and mastery, the demo's included, and the piece recorded above in full.
    const held = await childRows();
    expect(held.evidence).toBeGreaterThan(1);
    expect(data.evidence).toHaveLength(held.evidence);
    const recorded = data.evidence.find((entry) => entry.id === recordedId);
    expect(recorded?.scores).toHaveLength(1);
    expect(recorded?.events).toHaveLength(1);
    expect(data.mastery).toHaveLength(held.mastery);
  });

  it("is erased with the student, despite the ledger refusing updates", async () => {
    const held = await childRows();
    const totals = async (): Promise<[number, number, number]> => [
      await rows(evidence),
      await rows(mastery),
      await rows(masteryEvent),
    ];
    const [evidenceBefore, masteryBefore, eventsBefore] = await totals();
    await bed.database.db.transaction(
      (tx) =>
        evidencePersonalData.eraseStudentData?.({ ...bed.ctx("district_admin"), db: tx }, child) ?? Promise.resolve(),
    );
    expect(await childRows()).toEqual({ evidence: 0, mastery: 0, masteryEvents: 0, events: 0 });
    // Only the child's rows went: everyone else's evidence stays.
    expect(await totals()).toEqual([
      evidenceBefore - held.evidence,
      masteryBefore - held.mastery,
      eventsBefore - held.masteryEvents,
    ]);
  });

  it("goes with the district when the demo is replaced", async () => {
    const [item] = await demoMathItems(bed.database.db, 1);
    const old = await recordEvidence(bed.ctx("teacher"), child, evidenceBody(item as string, 3));
    const counts = await loadDemoDistrict(bed.database, {
      students: 60,
      seed: 7,
      schoolYear: TEST_SCHOOL_YEAR,
      replace: true,
      hashPassword: plainTestHash,
    });
    expect(await bed.database.db.select().from(evidence).where(eq(evidence.id, old.id))).toEqual([]);
    // What is left is the new demo's own semester of evidence, nothing of the old district's.
    expect([await rows(evidence), await rows(mastery), await rows(masteryEvent)]).toEqual([
      counts.evidence.evidence,
      counts.evidence.mastery,
      counts.evidence.masteryEvents,
    ]);
  });
});
