import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** Where attachment bytes live. Small on purpose, so a district can put them in object storage instead of on disk. */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Removes a file, or every file under a prefix ending in "/"; nothing there is not an error. */
  remove(keyOrPrefix: string): Promise<void>;
}

/** Keys are made by Cairn (ids joined by "/"), never from user input; this refuses anything else. */
function safePath(root: string, key: string): string {
  if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*\/?$/.test(key)) throw new Error(`not a file-store key: ${key}`);
  return join(root, key);
}

/** Files under a folder: CAIRN_FILES_DIR, else `files` beside the embedded database's folder. */
export function diskFileStore(root: string): FileStore {
  const base = resolve(root);
  return {
    async put(key, bytes) {
      const path = safePath(base, key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      await writeFile(`${path}.partial`, bytes);
      await rename(`${path}.partial`, path);
    },
    async get(key) {
      try {
        return await readFile(safePath(base, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(keyOrPrefix) {
      await rm(safePath(base, keyOrPrefix), { recursive: true, force: true });
    },
  };
}

export function defaultFilesDir(): string {
  if (process.env.CAIRN_FILES_DIR) return process.env.CAIRN_FILES_DIR;
  const dataDir = process.env.CAIRN_DATA_DIR ?? "./data";
  // An in-memory database keeps its files in a temporary folder, gone with the machine's temp.
  return dataDir === "memory://" ? join(tmpdir(), "cairn-files") : join(dataDir, "files");
}

/** Where a student's attachment is kept: under the student, so erasure can remove them all at once. */
export function attachmentKey(studentId: string, attachmentId: string): string {
  return `students/${studentId}/${attachmentId}`;
}

export function studentFilesPrefix(studentId: string): string {
  return `students/${studentId}/`;
}
