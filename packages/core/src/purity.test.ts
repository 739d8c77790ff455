import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** The functional core may import only itself and these pure libraries (Ajv only validates JSON against a schema). */
const ALLOWED = [/^\.\.?\//, /^zod$/, /^pure-rand\//, /^@noble\/hashes\//, /^ajv(-formats)?(\/|$)/];
const root = new URL(".", import.meta.url).pathname;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("packages/core", () => {
  it("imports nothing that does I/O", () => {
    const offending: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/^\s*(?:import|export)\s[^"']*?from\s+["']([^"']+)["']/gm)) {
        const specifier = match[1] ?? "";
        if (!ALLOWED.some((pattern) => pattern.test(specifier)))
          offending.push(`${relative(root, file)}: ${specifier}`);
      }
      for (const banned of ["process.", "Date.now(", "new Date()", "Math.random(", "fetch("]) {
        if (text.includes(banned)) offending.push(`${relative(root, file)}: uses ${banned}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
