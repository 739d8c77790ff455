// Runs the whole suite on the embedded database (PGlite) with the browser tests, then,
// when TEST_DATABASE_URL is set, every test that touches a database again on PostgreSQL.
import { spawnSync } from "node:child_process";

const vitest = (args, env) => {
  const result = spawnSync("npx", ["vitest", "run", ...args], { stdio: "inherit", env });
  return result.status ?? 1;
};

const postgresUrl = process.env.TEST_DATABASE_URL;
const embeddedEnv = { ...process.env };
delete embeddedEnv.TEST_DATABASE_URL;

console.log("\n== Test suite on the embedded database (PGlite), with browser tests");
const embedded = vitest([], embeddedEnv);

let postgres = 0;
if (postgresUrl) {
  console.log("\n== Database, API, CLI and browser tests again on PostgreSQL (TEST_DATABASE_URL)");
  postgres = vitest(["packages/db", "packages/server", "e2e"], process.env);
} else {
  console.log("\n== TEST_DATABASE_URL is not set: the PostgreSQL run is skipped (CI always sets it)");
}
process.exit(embedded !== 0 ? embedded : postgres);
