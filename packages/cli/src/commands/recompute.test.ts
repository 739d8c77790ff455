import { listDemoAccounts, loadViewer, openDatabase, recordEvidence, schema } from "@cairn/db";
import { contextFor, loadTestDemo, TEST_NOW } from "@cairn/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, dataDir, remove } = cliOnFreshDataDir();
afterAll(remove);

let studentId = "";
beforeAll(async () => {
  // Written in this process, then closed, so the command can open the folder itself.
  const database = await openDatabase({ dataDir, url: "" });
  try {
    await loadTestDemo(database, { students: 60 });
    const teacher = (await listDemoAccounts(database.db, TEST_NOW)).find((account) => account.role === "teacher");
    studentId = teacher?.linkedPersonIds[0] ?? "";
    const [item] = await database.db
      .select({ id: schema.frameworkItem.id })
      .from(schema.frameworkItem)
      .innerJoin(schema.framework, eq(schema.framework.id, schema.frameworkItem.frameworkId))
      .where(eq(schema.framework.status, "published"))
      .limit(1);
    const ctx = contextFor(database, await loadViewer(database.db, teacher?.personId ?? ""), TEST_NOW);
    await recordEvidence(ctx, studentId, {
      kind: "assessment",
      setting: "classroom",
      title: "Quiz",
      occurredAt: "2026-10-01T10:00:00Z",
      scores: [{ itemId: item?.id ?? "", score: 2 }],
    });
    // Tamper with the row just written; the student's mastery from the demo's own evidence stays as it was.
    await database.db
      .update(schema.mastery)
      .set({ value: 3.5 })
      .where(and(eq(schema.mastery.studentId, studentId), eq(schema.mastery.itemId, item?.id ?? "")));
  } finally {
    await database.close();
  }
}, 120_000);

describe("cairn recompute", () => {
  it("--verify lists a tampered row and exits 6; a rebuild fixes it", async () => {
    const verify = await cli("recompute", "--verify", "--json");
    expect(verify.code).toBe(6);
    expect(JSON.parse(verify.stdout).differences).toMatchObject([
      { studentId, stored: { value: 3.5 }, recomputed: { value: 2, evidenceCount: 1 } },
    ]);
    expect((await cli("recompute")).code).toBe(0);
    const after = await cli("recompute", "--verify");
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/agrees with the evidence ledger/);
  }, 60_000);
});
