import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderOpenApi } from "./openapi";

describe("docs/openapi.json", () => {
  it("is the document the server generates (run `npm run openapi` after changing a route)", async () => {
    const checkedIn = readFileSync(new URL("../../../../docs/openapi.json", import.meta.url), "utf8");
    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(await renderOpenApi()));
  });
});
