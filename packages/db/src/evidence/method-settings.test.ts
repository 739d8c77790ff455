import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvent, frameworkItem, mastery, student } from "../schema";
import { type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import { validateEvidence } from "./decide";
import { listMasteryMethodSettings, setMasteryMethod } from "./method-settings";
import { rebuildMastery } from "./rebuild";
import { recordEvidence } from "./record";
import { demoMathItems, evidenceBody } from "./test-support";

let bed: DemoTestBed;
let item: string;
let frameworkId: string;
let child: string;
const day = (n: number) => new Date(`2026-10-${String(n).padStart(2, "0")}T12:00:00Z`);
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 80 });
  item = (await demoMathItems(bed.database.db, 1))[0] as string;
  [{ frameworkId }] = (await bed.database.db
    .select({ frameworkId: frameworkItem.frameworkId })
    .from(frameworkItem)
    .where(eq(frameworkItem.id, item))) as [{ frameworkId: string }];
  child =
    bed.account("guardian").linkedPersonIds.find((id) => bed.account("teacher").linkedPersonIds.includes(id)) ?? "";
  // Scores 2, 4 (from home, validated), 1: the default decaying average gives 0.65·1 + 0.35·3 = 1.7.
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

async function stored() {
  const [row] = await bed.database.db
    .select({ value: mastery.value, mastered: mastery.mastered })
    .from(mastery)
    .where(and(eq(mastery.studentId, child), eq(mastery.itemId, item)));
  return row;
}

describe("choosing the mastery method", () => {
  it("starts from the default, the decaying average", async () => {
    expect((await stored())?.value).toBeCloseTo(1.7, 12);
  });

  it("recomputes stored mastery at once, the most specific setting winning", async () => {
    const admin = bed.ctx("district_admin", day(10));
    // A district-wide setting reaches every stored mastery row of the district: the demo's and the one above.
    const [reached] = await bed.database.db
      .select({ n: count() })
      .from(mastery)
      .innerJoin(student, and(eq(student.personId, child), eq(student.districtId, mastery.districtId)));
    expect(await setMasteryMethod(admin, { scope: "district", method: "highest" })).toEqual({ recomputed: reached?.n });
    expect(await stored()).toEqual({ value: 4, mastered: true });
    await setMasteryMethod(admin, { scope: "framework", frameworkId, method: "latest" });
    expect(await stored()).toEqual({ value: 1, mastered: false });
    await setMasteryMethod(admin, {
      scope: "item",
      frameworkId,
      itemId: item,
      method: "n-mastery",
      params: { n: "1" },
    });
    expect(await stored()).toEqual({ value: 4, mastered: true });
    const settings = await listMasteryMethodSettings(admin);
    expect(settings.map((setting) => [setting.scope, setting.method.name]).sort()).toEqual([
      ["district", "highest"],
      ["framework", "latest"],
      ["item", "n-mastery"],
    ]);
    const events = await bed.database.db.select().from(auditEvent).where(eq(auditEvent.action, "mastery_method.set"));
    expect(events).toHaveLength(3);
  });

  it("is for district admins only, and refuses a method it does not know", async () => {
    await expect(setMasteryMethod(bed.ctx("teacher"), { scope: "district", method: "mean" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      setMasteryMethod(bed.ctx("district_admin"), { scope: "district", method: "mean", params: { weight: "0.5" } }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      setMasteryMethod(bed.ctx("district_admin"), {
        scope: "item",
        frameworkId,
        itemId: "00000000-0000-4000-8000-000000000000",
        method: "mean",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
  it("a method change on one item sees a correction that moved evidence off it", async () => {
    const [moved, other] = (await demoMathItems(bed.database.db, 3)).slice(1) as [string, string];
    const original = await recordEvidence(
      bed.ctx("teacher", day(8)),
      child,
      evidenceBody(moved, 4, { occurredAt: day(8).toISOString() }),
    );
    // The correction scores only the other item: the original no longer counts for `moved`.
    await recordEvidence(
      bed.ctx("teacher", day(9)),
      child,
      evidenceBody(other, 4, { occurredAt: day(8).toISOString(), supersedesId: original.id }),
    );
    const admin = bed.ctx("district_admin");
    const [frameworkOf] = await bed.database.db
      .select({ frameworkId: frameworkItem.frameworkId })
      .from(frameworkItem)
      .where(eq(frameworkItem.id, moved));
    await setMasteryMethod(admin, {
      scope: "item",
      frameworkId: frameworkOf?.frameworkId,
      itemId: moved,
      method: "highest",
    });
    const [row] = await bed.database.db
      .select({ value: mastery.value, evidenceCount: mastery.evidenceCount })
      .from(mastery)
      .where(and(eq(mastery.studentId, child), eq(mastery.itemId, moved)));
    expect(row).toEqual({ value: null, evidenceCount: 0 });
    expect(await rebuildMastery(bed.database, TEST_NOW, { verify: true })).toEqual([]);
  });
});
