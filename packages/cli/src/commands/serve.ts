import { CairnError } from "@cairn/core";
import { deleteExpiredSessions, listDemoAccounts, openDatabase, schema } from "@cairn/db";
import { buildApp } from "@cairn/server";
import type { Command } from "commander";
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_STUDENTS, formatAccounts, loadDemo } from "./demo";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("Serve the API and the web app. On an empty embedded database, loads the demo district first.")
    .option("--port <port>", "port to listen on (or PORT)", process.env.PORT ?? "3000")
    .option(
      "--host <host>",
      "address to listen on (or HOST); 0.0.0.0 to listen on every interface",
      process.env.HOST ?? "127.0.0.1",
    )
    .option("--no-demo", "do not load the demo district into an empty embedded database")
    .action(async (options: { port: string; host: string; demo: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CairnError("validation", `invalid port "${options.port}": expected a number from 0 to 65535`);
      }
      const database = await openDatabase();
      try {
        if (database.kind === "embedded" && options.demo) {
          const districts = await database.db.select({ id: schema.district.id }).from(schema.district).limit(1);
          if (districts.length === 0) {
            process.stderr.write(
              `First start on an empty embedded database (${database.location}): loading the demo district.\n`,
            );
            await loadDemo(database, { students: DEFAULT_DEMO_STUDENTS, seed: DEFAULT_DEMO_SEED, replace: false });
          }
        }
        await deleteExpiredSessions(database.db, new Date());
        const app = await buildApp({ database, secureCookies: process.env.CAIRN_SECURE_COOKIES === "1" });
        const shutdown = async () => {
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once("SIGINT", shutdown);
        process.once("SIGTERM", shutdown);
        await app.listen({ port, host: options.host });
        const accounts = await listDemoAccounts(database.db, new Date());
        const shown = options.host === "0.0.0.0" ? "localhost" : options.host;
        process.stdout.write(
          `\nCairn is serving http://${shown}:${port} on the ${database.kind} database at ${database.location}\n${accounts.length > 0 ? formatAccounts(accounts) : ""}`,
        );
      } catch (error) {
        await database.close();
        throw error;
      }
    });
}
