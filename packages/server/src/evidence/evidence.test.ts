import { schema } from "@cairn/db";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let child: string;
let itemId: string;
let teacher: string;
let guardian: string;
beforeAll(async () => {
  server = await startTestServer({ students: 150 });
  child =
    server.account("guardian").linkedPersonIds.find((id) => server.account("teacher").linkedPersonIds.includes(id)) ??
    "";
  const [item] = await server.database.db
    .select({ id: schema.frameworkItem.id })
    .from(schema.frameworkItem)
    .innerJoin(schema.framework, eq(schema.framework.id, schema.frameworkItem.frameworkId))
    .where(and(eq(schema.framework.title, "Mathematics K–8 (Common Core)"), eq(schema.framework.status, "published")))
    .orderBy(asc(schema.frameworkItem.position))
    .limit(1);
  itemId = item?.id ?? "";
  teacher = await server.signIn("teacher");
  guardian = await server.signIn("guardian");
});
afterAll(async () => server.close());

const send = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const evidence = (score: number) => ({
  kind: "observation",
  setting: "home",
  title: "Fractions at the market",
  occurredAt: "2026-10-30T16:00:00Z",
  scores: [{ itemId, score }],
});

describe("the evidence API", () => {
  it("records a guardian's evidence as pending, validates it, and shows mastery with its explanation", async () => {
    const pastBefore = await (await send("GET", `/students/${child}/mastery?asOf=2026-10-01`, guardian)).json();
    const recorded = await send("POST", `/students/${child}/evidence`, guardian, evidence(4));
    expect(recorded.status).toBe(201);
    const entry = await recorded.json();
    expect(entry).toMatchObject({ status: "pending", needsValidation: true });
    const validated = await send("POST", `/evidence/${entry.id}/validation`, teacher, { decision: "validated" });
    expect(validated.status).toBe(200);
    expect((await validated.json()).status).toBe("validated");
    const again = await send("POST", `/evidence/${entry.id}/validation`, teacher, { decision: "rejected" });
    expect(again.status).toBe(409);
    // The child also has the demo's evidence on their own course's items: look at the item scored here.
    const mastery = await (await send("GET", `/students/${child}/mastery?explain=true`, guardian)).json();
    const scored = mastery.items.find((item: { itemId: string }) => item.itemId === itemId);
    expect(scored).toMatchObject({ itemId, mastered: true, level: "Advanced", evidenceCount: 1 });
    expect(scored.explanation.contributions).toMatchObject([{ evidenceId: entry.id, weight: 1 }]);
    // As of a day before it happened, the item has no mastery and nothing else changed.
    const past = await (await send("GET", `/students/${child}/mastery?asOf=2026-10-01`, guardian)).json();
    expect(past.items.some((item: { itemId: string }) => item.itemId === itemId)).toBe(false);
    expect(past).toEqual(pastBefore);
  });

  it("answers a score off the scale with a located 422, and lists what is there", async () => {
    const listed = async () => (await (await send("GET", `/students/${child}/evidence`, teacher)).json()).entries;
    const before = await listed();
    const refused = await send("POST", `/students/${child}/evidence`, teacher, evidence(9));
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.details[0].path).toEqual(["body", "scores", 0, "score"]);
    const badBody = await send("POST", `/students/${child}/evidence`, teacher, { ...evidence(3), kind: "gossip" });
    expect(badBody.status).toBe(422);
    // Nothing refused was written; the item's one piece of evidence is the guardian's, validated above.
    const entries = await listed();
    expect(entries).toEqual(before);
    const onItem = entries.filter((entry: { scores: { itemId: string }[] }) =>
      entry.scores.some((score) => score.itemId === itemId),
    );
    expect(onItem).toHaveLength(1);
    expect(onItem[0].scores[0]).toMatchObject({ itemId, score: 4 });
  });

  it("voids with a reason of at least three characters", async () => {
    const entry = await (await send("POST", `/students/${child}/evidence`, teacher, evidence(2))).json();
    expect((await send("POST", `/evidence/${entry.id}/void`, teacher, { reason: "x" })).status).toBe(422);
    const voided = await send("POST", `/evidence/${entry.id}/void`, teacher, { reason: "Duplicate entry" });
    expect(voided.status).toBe(200);
    expect((await voided.json()).status).toBe("voided");
  });
});
