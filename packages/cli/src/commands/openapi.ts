import { writeFileSync } from "node:fs";
import { openDatabase } from "@cairn/db";
import { buildApp } from "@cairn/server";
import type { Command } from "commander";

/** The OpenAPI document, generated from the routes' zod schemas. */
export async function renderOpenApi(): Promise<string> {
  const database = await openDatabase({ dataDir: "memory://", migrate: false });
  try {
    const app = await buildApp({ database, logger: false, webRoot: "/nonexistent" });
    const document = app.swagger();
    await app.close();
    return `${JSON.stringify(document, null, 2)}\n`;
  } finally {
    await database.close();
  }
}

export function registerOpenApi(program: Command): void {
  program
    .command("openapi")
    .description("Print (or write) the OpenAPI document of the API")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (options: { out?: string }) => {
      const document = await renderOpenApi();
      if (options.out) writeFileSync(options.out, document);
      else process.stdout.write(document);
    });
}
