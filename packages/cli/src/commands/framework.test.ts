import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { everyFeaturePackage, schemaProblems, syntheticPackage } from "@cairn/core";
import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, dataDir, remove } = cliOnFreshDataDir();
afterAll(remove);

function writePackage(name: string, content: unknown): string {
  const path = join(dataDir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("cairn import case / export case", () => {
  it("imports a package and exports it back unchanged, by id or CASE identifier", async () => {
    const original = everyFeaturePackage();
    const imported = await cli("import", "case", writePackage("every.json", original), "--json");
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({
      items: 7,
      rubrics: 1,
      sourceVersion: "1.1",
      caseIdentifier: original.CFDocument.identifier,
    });

    const out = join(dataDir, "exported.json");
    const byId = await cli("export", "case", result.frameworkId, "--out", out);
    expect(byId.code, byId.stderr).toBe(0);
    const exported = JSON.parse(readFileSync(out, "utf8"));
    expect(exported).toEqual(original);
    expect(schemaProblems(exported, "1.1")).toEqual([]);

    const byIdentifier = await cli("export", "case", original.CFDocument.identifier);
    expect(JSON.parse(byIdentifier.stdout)).toEqual(original);
  });

  it("reports every problem with its JSON path, exits non-zero and imports nothing", async () => {
    const pkg = syntheticPackage({ items: 80, prerequisitesPerItem: 1, name: "cli-broken" });
    for (const item of pkg.CFItems ?? []) delete (item as { fullStatement?: string }).fullStatement;
    const failed = await cli("import", "case", writePackage("broken.json", pkg));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("the CASE package has 80 problems (the first 50 are listed); nothing was imported");
    expect(failed.stderr).toContain("$.CFItems[0].fullStatement: is required");
    expect(failed.stderr.match(/fullStatement: is required/g)).toHaveLength(50);
    const missing = await cli("export", "case", pkg.CFDocument.identifier);
    expect(missing.code).toBe(5);
  });

  it("refuses a file that is not JSON, a missing file, and a file over the size limit, clearly", async () => {
    const notJson = await cli("import", "case", writePackage("not.json", "{ CFDocument: "));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/the file is not JSON\n\s+\$: /);
    const missing = await cli("import", "case", join(dataDir, "nowhere.json"));
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain("no such file");
    const huge = writePackage("huge.json", `"${"x".repeat(33 * 1024 * 1024)}"`);
    const tooLarge = await cli("import", "case", huge);
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toMatch(/the package is 33\.0 MB; Cairn reads CASE packages up to 32 MB/);
  });

  it("refuses a prerequisite cycle, naming it", async () => {
    const pkg = syntheticPackage({ items: 30, prerequisitesPerItem: 1, name: "cli-cycle" });
    const [first, last] = [pkg.CFItems?.[0], pkg.CFItems?.[28]];
    const template = pkg.CFAssociations?.find((association) => association.associationType === "precedes");
    pkg.CFAssociations?.push({
      ...(template as NonNullable<typeof template>),
      identifier: "0d6c4f5e-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
      originNodeURI: { title: "last", identifier: last?.identifier ?? "", uri: last?.uri ?? "" },
      destinationNodeURI: { title: "first", identifier: first?.identifier ?? "", uri: first?.uri ?? "" },
    });
    const failed = await cli("import", "case", writePackage("cycle.json", pkg));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/prerequisite cycle: S\.0\.0 → S\.\d+\.7 → .* → S\.8\.28 → S\.0\.0/);
  });
});
