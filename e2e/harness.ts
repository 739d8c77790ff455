import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@cairn/core";
import { type DemoAccount, diskFileStore, listDemoAccounts } from "@cairn/db";
import { loadTestDemo, openTestDatabase, TEST_NOW, type TestDatabase } from "@cairn/db/testing";
import { buildApp, hashPassword } from "@cairn/server";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

function findBrowser(): string | undefined {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`e2e: CHROME_PATH is set to ${chosen}, which does not exist`);
    return chosen;
  }
  const found = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
  if (found) return found;
  if (process.env.CI) {
    throw new Error("e2e: no Chromium found (set CHROME_PATH); browser tests must not be skipped in CI");
  }
  const line = "!".repeat(78);
  console.warn(
    `\n${line}\n!!! e2e: NO CHROMIUM FOUND at $CHROME_PATH or /usr/bin/chromium.\n!!! THE BROWSER TESTS ARE SKIPPED. Install chromium or set CHROME_PATH.\n${line}\n`,
  );
  return undefined;
}

type App = Awaited<ReturnType<typeof buildApp>>;

/** The browser executable, or undefined (tests skipped, loudly) outside CI. */
export const browserPath = findBrowser();

export interface Harness {
  baseUrl: string;
  browser: Browser;
  database: TestDatabase;
  app: App;
  accounts: DemoAccount[];
  account(role: Role): DemoAccount;
  close(): Promise<void>;
}

/** One real server on an in-memory (or TEST_DATABASE_URL) database and one headless Chromium. */
export async function startHarness(): Promise<Harness> {
  if (!browserPath) throw new Error("startHarness called without a browser");
  const database = await openTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), "cairn-e2e-files-"));
  let app: App | undefined;
  let browser: Browser | undefined;
  try {
    await loadTestDemo(database, { students: 300, hashPassword });
    app = await buildApp({ database, logger: false, now: () => TEST_NOW, files: diskFileStore(filesDir) });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: browserPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const accounts = await listDemoAccounts(database.db, TEST_NOW);
    const started = { app, browser };
    return {
      baseUrl: address,
      browser,
      database,
      app,
      accounts,
      account(role) {
        const found = accounts.find((candidate) => candidate.role === role);
        if (!found) throw new Error(`no demo account with role ${role}`);
        return found;
      },
      async close() {
        await started.browser.close();
        await started.app.close();
        await database.destroy();
        rmSync(filesDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await app?.close();
    await database.destroy();
    throw error;
  }
}

/** A fresh browser context (own cookies and storage) with its first page. */
export async function newPage(
  harness: Harness,
  options: {
    language?: "en" | "es";
    /** The browser's clock set to the server's test day, for pages that offer "today" (e.g. as a date's default). */
    serverClock?: boolean;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: { width: 1280, height: 900 },
    // The app's Content-Security-Policy forbids inline scripts; axe is injected as one.
    bypassCSP: true,
  });
  if (options.language) {
    // As if the reader had chosen the language on this device before.
    await context.addInitScript(`window.localStorage.setItem("cairn.language", ${JSON.stringify(options.language)});`);
  }
  if (options.serverClock) await context.clock.setFixedTime(TEST_NOW);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the form, as a person would (in either language), and waits for the home page. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(account.email);
  await page.locator("#password").fill(account.password);
  await page.locator('main button[type="submit"]').click();
  await page.locator("header nav").waitFor();
  await waitForPage(page);
}

/** Waits until the page has its h1 and nothing is still loading. */
export async function waitForPage(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
}

/** A signed-in API client of its own, to compare what the page shows with what the API answers. */
export async function apiAs(harness: Harness, account: DemoAccount) {
  const response = await fetch(`${harness.baseUrl}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`API sign-in failed for ${account.email}: ${response.status}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return async function get<T>(path: string): Promise<T> {
    const answer = await fetch(`${harness.baseUrl}/api/v1${path}`, { headers: { cookie } });
    if (!answer.ok) throw new Error(`GET ${path} answered ${answer.status}`);
    return (await answer.json()) as T;
  };
}

/** Texts of the matched elements, trimmed, in page order. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((text) => text.trim());
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core with the WCAG 2.1 A and AA rules and returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => "axe" in window);
  if (!present) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
          .map(
            (node) => `    at ${JSON.stringify(node.target)}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`,
          )
          .join("\n")}`,
    )
    .join("\n");
}
