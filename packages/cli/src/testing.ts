import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const cairn = new URL("../bin/cairn.js", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The real `cairn` command in a child process, on its own embedded database in a fresh
 * folder, as an operator would run it.
 */
export function cliOnFreshDataDir(): { dataDir: string; cli(...args: string[]): Promise<CliRun>; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), "cairn-cli-"));
  return {
    dataDir,
    async cli(...args) {
      try {
        const { stdout, stderr } = await run(process.execPath, [cairn, ...args], {
          env: { ...process.env, CAIRN_DATA_DIR: dataDir, DATABASE_URL: "" },
          maxBuffer: 64 * 1024 * 1024,
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as CliRun;
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
