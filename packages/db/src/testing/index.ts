import { randomBytes } from "node:crypto";
import type { Role, Viewer } from "@cairn/core";
import pg from "pg";
import { loadViewer } from "../auth/viewer";
import type { DbContext } from "../context";
import { type Database, openDatabase } from "../database";
import { type DemoAccount, listDemoAccounts } from "../demo/demo-accounts";
import { loadDemoDistrict } from "../demo/load-demo";

export interface TestDatabase extends Database {
  /** Closes the connection and drops the database made for the test. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL, dropped afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: "memory://" });
    return { ...database, destroy: () => database.close() };
  }
  const name = `cairn_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async destroy() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A fast stand-in for argon2 in tests that only need rows, not real sign-in. */
export const plainTestHash = async (password: string) => `test$${password}`;

export const TEST_SCHOOL_YEAR = 2026;
/** A date inside the demo's school year, so "current term" rules hold in tests. */
export const TEST_NOW = new Date("2026-11-02T15:00:00Z");

export async function loadTestDemo(
  database: Database,
  options: { students?: number; seed?: number; hashPassword?: (password: string) => Promise<string> } = {},
) {
  return loadDemoDistrict(database, {
    students: options.students ?? 300,
    seed: options.seed ?? 7,
    schoolYear: TEST_SCHOOL_YEAR,
    hashPassword: options.hashPassword ?? plainTestHash,
    // The demo's semester of evidence ends at "now": the tests' fixed day, not the real clock.
    now: TEST_NOW,
  });
}

export function contextFor(database: Database, viewer: Viewer, now: Date = TEST_NOW): DbContext {
  return { db: database.db, viewer, now };
}

/** A test file's own database with the demo district loaded, and its named accounts ready to act as. */
export interface DemoTestBed {
  database: TestDatabase;
  /** The demo's named accounts, listed at TEST_NOW. */
  accounts: DemoAccount[];
  /** The named account of a role; throws if the demo has none. */
  account(role: Role): DemoAccount;
  /** The viewer of a role's named account, as loaded when the bed was opened. */
  viewer(role: Role): Viewer & { kind: "person" };
  /** A context acting as a role's named account. */
  ctx(role: Role, now?: Date): DbContext;
  destroy(): Promise<void>;
}

/**
 * A fresh test database (see openTestDatabase) with the demo district loaded, its named
 * accounts listed and a viewer loaded for each. Nothing is shared between calls.
 */
export async function openDemoTestBed(options: { students?: number; seed?: number } = {}): Promise<DemoTestBed> {
  const database = await openTestDatabase();
  const accounts: DemoAccount[] = [];
  const viewers = new Map<string, Viewer & { kind: "person" }>();
  try {
    await loadTestDemo(database, options);
    accounts.push(...(await listDemoAccounts(database.db, TEST_NOW)));
    for (const { personId } of accounts) viewers.set(personId, await loadViewer(database.db, personId));
  } catch (error) {
    // The caller never gets the bed to destroy, so drop the database here.
    await database.destroy();
    throw error;
  }
  const account = (role: Role) => {
    const found = accounts.find((candidate) => candidate.role === role);
    if (!found) throw new Error(`the demo has no account for ${role}`);
    return found;
  };
  const viewer = (role: Role) => viewers.get(account(role).personId) as Viewer & { kind: "person" };
  return {
    database,
    accounts,
    account,
    viewer,
    ctx: (role, now = TEST_NOW) => contextFor(database, viewer(role), now),
    destroy: () => database.destroy(),
  };
}
