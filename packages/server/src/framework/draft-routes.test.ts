import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer({ students: 60 });
  admin = await server.signIn("district_admin");
});
afterAll(async () => server.close());

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { cookie: admin, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

describe("building a draft over HTTP", () => {
  it("creates a framework and items, and refuses bad input with located errors, changing nothing", async () => {
    expect((await send("POST", "/frameworks", { title: "" })).status).toBe(422);
    const created = await send("POST", "/frameworks", { title: "Habits of mind", version: "1" });
    expect(created.status).toBe(201);
    const id = created.body.frameworkId as string;
    const first = await send("POST", `/frameworks/${id}/items`, { code: "H.1", fullStatement: "Persists" });
    const second = await send("POST", `/frameworks/${id}/items`, { code: "H.2", fullStatement: "Listens" });
    expect([first.status, second.status]).toEqual([201, 201]);
    const items = `/frameworks/${id}/items`;

    expect(await send("POST", items, { code: "H.1", fullStatement: "Again" })).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", details: [{ path: ["code"] }] } },
    });
    expect(await send("POST", `${items}/${first.body.itemId}/move`, { direction: "sideways" })).toMatchObject({
      status: 422,
    });
    expect(await send("POST", `${items}/${first.body.itemId}/move`, { parentId: first.body.itemId })).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringContaining("H.1 → H.1") } },
    });

    const badScale = {
      levels: [
        { code: "A", label: "Starting", value: 2 },
        { code: "B", label: "Secure", value: 1 },
      ],
      masteryCode: "C",
    };
    expect(await send("PUT", `/frameworks/${id}/scale`, badScale)).toMatchObject({
      status: 422,
      body: {
        error: {
          details: [
            { path: ["body", "levels", 1, "value"], message: expect.stringContaining("must rise") },
            { path: ["body", "masteryCode"] },
          ],
        },
      },
    });
    const sample = { title: "Portfolio", uri: "ftp://samples.example.org/1", levelCode: "3" };
    expect(await send("POST", `${items}/${second.body.itemId}/exemplars`, sample)).toMatchObject({
      status: 422,
      body: { error: { details: [{ path: ["body", "uri"] }] } },
    });
    const added = await send("POST", `${items}/${second.body.itemId}/exemplars`, {
      ...sample,
      uri: "https://samples.example.org/1",
    });
    expect(added.status).toBe(201);
    expect((await send("POST", `${items}/${second.body.itemId}/rubric`, {})).status).toBe(201);
    expect((await send("POST", `${items}/${second.body.itemId}/rubric`, { title: "Listening" })).status).toBe(200);
    expect(await send("DELETE", `${items}/${first.body.itemId}/rubric`)).toMatchObject({ status: 404 });

    const detail = await send("GET", `${items}/${second.body.itemId}`);
    expect(detail.body.exemplars).toEqual([
      { id: added.body.associationId, title: "Portfolio", uri: "https://samples.example.org/1", levelCode: "3" },
    ]);
    expect(detail.body.rubricCriteria).toEqual([
      expect.objectContaining({ rubricTitle: "Listening", itemRubric: true }),
    ]);
    const framework = await send("GET", `/frameworks/${id}`);
    expect(framework.body.items.map((item: { code: string }) => item.code)).toEqual(["H.1", "H.2"]);
    // The refused scale changed nothing: the default still applies.
    expect(framework.body.framework.scale.levels).toHaveLength(4);
  });
});
