import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type BulkTransaction, toCopyCsv } from "./copy";
import { lockDataDir } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: "embedded" | "postgres";
  /** Where the data lives, safe to print (no password). */
  location: string;
  db: Db;
  migrate(): Promise<void>;
  /** Runs `work` in one transaction in which rows are bulk-loaded with COPY. */
  bulkLoad<T>(work: (tx: BulkTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; defaults to DATABASE_URL. When set, the embedded database is not used. */
  url?: string;
  /** The embedded data folder; defaults to CAIRN_DATA_DIR, then ./data. "memory://" keeps it in memory. */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const database = url
    ? openPostgres(url)
    : await openEmbedded(options.dataDir ?? process.env.CAIRN_DATA_DIR ?? "./data");
  if (options.migrate ?? true) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.CAIRN_POOL_SIZE ?? 10) });
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: "postgres",
    location: redactUrl(url),
    db,
    migrate: () => migrateNodePg(drizzleNodePg({ client: pool, schema }), { migrationsFolder }),
    async bulkLoad(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const copy: BulkTransaction["copy"] = async (table, columns, rows) => {
          const csv = toCopyCsv(rows);
          if (csv === "") return;
          const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`));
          await new Promise<void>((resolvePromise, reject) => {
            stream.on("finish", resolvePromise);
            stream.on("error", reject);
            stream.end(csv);
          });
        };
        const exec: BulkTransaction["exec"] = async (statement, params) => {
          await client.query(statement, params);
        };
        const query: BulkTransaction["query"] = async (statement, params) =>
          (await client.query(statement, params)).rows;
        const result = await work({ copy, exec, query });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => {
      // Connections dropped after close (e.g. by `drop database … with (force)` in tests) are expected.
      pool.on("error", () => {});
      return pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const inMemory = dataDir === "memory://";
  let release = () => {};
  let location = "memory";
  if (!inMemory) {
    location = resolve(dataDir);
    mkdirSync(location, { recursive: true });
    release = lockDataDir(location);
  }
  let client: PGlite;
  try {
    client = inMemory ? new PGlite() : new PGlite(resolve(location, "pg"));
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: "embedded",
    location,
    db,
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    bulkLoad: (work) =>
      client.transaction((tx) =>
        work({
          async copy(table, columns, rows) {
            const csv = toCopyCsv(rows);
            if (csv === "") return;
            await tx.query(`COPY ${table} (${columns.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob([csv]),
            });
          },
          async exec(statement, params) {
            await tx.query(statement, params);
          },
          async query<Row>(statement: string, params?: unknown[]) {
            return (await tx.query<Row>(statement, params)).rows;
          },
        }),
      ),
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
