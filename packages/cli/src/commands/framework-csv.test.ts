import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCasePackage } from "@cairn/core";
import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, dataDir, remove } = cliOnFreshDataDir();
afterAll(remove);
const template = new URL("../../../../docs/templates/framework.csv", import.meta.url).pathname;

function write(name: string, content: string | Buffer): string {
  const path = join(dataDir, name);
  writeFileSync(path, content);
  return path;
}

describe("cairn import framework-csv", () => {
  it("imports the documented template as a draft, and exports it as sound CASE", async () => {
    const imported = await cli(
      "import",
      "framework-csv",
      template,
      "--title",
      "Science 6",
      "--framework-version",
      "2026",
      "--json",
    );
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({ items: 5, title: "Science 6" });
    const exported = await cli("export", "case", result.frameworkId);
    const pkg = JSON.parse(exported.stdout);
    expect(readCasePackage(pkg)).toMatchObject({ ok: true });
    expect(pkg.CFDocument).toMatchObject({ adoptionStatus: "Draft", version: "2026" });
    const precedes = pkg.CFAssociations.filter(
      (association: { associationType: string }) => association.associationType === "precedes",
    );
    expect(precedes).toHaveLength(2);

    // The same file again replaces the draft only when asked.
    const again = await cli("import", "framework-csv", template, "--title", "Science 6", "--framework-version", "2026");
    expect(again.code).toBe(4);
    const replaced = await cli(
      "import",
      "framework-csv",
      template,
      "--title",
      "Science 6",
      "--framework-version",
      "2026",
      "--replace-draft",
      "--json",
    );
    expect(JSON.parse(replaced.stdout)).toMatchObject({ replaced: true });
  });

  it("reports every problem as file:row:column and imports nothing", async () => {
    const lines = readFileSync(template, "utf8").split("\n");
    lines[3] = lines[3]?.replace("SCI.6.1,no", "SCI.6.3,no") ?? "";
    lines.push("SCI.6.9,NOPE,Learning target,,,6th,,maybe");
    const failed = await cli("import", "framework-csv", write("broken.csv", lines.join("\n")), "--title", "Broken");
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("nothing was imported");
    expect(failed.stderr).toContain("broken.csv:7:statement: is required");
    expect(failed.stderr).toContain('broken.csv:7:grades: "6th" is not a grade code');
    expect(failed.stderr).toContain('broken.csv:7:parent_code: no row has the code "NOPE"');
    expect(failed.stderr).toContain("broken.csv:5:prerequisite_codes: prerequisite cycle: SCI.6.2 → SCI.6.3 → SCI.6.2");
    const listed = await cli("export", "case", "nothing-here");
    expect(listed.code).toBe(5);
  });

  it("refuses a file that is not UTF-8 or not CSV, and a missing one", async () => {
    const latin1 = await cli(
      "import",
      "framework-csv",
      write("latin1.csv", Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xe9, 0x0a])),
      "--title",
      "x",
    );
    expect(latin1.code).toBe(2);
    expect(latin1.stderr).toContain("is not UTF-8 text");
    const ragged = await cli(
      "import",
      "framework-csv",
      write("ragged.csv", 'code,statement\nA,"unclosed\n'),
      "--title",
      "x",
    );
    expect(ragged.code).toBe(2);
    expect(ragged.stderr).toContain("the file is not valid CSV");
    const missing = await cli("import", "framework-csv", join(dataDir, "none.csv"), "--title", "x");
    expect(missing.code).toBe(5);
  });
});
