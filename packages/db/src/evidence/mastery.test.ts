import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mastery, masteryEvent } from "../schema";
import { type DemoTestBed, openDemoTestBed } from "../testing";
import { validateEvidence } from "./decide";
import { getStudentMastery } from "./get-mastery";
import { rebuildMastery } from "./rebuild";
import { recordEvidence } from "./record";
import { demoMathItems, evidenceBody } from "./test-support";

let bed: DemoTestBed;
let item: string;
let child: string;
const day = (n: number) => new Date(`2026-10-${String(n).padStart(2, "0")}T12:00:00Z`);
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 150 });
  item = (await demoMathItems(bed.database.db, 1))[0] as string;
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
  // Day 1: a teacher's 2. Day 3: the guardian's 4, validated on day 5 (decaying average → 4). Day 7: a teacher's 1.
  await recordEvidence(bed.ctx("teacher", day(1)), child, evidenceBody(item, 2, { occurredAt: day(1).toISOString() }));
  const fromHome = await recordEvidence(
    bed.ctx("guardian", day(3)),
    child,
    evidenceBody(item, 4, { occurredAt: day(3).toISOString(), setting: "home" }),
  );
  await validateEvidence(bed.ctx("teacher", day(5)), fromHome.id, { decision: "validated" });
  await recordEvidence(bed.ctx("teacher", day(7)), child, evidenceBody(item, 1, { occurredAt: day(7).toISOString() }));
});
afterAll(async () => bed.destroy());
// The child also has the demo's evidence on their own course's items; these tests look at the item they wrote.
const ofTestItem = <Item extends { itemId: string }>(mastery: { items: Item[] }) =>
  mastery.items.find((entry) => entry.itemId === item);

describe("mastery upkeep", () => {
  it("writes reached when mastery is reached and lost when it is lost", async () => {
    const events = await bed.database.db
      .select({ kind: masteryEvent.kind, occurredAt: masteryEvent.occurredAt })
      .from(masteryEvent)
      .where(and(eq(masteryEvent.studentId, child), eq(masteryEvent.itemId, item)))
      .orderBy(asc(masteryEvent.occurredAt));
    expect(events).toEqual([
      { kind: "reached", occurredAt: day(5) },
      { kind: "lost", occurredAt: day(7) },
    ]);
  });

  it("shows the stored mastery now and recomputes it for a past day", async () => {
    const now = ofTestItem(await getStudentMastery(bed.ctx("teacher"), child));
    // 0.65·1 + 0.35·mean(2, 4) = 1.7: Beginning.
    expect(now).toMatchObject({ itemId: item, mastered: false, masteredAt: null, level: "Beginning" });
    expect(now?.value).toBeCloseTo(1.7, 5);
    const then = ofTestItem(await getStudentMastery(bed.ctx("guardian"), child, { asOf: "2026-10-06" }));
    expect(then).toMatchObject({ value: 3.3, mastered: true, level: "Proficient", evidenceCount: 2 });
    expect(then?.masteredAt).toBe(day(5).toISOString());
    const before = ofTestItem(await getStudentMastery(bed.ctx("guardian"), child, { asOf: "2026-10-04" }));
    expect(before).toMatchObject({ value: 2, mastered: false, evidenceCount: 1 });
  });

  it("explains a value by the validated evidence, with weights", async () => {
    const explained = await getStudentMastery(bed.ctx("teacher"), child, { explain: true });
    const explanation = ofTestItem(explained)?.explanation;
    expect(explanation?.method).toMatchObject({ name: "decaying-average", weight: 0.65 });
    expect(explanation?.contributions.map((c) => [c.score, Number(c.weight.toFixed(3))])).toEqual([
      [2, 0.175],
      [4, 0.175],
      [1, 0.65],
    ]);
  });

  it("is not found for someone who may not read the student", async () => {
    await expect(getStudentMastery(bed.ctx("paraprofessional"), child)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("rebuilding from the ledger", () => {
  it("finds no difference after a run of writes, and one after a row is tampered with", async () => {
    expect(await rebuildMastery(bed.database, day(10), { verify: true })).toEqual([]);
    await bed.database.db
      .update(mastery)
      .set({ value: 3.9 })
      .where(and(eq(mastery.studentId, child), eq(mastery.itemId, item)));
    const differences = await rebuildMastery(bed.database, day(10), { verify: true });
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ studentId: child, itemId: item, stored: { value: 3.9 } });
    await rebuildMastery(bed.database, day(10));
    expect(await rebuildMastery(bed.database, day(10), { verify: true })).toEqual([]);
  });
});
