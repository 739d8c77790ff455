/**
 * A statement-level profile of the server's database traffic, for saying where an API
 * request's time goes: every statement the server sends is counted and timed. Installed in
 * the server process the first time a profile starts, by wrapping `pg.Query#submit` and its
 * completion (PostgreSQL) or the PGlite instance's `query`, `transaction` and protocol calls
 * (embedded); they stay installed, but while no profile is on they cost one check a
 * statement, so the latency figures measured between profiles are not affected.
 */
import type { Database } from "@cairn/db";
import pg from "pg";
import { round } from "../../stats";
import type { Json } from "../../suite";

interface Tally {
  count: number;
  ms: number;
}

const tallies = new Map<string, Tally>();
let active = false;
let engineMs = 0;
let installed = false;
let installedKind: Database["kind"] | null = null;

/** Statements grouped by their text with parameter lists folded, so `in ($1, $2)` and `in ($1)` are one. */
function shape(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\$\d+(\s*,\s*\$\d+)*/g, "$n")
    .trim()
    .slice(0, 160);
}

function record(text: string, started: number): void {
  if (!active) return;
  const key = shape(text);
  const tally = tallies.get(key) ?? { count: 0, ms: 0 };
  tally.count += 1;
  tally.ms += performance.now() - started;
  tallies.set(key, tally);
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * PostgreSQL: each statement is timed from when the driver sends it to when the server says
 * it is ready for the next (a connection's queue of statements sent together is not counted).
 */
function installPostgres(): void {
  type Timed = { text?: string; benchStarted?: number };
  const prototype = (pg as unknown as { Query: { prototype: Record<string, QueryFn> } }).Query.prototype;
  const submit = prototype.submit as QueryFn;
  prototype.submit = function (this: Timed, ...args: unknown[]) {
    if (active) this.benchStarted = performance.now();
    return submit.apply(this, args);
  };
  for (const name of ["handleReadyForQuery", "handleError"]) {
    const original = prototype[name] as QueryFn;
    prototype[name] = function (this: Timed, ...args: unknown[]) {
      if (this.benchStarted !== undefined) {
        record(this.text ?? "", this.benchStarted);
        this.benchStarted = undefined;
      }
      return original.apply(this, args);
    };
  }
}

function timedQuery(target: { query: QueryFn }): QueryFn {
  const original = target.query.bind(target);
  return async (...args: unknown[]) => {
    if (!active) return original(...args);
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      record(String(args[0]), started);
    }
  };
}

/**
 * Embedded: each statement is timed around PGlite's `query`, so it includes waiting for the
 * single connection; the engine's own time (its protocol calls) is summed apart as `engine_ms`.
 */
function installEmbedded(database: Database): void {
  const client = (
    database.db as unknown as {
      $client?: { query: QueryFn; transaction: QueryFn; execProtocolStream: QueryFn };
    }
  ).$client;
  if (!client) throw new Error("cannot reach the PGlite client to profile it");
  const protocol = client.execProtocolStream.bind(client);
  client.execProtocolStream = async (...args: unknown[]) => {
    if (!active) return protocol(...args);
    const started = performance.now();
    try {
      return await protocol(...args);
    } finally {
      engineMs += performance.now() - started;
    }
  };
  client.query = timedQuery(client);
  const transaction = client.transaction.bind(client);
  client.transaction = (work: unknown) =>
    transaction(async (tx: { query: QueryFn }) => {
      const started = performance.now();
      try {
        return await (work as (tx: unknown) => Promise<unknown>)({ ...tx, query: timedQuery(tx) });
      } finally {
        record("(transaction: BEGIN … COMMIT, wall)", started);
      }
    });
}

/** Starts counting (installing the wrappers the first time). */
export function startProfile(database: Database): void {
  if (!installed) {
    if (database.kind === "postgres") installPostgres();
    else installEmbedded(database);
    installed = true;
    installedKind = database.kind;
  }
  tallies.clear();
  engineMs = 0;
  active = true;
}

/** Stops counting and returns the statements, most total time first. */
export function stopProfile(): { statements: number; ms: number; engine_ms: number | null; top: Json[] } {
  active = false;
  const rows = [...tallies.entries()]
    .filter(([key]) => !key.startsWith("(transaction"))
    .sort(([, a], [, b]) => b.ms - a.ms);
  const transactions = tallies.get("(transaction: BEGIN … COMMIT, wall)");
  const top: Json[] = rows.slice(0, 15).map(([statement, tally]) => ({
    statement,
    count: tally.count,
    total_ms: round(tally.ms, 1),
    mean_ms: round(tally.ms / tally.count, 3),
  }));
  if (transactions)
    top.push({
      statement: "(embedded: whole transactions, wall)",
      count: transactions.count,
      total_ms: round(transactions.ms, 1),
      mean_ms: round(transactions.ms / transactions.count, 3),
    });
  return {
    statements: rows.reduce((sum, [, tally]) => sum + tally.count, 0),
    ms: round(
      rows.reduce((sum, [, tally]) => sum + tally.ms, 0),
      1,
    ),
    engine_ms: installedKind === "embedded" ? round(engineMs, 1) : null,
    top,
  };
}
