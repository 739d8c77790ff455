import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, demoEmail } from "@cairn/core";
import autocannon, { type AutocannonOptions } from "autocannon";
import { DATABASE_DESCRIPTIONS, type DatabaseKind, measureOnEachDatabase } from "../../databases";
import { quantile, round } from "../../stats";
import { type Benchmark, type Json, progress, type Row } from "../../suite";
import { API_DEMO_STUDENTS, type ServerMessage } from "./api-shared";

const SERVER_MODULE = fileURLToPath(new URL("./api-server.ts", import.meta.url));
const TEACHER = { email: demoEmail("teacher"), password: DEMO_PASSWORD };
const WARMUP_S = 1;

interface Scenario {
  key: string;
  label: string;
  connections: number;
  durationS: number;
  request: (base: Session) => Pick<AutocannonOptions, "method" | "headers" | "body"> & { path: string };
}

interface Session {
  cookie: string;
  sectionId: string;
}

const SCENARIOS: Scenario[] = [
  {
    key: "sign_in",
    label: "POST /auth/sign-in (argon2id)",
    connections: 4,
    durationS: 6,
    request: () => ({
      path: "/api/v1/auth/sign-in",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(TEACHER),
    }),
  },
  {
    key: "me",
    label: "GET /me",
    connections: 10,
    durationS: 5,
    request: ({ cookie }) => ({ path: "/api/v1/me", headers: { cookie } }),
  },
  {
    key: "sections",
    label: "GET /sections",
    connections: 10,
    durationS: 5,
    request: ({ cookie }) => ({ path: "/api/v1/sections", headers: { cookie } }),
  },
  {
    key: "roster",
    label: "GET /sections/:id (roster)",
    connections: 10,
    durationS: 5,
    request: ({ cookie, sectionId }) => ({ path: `/api/v1/sections/${sectionId}`, headers: { cookie } }),
  },
];

/** Starts the server process and waits for its address. */
function startServer(kind: DatabaseKind): Promise<{ child: ChildProcess; ready: ServerMessage & { type: "ready" } }> {
  const execArgv = process.execArgv.some((arg) => arg.includes("tsx")) ? process.execArgv : ["--import", "tsx"];
  const child = fork(SERVER_MODULE, [kind], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 120 s")), 120_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before it was ready`));
    });
    child.once("message", (message: ServerMessage) => {
      clearTimeout(timer);
      if (message.type === "ready") resolvePromise({ child, ready: message });
      else reject(new Error(`the server failed: ${message.message}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once("exit", () => resolvePromise()));
  child.send({ type: "stop" });
  const timeout = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timeout);
}

async function signIn(url: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(TEACHER),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("cairn_session="));
  if (!cookie) throw new Error("sign-in set no cairn_session cookie");
  const sections = await fetch(`${url}/api/v1/sections`, { headers: { cookie } });
  const body = (await sections.json()) as { sections?: { id: string }[] };
  const sectionId = body.sections?.[0]?.id;
  if (!sectionId) throw new Error(`the teacher has no sections (${sections.status})`);
  return { cookie, sectionId };
}

interface LoadFigures {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  req_s: number;
  requests: number;
  non_2xx: number;
  errors: number;
  connections: number;
  duration_s: number;
  runs: number;
}

async function loadRun(url: string, session: Session, scenario: Scenario, durationS: number): Promise<LoadFigures> {
  const { path, ...request } = scenario.request(session);
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: `${url}${path}`,
    connections: scenario.connections,
    duration: durationS,
    timeout: 30,
    ...request,
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else non2xx += 1;
  });
  const result = await instance;
  return {
    p50_ms: round(quantile(latencies, 0.5), 2),
    p95_ms: round(quantile(latencies, 0.95), 2),
    p99_ms: round(quantile(latencies, 0.99), 2),
    req_s: round(latencies.length / result.duration, 1),
    requests: latencies.length,
    non_2xx: non2xx,
    errors: result.errors + result.timeouts,
    connections: scenario.connections,
    duration_s: result.duration,
    runs: 1,
  };
}

async function measureOn(kind: DatabaseKind, rows: Row[]): Promise<Record<string, Json>> {
  progress(`api-latency ${kind}: starting the server with a ${API_DEMO_STUDENTS}-student demo`);
  const { child, ready } = await startServer(kind);
  try {
    const session = await signIn(ready.url);
    const figures: Record<string, Json> = {};
    for (const scenario of SCENARIOS) {
      await loadRun(ready.url, session, scenario, WARMUP_S);
      progress(`api-latency ${kind}: ${scenario.label}, ${scenario.connections} connections, ${scenario.durationS} s`);
      const figure = await loadRun(ready.url, session, scenario, scenario.durationS);
      if (figure.requests === 0)
        throw new Error(`${scenario.label}: no successful responses (${figure.non_2xx} non-2xx)`);
      figures[scenario.key] = { ...figure };
      const problems = figure.non_2xx + figure.errors > 0 ? `, ${figure.non_2xx} non-2xx, ${figure.errors} errors` : "";
      rows.push({
        benchmark: "api-latency",
        database: kind,
        figure: `${scenario.label} ×${scenario.connections}`,
        value: `p50 ${figure.p50_ms.toFixed(1)} ms, p95 ${figure.p95_ms.toFixed(1)} ms, ${figure.req_s} req/s${problems}`,
        runs: `1 (${figure.requests} req)`,
      });
    }
    return figures;
  } finally {
    await stopServer(child);
  }
}

export const apiLatency: Benchmark = {
  name: "api-latency",
  description: "Latency and throughput of sign-in and the teacher's home-page API under concurrent loopback load",
  async run() {
    const rows: Row[] = [];
    const byKind = await measureOnEachDatabase("api-latency", rows, (kind) => measureOn(kind, rows));
    return {
      settings: {
        databases: { ...DATABASE_DESCRIPTIONS },
        demo_students: API_DEMO_STUDENTS,
        server: "buildApp({ logger: false }) in a child process listening on 127.0.0.1, port 0",
        load: "autocannon in the bench process, keep-alive connections, per-request latency of 2xx responses",
        warmup_s: WARMUP_S,
        viewer: `${TEACHER.email} (session cookie from one sign-in); roster = the teacher's first section`,
        scenarios: SCENARIOS.map(({ key, label, connections, durationS }) => ({
          key,
          label,
          connections,
          duration_s: durationS,
        })),
      },
      figures: { api_latency: byKind },
      rows,
    };
  },
};
