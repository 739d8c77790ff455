/**
 * A closed-loop HTTP load: `concurrency` clients, each sending its next request (or group
 * of requests sent together, as a page does) as soon as the previous one is answered, over
 * keep-alive connections, for a fixed time. Unlike autocannon's fixed request list, every
 * request can differ (another student, another body), so concurrent writes do not queue
 * on one student's lock and reads do not hit one cached row.
 */
import { Agent, request as httpRequest } from "node:http";
import { quantile, round } from "../../stats";
import type { Json } from "../../suite";

export interface LoadRequest {
  /** What the request is called in the per-route figures. */
  route: string;
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface LoadRun {
  /** Milliseconds per group, from sending the first request to the last answer. */
  groupMs: number[];
  /** Milliseconds per request, by route. */
  routeMs: Map<string, number[]>;
  seconds: number;
  groups: number;
  failures: number;
  firstFailure: string | null;
}

interface Answer {
  status: number;
  ms: number;
  body: string;
}

function send(agent: Agent, base: URL, cookie: string, request: LoadRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string | number> = { cookie };
    if (request.body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = Buffer.byteLength(request.body);
    }
    const outgoing = httpRequest(
      { host: base.hostname, port: base.port, path: request.path, method: request.method, agent, headers },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (status >= 300) chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status, ms: performance.now() - started, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

export async function closedLoop(options: {
  url: string;
  cookie: string;
  concurrency: number;
  durationS: number;
  /** The next request (or group) for client number `client` (0 … concurrency − 1). */
  next: (client: number) => LoadRequest[];
}): Promise<LoadRun> {
  const base = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency * 4 });
  const run: LoadRun = {
    groupMs: [],
    routeMs: new Map(),
    seconds: 0,
    groups: 0,
    failures: 0,
    firstFailure: null,
  };
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  const client = async (_: unknown, clientIndex: number) => {
    while (performance.now() < deadline) {
      const group = options.next(clientIndex);
      const groupStarted = performance.now();
      const answers = await Promise.all(
        group.map((request) =>
          send(agent, base, options.cookie, request).catch(
            (error: unknown): Answer => ({ status: 0, ms: 0, body: String(error) }),
          ),
        ),
      );
      const groupMs = performance.now() - groupStarted;
      const failed = answers.find((answer) => answer.status < 200 || answer.status >= 300);
      if (failed) {
        run.failures += 1;
        run.firstFailure ??= `${failed.status} ${failed.body.slice(0, 300)}`;
        continue;
      }
      run.groups += 1;
      run.groupMs.push(groupMs);
      answers.forEach((answer, index) => {
        const route = group[index]?.route ?? "?";
        const samples = run.routeMs.get(route) ?? [];
        samples.push(answer.ms);
        run.routeMs.set(route, samples);
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  run.seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return run;
}

/** p50/p95/p99 of some milliseconds, rounded for the results file. */
export function latencyFigures(samples: readonly number[]): { p50_ms: number; p95_ms: number; p99_ms: number } {
  return {
    p50_ms: round(quantile(samples, 0.5), 2),
    p95_ms: round(quantile(samples, 0.95), 2),
    p99_ms: round(quantile(samples, 0.99), 2),
  };
}

export function perRoute(runs: readonly LoadRun[]): Record<string, Json> {
  const routes = new Set(runs.flatMap((run) => [...run.routeMs.keys()]));
  return Object.fromEntries(
    [...routes].map((route) => {
      const samples = runs.flatMap((run) => run.routeMs.get(route) ?? []);
      return [route, { ...latencyFigures(samples), requests: samples.length }];
    }),
  );
}
