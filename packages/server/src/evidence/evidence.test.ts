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
    const recorded = await send("POST", `/students/${child}/evidence`, guardian, evidence(4));
    expect(recorded.status).toBe(201);
    const entry = await recorded.json();
    expect(entry).toMatchObject({ status: "pending", needsValidation: true });
    const validated = await send("POST", `/evidence/${entry.id}/validation`, teacher, { decision: "validated" });
    expect(validated.status).toBe(200);
    expect((await validated.json()).status).toBe("validated");
    const again = await send("POST", `/evidence/${entry.id}/validation`, teacher, { decision: "rejected" });
    expect(again.status).toBe(409);
    const mastery = await (await send("GET", `/students/${child}/mastery?explain=true`, guardian)).json();
    expect(mastery.items[0]).toMatchObject({ itemId, mastered: true, level: "Advanced", evidenceCount: 1 });
    expect(mastery.items[0].explanation.contributions).toMatchObject([{ evidenceId: entry.id, weight: 1 }]);
    const past = await (await send("GET", `/students/${child}/mastery?asOf=2026-10-01`, guardian)).json();
    expect(past.items).toEqual([]);
  });

  it("answers a score off the scale with a located 422, and lists what is there", async () => {
    const refused = await send("POST", `/students/${child}/evidence`, teacher, evidence(9));
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.details[0].path).toEqual(["body", "scores", 0, "score"]);
    const badBody = await send("POST", `/students/${child}/evidence`, teacher, { ...evidence(3), kind: "gossip" });
    expect(badBody.status).toBe(422);
    const list = await (await send("GET", `/students/${child}/evidence`, teacher)).json();
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0].scores[0]).toMatchObject({ itemId, score: 4 });
  });

  it("voids with a reason of at least three characters", async () => {
    const entry = await (await send("POST", `/students/${child}/evidence`, teacher, evidence(2))).json();
    expect((await send("POST", `/evidence/${entry.id}/void`, teacher, { reason: "x" })).status).toBe(422);
    const voided = await send("POST", `/evidence/${entry.id}/void`, teacher, { reason: "Duplicate entry" });
    expect(voided.status).toBe(200);
    expect((await voided.json()).status).toBe("voided");
  });
});
