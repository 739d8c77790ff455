/**
 * The server under load, in its own process so the load generator does not share its event
 * loop: opens a fresh database, loads the 1,500-student demo, listens on 127.0.0.1 (port 0)
 * and reports its address to the parent. On "stop" it closes and drops the database.
 */
import { loadDemoDistrict } from "@cairn/db";
import { buildApp, hashPassword } from "@cairn/server";
import { type DatabaseKind, dropLeftoverDatabases, openFreshDatabase } from "../../databases";
import { seconds } from "../../stats";
import { DEMO_SEED, schoolYearOf } from "../../suite";
import { API_DEMO_STUDENTS, type ServerMessage } from "./api-shared";

async function main() {
  const kind = process.argv[2] as DatabaseKind;
  const send = (message: ServerMessage) => process.send?.(message);
  const fresh = await openFreshDatabase(kind);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await app?.close();
      await fresh.destroy();
    } finally {
      await dropLeftoverDatabases();
      process.exit(code);
    }
  };
  process.on("message", (message: { type?: string }) => {
    if (message.type === "stop") void stop(0);
  });
  process.on("disconnect", () => void stop(0));
  try {
    const started = performance.now();
    await loadDemoDistrict(fresh.database, {
      students: API_DEMO_STUDENTS,
      seed: DEMO_SEED,
      schoolYear: schoolYearOf(new Date()),
      hashPassword,
    });
    const loadSeconds = seconds(started);
    app = await buildApp({ database: fresh.database, logger: false });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    send({ type: "ready", url, openSeconds: fresh.openSeconds, loadSeconds });
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await stop(1);
  }
}

await main();
