import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, demoEmail, type NamedPersonKey } from "@cairn/core";
import type { DatabaseKind } from "../../databases";
import { round } from "../../stats";
import type { Json } from "../../suite";
import { closedLoop, type LoadRequest } from "./http-load";
import type { LedgerRequest, ServerMessage } from "./ledger-shared";

/** Loading the 50,000-student demo with its evidence takes minutes on the embedded database. */
const START_TIMEOUT_S = 900;
const SERVER_MODULE = fileURLToPath(new URL("./ledger-server.ts", import.meta.url));

export interface LedgerServer {
  url: string;
  openSeconds: number;
  demoLoadSeconds: number;
  demoEvidence: number;
  /** Asks the server process to do something with its database; resolves with its answer. */
  call<T extends Json>(request: Exclude<LedgerRequest, { type: "stop" }>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the server process (fresh database, 50,000-student demo) and waits until it listens. */
export async function startLedgerServer(kind: DatabaseKind): Promise<LedgerServer> {
  const execArgv = process.execArgv.some((arg) => arg.includes("tsx")) ? process.execArgv : ["--import", "tsx"];
  const child: ChildProcess = fork(SERVER_MODULE, [kind], {
    execArgv: [...execArgv, "--max-old-space-size=8192"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (value: Json) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const ready = await new Promise<ServerMessage & { type: "ready" }>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      // It drops its database on SIGTERM; SIGKILL if it does not go.
      child.kill("SIGTERM");
      setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 30_000).unref();
      reject(new Error(`the server did not start within ${START_TIMEOUT_S} s`));
    }, START_TIMEOUT_S * 1000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before it was ready`));
    });
    child.once("message", (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.type === "ready") resolvePromise(message);
      else reject(new Error(`the server failed: ${message.type === "error" ? message.message : message.type}`));
    });
  });
  child.on("message", (message: ServerMessage) => {
    if (message.type !== "reply") return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiting?.resolve(message.result);
    else waiting?.reject(new Error(`the server failed: ${message.message}`));
  });
  child.on("exit", (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`the server exited with code ${code}`));
    pending.clear();
  });
  return {
    url: ready.url,
    openSeconds: ready.openSeconds,
    demoLoadSeconds: ready.demoLoadSeconds,
    demoEvidence: ready.demoEvidence,
    call<T extends Json>(request: Exclude<LedgerRequest, { type: "stop" }>) {
      const id = nextId++;
      return new Promise<T>((resolvePromise, reject) => {
        pending.set(id, { resolve: (value) => resolvePromise(value as T), reject });
        child.send({ ...request, id });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
      child.send({ type: "stop" });
      const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Signs a named demo account in and returns its session cookie. */
export async function signIn(url: string, who: NamedPersonKey): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: demoEmail(who), password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("cairn_session="));
  if (!cookie) throw new Error("sign-in set no cairn_session cookie");
  return cookie;
}

/**
 * One client, one request at a time, with the server's statement profile on: per request,
 * the wall time, the statements sent and the time spent waiting on them; the rest is the
 * server's own JavaScript (routing, validation, serialisation, the mastery functions).
 */
export async function profiledRun(
  server: LedgerServer,
  cookie: string,
  next: (client: number) => LoadRequest[],
  durationS: number,
): Promise<Record<string, Json>> {
  await server.call({ type: "profile", on: true });
  const cpuBefore = await server.call<{ cpu_us: number }>({ type: "cpu" });
  const run = await closedLoop({ url: server.url, cookie, concurrency: 1, durationS, next });
  const cpuAfter = await server.call<{ cpu_us: number }>({ type: "cpu" });
  const profile = await server.call<{ statements: number; ms: number; engine_ms: number | null; top: Json[] }>({
    type: "profile",
    on: false,
  });
  const requests = Math.max(1, run.groupMs.length);
  const wallMs = run.groupMs.reduce((sum, ms) => sum + ms, 0);
  return {
    clients: 1,
    requests: run.groupMs.length,
    mean_request_ms: round(wallMs / requests, 2),
    statements_per_request: round(profile.statements / requests, 1),
    // Summed over statements. PostgreSQL: from sent to answered (statements on different
    // connections overlap). Embedded: including the wait for its one connection.
    statement_ms_per_request: round(profile.ms / requests, 2),
    server_cpu_ms_per_request: round((cpuAfter.cpu_us - cpuBefore.cpu_us) / 1000 / requests, 2),
    // Embedded only: time inside the database engine, which runs in the server process.
    engine_ms_per_request: profile.engine_ms === null ? null : round(profile.engine_ms / requests, 2),
    top_statements: profile.top,
  };
}
