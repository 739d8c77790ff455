import { everyFeaturePackage, syntheticPackage } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import { browserPath, type Harness, newPage, runAxe, signIn, startHarness, texts, waitForPage } from "./harness";

describe.skipIf(!browserPath)("browsing the demo district's math framework", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("a teacher finds a skill, reads its prerequisites on the map, and follows one by keyboard", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("teacher"));
      await page.getByRole("link", { name: en["framework.nav"] }).click();
      await waitForPage(page);
      await page.getByRole("link", { name: "Mathematics K–8 (Common Core)" }).click();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe("Mathematics K–8 (Common Core)");

      await page.getByLabel(en["framework.search"]).fill("7.RP.A.2");
      await page.getByRole("link", { name: /^7\.RP\.A\.2 Recognize and represent proportional relationships/ }).click();
      await waitForPage(page);
      expect(await page.locator("main h1 .item-code").textContent()).toBe("7.RP.A.2");

      // The prerequisites in words...
      const listed = await texts(page, "h2:has-text('prerequisites') + ul .item-code");
      expect(listed.sort()).toEqual(["6.RP.A.2", "6.RP.A.3", "7.RP.A.1"]);
      // ...and on the map, each a link that says what it is.
      const map = page.locator("figure.prerequisite-map svg");
      await map.waitFor();
      const prerequisiteNodes = await map
        .locator("a.map-node-prerequisite")
        .evaluateAll((links) => links.map((link) => link.getAttribute("aria-label") ?? ""));
      for (const code of ["6.RP.A.2", "6.RP.A.3", "7.RP.A.1"])
        expect(prerequisiteNodes.some((label) => label.startsWith(`${code} `))).toBe(true);
      expect(prerequisiteNodes.every((label) => label.endsWith(`(${en["item.legend.prerequisite"]})`))).toBe(true);
      expect(await map.locator("a.map-node-unlock").count()).toBeGreaterThan(3);
      expect((await runAxe(page)).map((violation) => [violation.id, violation.nodes.map((n) => n.target)])).toEqual([]);

      // Keyboard: focus the 6.RP.A.3 box and press Enter to open that skill.
      const node = map.locator("a.map-node", { has: page.locator(".map-code", { hasText: /^6\.RP\.A\.3 $/ }) });
      await node.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelector("main h1 .item-code")?.textContent === "6.RP.A.3");
      const unlocks = await texts(page, "h2:has-text('unlocks') + ul .item-code");
      expect(unlocks).toContain("7.RP.A.2");
    } finally {
      await context.close();
    }
  });

  it("a district admin imports a CASE file, sees each problem of a broken one, then the framework", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("district_admin"));
      await page.goto("/frameworks");
      await waitForPage(page);
      const broken = syntheticPackage({ items: 3, prerequisitesPerItem: 0, name: "browser-broken" });
      const second = broken.CFItems?.[1] as { fullStatement?: string };
      delete second.fullStatement;
      const fileInput = page.getByLabel(en["framework.upload.file"]);
      await fileInput.setInputFiles({
        name: "broken.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await page.getByRole("button", { name: en["framework.upload.submit"] }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      expect(await alert.textContent()).toContain("$.CFItems[1].fullStatement: is required");
      expect(await runAxe(page)).toEqual([]);

      const sound = everyFeaturePackage();
      await fileInput.setInputFiles({
        name: "framework.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(sound)),
      });
      await page.getByRole("button", { name: en["framework.upload.submit"] }).click();
      await page.waitForURL(/\/frameworks\/[0-9a-f-]{36}$/);
      await page.locator("main h1").filter({ hasText: "grade 6" }).waitFor();
      expect(await page.getByText(en["framework.draftNote"]).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("a teacher tries a mastery method on their own scores and sees the verdict change", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("teacher"));
      await page.goto("/mastery/methods");
      await waitForPage(page);
      const result = page.locator(".mastery-result");
      await page.getByLabel(en["mastery.methods.method"]).selectOption("latest");
      await page.getByLabel(en["mastery.methods.scores"]).fill("4, 2");
      await result.filter({ hasText: "Value: 2" }).waitFor();
      expect(await result.textContent()).toContain(en["mastery.methods.notMastered"]);
      await page.getByLabel(en["mastery.methods.method"]).selectOption("highest");
      await result.filter({ hasText: "Value: 4" }).waitFor();
      expect(await result.textContent()).toContain(en["mastery.methods.mastered"]);
      await page.getByLabel(en["mastery.methods.method"]).selectOption("n-mastery");
      await page.getByLabel(en["mastery.methods.n"]).fill("2");
      await result.filter({ hasText: en["mastery.methods.notMastered"] }).waitFor();
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
