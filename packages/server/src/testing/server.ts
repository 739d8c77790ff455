import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DemoAccount, diskFileStore, listDemoAccounts } from "@cairn/db";
import { loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "@cairn/db/testing";
import { buildApp } from "../app";
import { hashPassword } from "../auth/password";

export interface TestServer {
  baseUrl: string;
  database: TestDatabase;
  /** Where this server keeps attachments. */
  filesDir: string;
  accounts: DemoAccount[];
  account(role: DemoAccount["role"]): DemoAccount;
  /** Signs in over HTTP and returns the session cookie to send back. */
  signIn(who: DemoAccount["role"] | DemoAccount): Promise<string>;
  get(path: string, cookie?: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real server on a loopback port over a fresh database with a small demo district,
 * for tests that speak HTTP to it as a browser would.
 */
export async function startTestServer(
  options: { students?: number; now?: () => Date; logs?: { write(line: string): void } } = {},
): Promise<TestServer> {
  const database = await openTestDatabase();
  await loadTestDemo(database, { students: options.students ?? 300, hashPassword });
  const filesDir = mkdtempSync(join(tmpdir(), "cairn-files-"));
  const app = await buildApp({
    database,
    files: diskFileStore(filesDir),
    logger: options.logs ? { level: "warn", stream: options.logs } : false,
    now: options.now ?? (() => TEST_NOW),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const accounts = await listDemoAccounts(database.db, TEST_NOW);
  const account = (role: DemoAccount["role"]) => {
    const found = accounts.find((candidate) => candidate.role === role);
    if (!found) throw new Error(`no demo account for ${role}`);
    return found;
  };
  return {
    baseUrl,
    database,
    filesDir,
    accounts,
    account,
    async signIn(who) {
      const { email, password } = typeof who === "string" ? account(who) : who;
      const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
      const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
      if (!cookie) throw new Error("no session cookie");
      return cookie;
    },
    get: (path, cookie) => fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} }),
    async close() {
      await app.close();
      await database.destroy();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
