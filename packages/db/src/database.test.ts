import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { school, state } from "./schema";

const run = promisify(execFile);
const cairn = new URL("../../cli/bin/cairn.js", import.meta.url).pathname;
const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(join(tmpdir(), "cairn-db-"));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("openDatabase (embedded)", () => {
  it("creates, migrates and reopens a data folder, keeping what was written", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir, url: "" });
    expect(first.kind).toBe("embedded");
    await first.db.insert(state).values({ code: "ZZ", name: "Testland" });
    await first.close();
    const second = await openDatabase({ dataDir, url: "" });
    const [row] = await second.db.select({ n: count() }).from(state);
    expect(row?.n).toBe(1);
    const [schools] = await second.db.select({ n: count() }).from(school);
    expect(schools?.n).toBe(0);
    await second.close();
  });

  it("refuses a second opener in the same process with 'database in use'", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir, url: "" });
    await expect(openDatabase({ dataDir, url: "" })).rejects.toMatchObject({
      code: "database_in_use",
      message: expect.stringContaining(`database in use by process ${process.pid}`),
    });
    await first.close();
  });

  it("gives another process a clear error and exit code 3 while the folder is open", async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir, url: "" });
    const failure = await run(process.execPath, [cairn, "migrate"], {
      env: { ...process.env, CAIRN_DATA_DIR: dataDir, DATABASE_URL: "" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 3 });
    expect((failure as { stderr: string }).stderr).toContain(`database in use by process ${process.pid}`);
    await first.close();
  });

  it("takes over a lock left by a process that died", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "cairn.lock"), "999999999");
    const database = await openDatabase({ dataDir, url: "" });
    expect(database.kind).toBe("embedded");
    await database.close();
  });
});
