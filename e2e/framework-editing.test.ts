import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, es } from "../packages/web/src/i18n/messages";
import {
  browserPath,
  describeViolations,
  type Harness,
  newPage,
  runAxe,
  signIn,
  startHarness,
  texts,
  waitForPage,
} from "./harness";

const TOP_CODES = ".item-tree > li > .item-link .item-code";

describe.skipIf(!browserPath)("a district admin builds a framework from nothing", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("creates it, adds and reorders items, sets a scale, attaches a work sample and a rubric, and publishes", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("district_admin"));
      await page.getByRole("link", { name: en["framework.nav"] }).click();
      await waitForPage(page);
      await page.getByLabel(en["framework.new.name"]).fill("Science practices");
      await page.getByLabel(en["framework.new.version"]).fill("1");
      await page.getByRole("button", { name: en["framework.new.submit"] }).click();
      await page.waitForURL((url) => /\/frameworks\/[0-9a-f-]+$/.test(url.pathname));
      await page.locator("main h1").filter({ hasText: "Science practices" }).waitFor();
      await page.getByText(en["framework.draftNote"]).waitFor();

      // Three items (one by mistake), entered one after the other: the code field takes the focus again.
      const code = page.getByLabel(en["framework.addItem.code"]);
      for (const [itemCode, statement] of [
        ["SCI.1", "Asks questions that can be investigated"],
        ["SCI.2", "Plans and carries out investigations"],
        ["SCI.9", "An item added by mistake"],
      ]) {
        await code.fill(itemCode as string);
        await page.getByLabel(en["framework.addItem.statement"]).fill(statement as string);
        await page.getByRole("button", { name: en["framework.addItem.submit"] }).click();
        await page
          .getByRole("status")
          .filter({ hasText: `Added ${itemCode}.` })
          .waitFor();
        expect(await code.evaluate((element) => element === document.activeElement)).toBe(true);
      }
      expect(await texts(page, TOP_CODES)).toEqual(["SCI.1", "SCI.2", "SCI.9"]);

      // Reordered by keyboard: the focus stays with the moved item.
      await page.getByRole("button", { name: "Move up SCI.2" }).press("Enter");
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.textContent?.trim() === "SCI.2",
        TOP_CODES,
      );
      expect(await texts(page, TOP_CODES)).toEqual(["SCI.2", "SCI.1", "SCI.9"]);
      await page.waitForFunction(() => document.activeElement?.textContent === "Move down SCI.2");

      // A three-level scale: first with values that do not rise (refused, the problem located), then sound.
      await page.getByRole("button", { name: "Remove level 4" }).click();
      await page.getByLabel("Label of level 2").fill("Secure");
      await page.getByLabel("Value of level 3").fill("1");
      await page.getByLabel(en["framework.scale.masteryLevel"]).selectOption("2");
      await page.getByRole("button", { name: en["framework.scale.save"] }).click();
      const refused = page.getByRole("alert").filter({ hasText: "levels.2.value" });
      await refused.waitFor();
      await page.getByLabel("Value of level 3").fill("3");
      await page.getByRole("button", { name: en["framework.scale.save"] }).click();
      await page.getByRole("status").filter({ hasText: en["framework.scale.saved"] }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll("table.scale-table tbody tr").length === 3);
      expect(await texts(page, "table.scale-table tbody th")).toEqual(["Beginning", "Secure", "Proficient"]);
      const frameworkProblems = await runAxe(page);
      expect(frameworkProblems, describeViolations(frameworkProblems)).toEqual([]);
      const frameworkUrl = page.url();

      // The item added by mistake goes.
      await page.getByRole("link", { name: /^SCI\.9 / }).click();
      await waitForPage(page);
      await page.getByRole("button", { name: en["item.delete"] }).click();
      await page.getByRole("button", { name: en["item.delete.yes"] }).click();
      await page.waitForURL(frameworkUrl);
      await page.getByRole("button", { name: "Move up SCI.1" }).waitFor();
      expect(await texts(page, TOP_CODES)).toEqual(["SCI.2", "SCI.1"]);

      // A work sample at a level of the scale, and a rubric made from the scale.
      await page.getByRole("link", { name: /^SCI\.1 / }).click();
      await waitForPage(page);
      await page.getByLabel(en["item.samples.sampleTitle"]).fill("Question log");
      await page.getByLabel(en["item.samples.uri"]).fill("https://samples.example.org/question-log");
      await page.getByLabel(en["item.samples.levelField"]).selectOption("2");
      await page.getByRole("button", { name: en["item.samples.submit"] }).click();
      const sample = page.getByRole("link", { name: "Question log" });
      await sample.waitFor();
      expect(await sample.getAttribute("rel")).toBe("noreferrer");
      expect(await texts(page, "#samples-heading ~ div h3")).toEqual(["Secure (level 2)"]);

      await page.getByLabel(en["item.rubric.titleField"]).fill("Questioning rubric");
      await page.getByRole("button", { name: en["item.rubric.make"] }).click();
      await page.getByRole("heading", { name: `${en["item.rubric"]}: Questioning rubric` }).waitFor();
      expect(await texts(page, "section table tbody th")).toEqual(["Beginning", "Secure", "Proficient"]);
      const itemProblems = await runAxe(page);
      expect(itemProblems, describeViolations(itemProblems)).toEqual([]);

      // Placed under the other item: the page says what it is part of.
      const parentSelect = page.getByLabel(en["item.moveUnder"]);
      const sci2 = await parentSelect.locator("option", { hasText: "SCI.2" }).getAttribute("value");
      await parentSelect.selectOption(sci2 ?? "");
      await page.getByRole("button", { name: en["item.moveUnder.submit"], exact: true }).click();
      await page.getByRole("status").filter({ hasText: en["item.moveUnder.moved"] }).waitFor();
      await page.locator("dl.facts a", { hasText: /^SCI\.2 / }).waitFor();

      // The editors in Spanish too.
      await page.getByRole("button", { name: "Español" }).click();
      await page.getByRole("button", { name: es["item.delete"] }).waitFor();
      const spanishItem = await runAxe(page);
      expect(spanishItem, describeViolations(spanishItem)).toEqual([]);
      await page.getByRole("link", { name: /^Volver a / }).click();
      await page.getByRole("button", { name: es["framework.scale.save"] }).waitFor();
      const spanishFramework = await runAxe(page);
      expect(spanishFramework, describeViolations(spanishFramework)).toEqual([]);
      await page.getByRole("button", { name: "English" }).click();

      await page.getByRole("button", { name: en["framework.publish"] }).click();
      await page.locator(".badge-published").waitFor();
      expect(await page.getByRole("button", { name: /^Move / }).count()).toBe(0);
      expect(await page.getByLabel(en["framework.addItem.statement"]).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
