import { everyFeaturePackage, syntheticPackage } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/server";

let server: TestServer;
let admin: string;
let teacher: string;
beforeAll(async () => {
  server = await startTestServer({ students: 60 });
  admin = await server.signIn("district_admin");
  teacher = await server.signIn("teacher");
});
afterAll(async () => server.close());

function upload(body: string, cookie: string, query = "") {
  return fetch(`${server.baseUrl}/api/v1/frameworks/case${query}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body,
  });
}

describe("frameworks over HTTP", () => {
  it("imports a package a district admin uploads, lists it, and gives it back as CASE", async () => {
    const pkg = everyFeaturePackage();
    const created = await upload(JSON.stringify(pkg), admin);
    expect(created.status).toBe(201);
    const result = await created.json();
    expect(result).toMatchObject({ items: 7, sourceVersion: "1.1", replaced: false });

    const listed = await (await server.get("/api/v1/frameworks", admin)).json();
    expect(listed.frameworks).toContainEqual(
      expect.objectContaining({
        id: result.frameworkId,
        identifier: pkg.CFDocument.identifier,
        status: "draft",
        items: 7,
      }),
    );
    const exported = await server.get(`/api/v1/frameworks/${pkg.CFDocument.identifier}/case`, admin);
    expect(exported.status).toBe(200);
    expect(await exported.json()).toEqual(pkg);
    // A draft is the district admins' alone.
    expect((await server.get(`/api/v1/frameworks/${result.frameworkId}/case`, teacher)).status).toBe(404);

    const replaced = await upload(JSON.stringify(pkg), admin, "?replaceDraft=true");
    expect(await replaced.json()).toMatchObject({ replaced: true });
  });

  it("answers 422 with every problem's JSON path, and imports nothing", async () => {
    const pkg = syntheticPackage({ items: 4, prerequisitesPerItem: 0, name: "http-broken" });
    (pkg.CFItems?.[1] as { identifier: string }).identifier = "NOT-A-UUID";
    const response = await upload(JSON.stringify(pkg), admin);
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("validation");
    expect(error.details).toContainEqual({
      path: ["$.CFItems[1].identifier"],
      message: "must be a lower-case UUID (CASE identifier)",
    });
    const listed = await (await server.get("/api/v1/frameworks", admin)).json();
    expect(listed.frameworks.map((row: { identifier: string }) => row.identifier)).not.toContain(
      pkg.CFDocument.identifier,
    );
  });

  it("refuses teachers, broken JSON, oversize bodies and other sites", async () => {
    const pkg = JSON.stringify(syntheticPackage({ items: 2, prerequisitesPerItem: 0, name: "http-refused" }));
    expect((await upload(pkg, teacher)).status).toBe(403);
    expect((await upload("{ not json", admin)).status).toBe(400);
    expect((await upload(`"${"x".repeat(33 * 1024 * 1024)}"`, admin)).status).toBe(413);
    const crossSite = await fetch(`${server.baseUrl}/api/v1/frameworks/case`, {
      method: "POST",
      headers: { cookie: admin, "content-type": "application/json", origin: "https://evil.example" },
      body: pkg,
    });
    expect(crossSite.status).toBe(403);
  });
});
