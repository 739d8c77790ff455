import { afterAll, describe, expect, it } from "vitest";
import { cliOnFreshDataDir } from "../testing";

const { cli, remove } = cliOnFreshDataDir();
afterAll(remove);

describe("cairn privacy erase-expired", () => {
  it("lists nothing to erase on a database without exited students, as JSON", async () => {
    const { code, stdout } = await cli("privacy", "erase-expired", "--dry-run", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ dryRun: true, count: 0, students: [] });
  });

  it("refuses to erase without --yes, saying what would be lost (exit 2)", async () => {
    const { code, stderr } = await cli("privacy", "erase-expired");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--yes/);
  });

  it("erases with --yes and says there was nothing to do", async () => {
    const { code, stdout } = await cli("privacy", "erase-expired", "--yes");
    expect(code).toBe(0);
    expect(stdout).toMatch(/nothing to erase/);
  });
});
