import { readFile } from "node:fs/promises";
import type { AccessLogEntry } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../packages/web/src/i18n/messages";
import { apiAs, browserPath, type Harness, newPage, signIn, startHarness, texts, waitForPage } from "./harness";

describe.skipIf(!browserPath)("who has looked at my child's record", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows a guardian each read of their child's record, including a teacher's", async () => {
    const guardian = harness.account("guardian");
    const student = harness.account("student");
    const teacher = harness.account("teacher");
    const childInClass = guardian.linkedPersonIds.find((id) => id !== student.personId) ?? "";
    expect(teacher.linkedPersonIds).toContain(childInClass);
    await (await apiAs(harness, teacher))(`/students/${childInClass}`);

    const { context, page } = await newPage(harness);
    try {
      await signIn(page, guardian);
      await page.goto(`/students/${childInClass}`);
      await waitForPage(page);
      const section = page.getByRole("region", { name: en["accessLog.title"] });
      await section.waitFor();
      const who = await texts(page, "section[aria-labelledby='access-log-title'] tbody th");
      const why = await texts(page, "section[aria-labelledby='access-log-title'] tbody td:nth-child(3)");
      const rows = who.map((name, index) => [name, why[index]]);
      expect(rows).toContainEqual([`${teacher.name} (${en["role.teacher"]})`, en["purpose.educational_interest"]]);
      // The guardian's own visit to this page is on the list too, and the page agrees with the API.
      const log = await (await apiAs(harness, guardian))<{ entries: AccessLogEntry[] }>(
        `/students/${childInClass}/access-log`,
      );
      expect(log.entries.map((entry) => entry.actor.name)).toContain(guardian.name);
      expect(who.length).toBeGreaterThanOrEqual(2);
      expect(who.length).toBeLessThanOrEqual(log.entries.length);
    } finally {
      await context.close();
    }
  });

  it("does not show the log to a teacher, who may read the record but not who else did", async () => {
    const guardian = harness.account("guardian");
    const teacher = harness.account("teacher");
    const childInClass = guardian.linkedPersonIds.find((id) => teacher.linkedPersonIds.includes(id)) ?? "";
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, teacher);
      await page.goto(`/students/${childInClass}`);
      await waitForPage(page);
      await page.getByRole("heading", { name: en["profile.guardians"] }).waitFor();
      expect(await page.getByRole("heading", { name: en["accessLog.title"] }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!browserPath)("downloading a child's full record", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("gives the guardian a JSON file with everything about the child, and logs the download", async () => {
    const guardian = harness.account("guardian");
    const child = guardian.linkedPersonIds[0] ?? "";
    const { context, page } = await newPage(harness);
    try {
      await signIn(page, guardian);
      await page.goto(`/students/${child}`);
      await waitForPage(page);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: en["record.download"] }).click(),
      ]);
      const path = await download.path();
      const record = JSON.parse(await readFile(path, "utf8"));
      expect(record.studentId).toBe(child);
      expect(record.modules.people.data.student.personId).toBe(child);
      expect(record.modules.people.data.guardians.map((g: { givenName: string }) => g.givenName)).toContain("Lucía");
      const log = await (await apiAs(harness, guardian))<{ entries: AccessLogEntry[] }>(
        `/students/${child}/access-log`,
      );
      expect(
        log.entries.some((entry) => entry.action === "export_student_record" && entry.actor.name === guardian.name),
      ).toBe(true);
    } finally {
      await context.close();
    }
  });
});
