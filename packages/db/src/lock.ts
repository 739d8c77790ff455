import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CairnError } from "@cairn/core";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An embedded data folder may be opened by one process at a time: PGlite has no
 * multi-process locking of its own, and two writers would corrupt the folder.
 * Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, "cairn.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && isAlive(holder)) {
        throw new CairnError(
          "database_in_use",
          `database in use by process ${holder}: the embedded data folder ${dataDir} is open in another Cairn process; stop it first or use PostgreSQL (DATABASE_URL) to run several`,
        );
      }
      // The holder died without releasing: the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new CairnError("database_in_use", `could not lock ${lockPath}`);
}
