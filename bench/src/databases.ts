import { randomBytes } from "node:crypto";
import { type Database, openDatabase, redactUrl } from "@cairn/db";
import pg from "pg";
import { seconds } from "./stats";
import type { Json, Row } from "./suite";

export type DatabaseKind = "embedded" | "postgres";
export const DATABASE_KINDS: readonly DatabaseKind[] = ["embedded", "postgres"];

/** The PostgreSQL server fresh databases are made on; its own database is only used to create and drop them. */
export const POSTGRES_SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const DATABASE_DESCRIPTIONS: Record<DatabaseKind, string> = {
  embedded: "PGlite in memory (memory://), a fresh instance per run",
  postgres: `a fresh database cairn_bench_<random> on ${redactUrl(POSTGRES_SERVER_URL)}, dropped after the run`,
};

export interface FreshDatabase {
  database: Database;
  /** Seconds to open and migrate it (PGlite's initdb dominates the embedded figure). */
  openSeconds: number;
  destroy(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

let reachability: Promise<string | null> | undefined;

/** Null when PostgreSQL answers, else why it is skipped. Asked once per process. */
export function postgresSkipReason(): Promise<string | null> {
  reachability ??= withAdmin(async (client) => {
    await client.query("select 1");
    return null;
  }).catch(
    (error: unknown) =>
      `PostgreSQL unreachable at ${redactUrl(POSTGRES_SERVER_URL)}: ${error instanceof Error ? error.message : String(error)}`,
  );
  return reachability;
}

/** Databases made and not yet dropped, so an interrupted run can still drop them. */
const livePostgresNames = new Set<string>();

async function dropDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
  livePostgresNames.delete(name);
}

export async function dropLeftoverDatabases(): Promise<void> {
  for (const name of [...livePostgresNames]) await dropDatabase(name).catch(() => {});
}

/** A fresh, migrated, empty database of the given kind. */
export async function openFreshDatabase(kind: DatabaseKind): Promise<FreshDatabase> {
  const started = performance.now();
  if (kind === "embedded") {
    const database = await openDatabase({ dataDir: "memory://" });
    return { database, openSeconds: seconds(started), destroy: () => database.close() };
  }
  const name = `cairn_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  livePostgresNames.add(name);
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ url: url.toString() });
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
  return {
    database,
    openSeconds: seconds(started),
    async destroy() {
      try {
        await database.close();
      } finally {
        await dropDatabase(name);
      }
    },
  };
}

/**
 * Runs `measure` on each database kind and collects its figures by kind; a PostgreSQL that
 * cannot be reached is recorded as skipped, with the reason, in the figures and the table.
 */
export async function measureOnEachDatabase(
  benchmark: string,
  rows: Row[],
  measure: (kind: DatabaseKind) => Promise<Json>,
): Promise<Record<string, Json>> {
  const byKind: Record<string, Json> = {};
  for (const kind of DATABASE_KINDS) {
    const skip = kind === "postgres" ? await postgresSkipReason() : null;
    if (skip) {
      byKind[kind] = { skipped: skip };
      rows.push({ benchmark, database: kind, figure: "skipped", value: skip, runs: "-" });
      continue;
    }
    byKind[kind] = await measure(kind);
  }
  return byKind;
}
