import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import {
  browserPath,
  describeViolations,
  type Harness,
  newPage,
  runAxe,
  signIn,
  startHarness,
  waitForPage,
} from "./harness";

describe.skipIf(!browserPath)("a district admin manages provider agreements", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("adds a provider, records an agreement, issues a token shown once that works, and revokes it", async () => {
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, harness.account("district_admin"));
      await page.getByRole("link", { name: en["providers.homeLink"] }).click();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(en["providers.title"]);

      await page.getByLabel(en["newProvider.name"], { exact: true }).fill("Reading Rocket");
      await page.getByRole("button", { name: en["newProvider.submit"] }).click();
      await page.getByText(en["newProvider.added"].replace("{name}", "Reading Rocket")).waitFor();

      await page.getByLabel(en["newAgreement.provider"], { exact: true }).selectOption({ label: "Reading Rocket" });
      await page.getByLabel(en["providers.purpose"], { exact: true }).fill("Reading practice");
      await page.getByLabel(en["dataElement.profile"], { exact: true }).check();
      await page.getByRole("group", { name: en["providers.schools"] }).getByRole("checkbox").first().check();
      await page.getByLabel(en["newAgreement.startsOn"], { exact: true }).fill("2026-09-01");
      await page.getByLabel(en["newAgreement.endsOn"], { exact: true }).fill("2027-06-30");
      await page.getByLabel(en["newAgreement.destroyBy"], { exact: true }).fill("2027-09-30");
      await page.getByLabel(en["newAgreement.retention"], { exact: true }).fill("the school year");
      await page.getByLabel(en["providers.breachContact"], { exact: true }).fill("security@reading.example");
      await page.getByLabel(en["newAgreement.initialStatus"], { exact: true }).selectOption("active");
      await page.getByRole("button", { name: en["newAgreement.submit"] }).click();
      const card = page.locator("[data-agreement-id]").first();
      await card.getByRole("heading", { name: "Reading Rocket" }).waitFor();
      expect(await card.textContent()).toContain(en["providers.inForce.yes"]);

      await card.getByLabel(en["tokens.label"], { exact: true }).fill("production");
      await card.getByRole("button", { name: en["tokens.issue"] }).click();
      const shown = card.getByTestId("issued-token");
      await shown.waitFor();
      const token = (await shown.textContent()) ?? "";
      expect(token).toMatch(/^cairn_pt_/);

      const violations = await runAxe(page);
      expect(violations, describeViolations(violations)).toEqual([]);

      const call = () =>
        fetch(`${harness.baseUrl}/api/v1/provider/students?limit=1`, { headers: { authorization: `Bearer ${token}` } });
      expect((await call()).status).toBe(200);

      await page.reload();
      await waitForPage(page);
      expect(await page.locator("main").textContent()).not.toContain(token);
      await page.getByRole("button", { name: en["tokens.revoke"].replace("{label}", "production") }).click();
      await page.getByRole("cell", { name: en["tokens.state.revoked"] }).waitFor();
      expect((await call()).status).toBe(401);
    } finally {
      await context.close();
    }
  });
});
