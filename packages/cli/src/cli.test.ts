import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "./testing";

const { cli, remove } = cliOnFreshDataDir();
afterAll(remove);

describe("cairn", () => {
  // Fourteen process starts: a few seconds each when the machine is busy, hence its own time limit.
  it("explains every command with --help", { timeout: 180_000 }, async () => {
    for (const command of [
      [],
      ["serve"],
      ["migrate"],
      ["demo"],
      ["demo", "accounts"],
      ["openapi"],
      ["access-log", "verify"],
      ["providers", "enforce"],
      ["privacy", "erase-expired"],
      ["import", "case"],
      ["import", "framework-csv"],
      ["mastery", "preview"],
      ["mastery", "fit-bkt"],
      ["export", "case"],
    ]) {
      const { code, stdout } = await cli(...command, "--help");
      expect(code, command.join(" ")).toBe(0);
      expect(stdout).toMatch(/^Usage: cairn/);
    }
  });

  it("loads the demo district as JSON, lists its accounts, and refuses to load it twice", async () => {
    const loaded = await cli("demo", "--students", "120", "--seed", "3", "--json");
    expect(loaded.code).toBe(0);
    const result = JSON.parse(loaded.stdout);
    expect(result.counts.students).toBe(120);
    expect(result.accounts.map((account: { role: string }) => account.role)).toContain("teacher");

    const listed = await cli("demo", "accounts", "--json");
    expect(listed.code).toBe(0);
    const accounts = JSON.parse(listed.stdout);
    const guardian = accounts.find((account: { role: string }) => account.role === "guardian");
    expect(guardian.email).toBe("lucia.martinez@maplewood.example");
    expect(guardian.password).toBe("cairn-demo");
    expect(guardian.linkedPersonIds).toHaveLength(2);

    const again = await cli("demo", "--students", "120");
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("already loaded");
  });

  it("refuses bad numbers with a clear message", async () => {
    const tooSmall = await cli("demo", "--students", "5", "--replace");
    expect(tooSmall.code).toBe(2);
    expect(tooSmall.stderr).toContain("at least 60 students");
    const notANumber = await cli("demo", "--students", "many");
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toContain('expected a whole number, got "many"');
  });

  it("verifies the access log chain", async () => {
    const { code, stdout } = await cli("access-log", "verify", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it("enforces agreement ends, with nothing to do on a fresh database", async () => {
    const json = await cli("providers", "enforce", "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    const text = await cli("providers", "enforce");
    expect(text.stdout).toContain("nothing to do");
  });

  it("reports the database as up to date after migrating", async () => {
    const { code, stdout } = await cli("migrate", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ migrated: true, database: "embedded" });
  });
});
