import type { Section, SectionRoster } from "@cairn/core";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs, browserPath, type Harness, newPage, startHarness, waitForPage } from "./harness";

/** What has focus: its tag, id, text and outline, as the page reports it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      id: element?.id ?? "",
      text: element?.textContent?.trim() ?? "",
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
    };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would; fails after `limit` presses. */
async function tabTo(page: Page, wanted: { id?: string; text?: string }, limit = 30): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if ((wanted.id === undefined || now.id === wanted.id) && (wanted.text === undefined || now.text === wanted.text)) {
      return presses;
    }
  }
  throw new Error(`Tab never reached ${JSON.stringify(wanted)} in ${limit} presses`);
}

describe.skipIf(!browserPath)("the app works by keyboard alone", () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("signs in, reaches a section and a student, and signs out without a mouse", async () => {
    const teacher = harness.account("teacher");
    const api = await apiAs(harness, teacher);
    const { sections } = await api<{ sections: Section[] }>("/sections");
    const section = sections[0] as Section;
    const roster = await api<SectionRoster>(`/sections/${section.id}`);
    const student = roster.students[0];
    if (!student) throw new Error("the teacher's first section has no students");
    const studentName = `${student.givenName} ${student.familyName}`;

    const { context, page } = await newPage(harness);
    try {
      await page.goto("/sign-in");
      await waitForPage(page);

      // The first Tab lands on the skip link, and focus is visibly outlined.
      await page.keyboard.press("Tab");
      const skip = await focused(page);
      expect(skip.text).toBe("Skip to content");
      expect(skip.outline).toBe("solid 3px");

      await tabTo(page, { id: "email" });
      expect((await focused(page)).outline).toBe("solid 3px");
      await page.keyboard.type(teacher.email);
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("password");
      await page.keyboard.type(teacher.password);
      await page.keyboard.press("Enter");
      await page.locator("header nav").waitFor();
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe("My sections");

      // Skip link, then into the page: the first link in main is the validation queue, the next the first section.
      await page.keyboard.press("Tab");
      expect((await focused(page)).text).toBe("Skip to content");
      await page.keyboard.press("Enter");
      expect((await focused(page)).id).toBe("main");
      expect(await tabTo(page, { text: "Evidence waiting for you" }, 1)).toBe(1);
      expect(await tabTo(page, { text: section.name }, 1)).toBe(1);
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === `/sections/${section.id}`);
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(section.name);

      // After a page change focus starts at the page's content, not the top of the document.
      expect((await focused(page)).id).toBe("main");
      await tabTo(page, { text: studentName }, 5);
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === `/students/${student.id}`);
      await waitForPage(page);
      expect(await page.locator("main h1").textContent()).toBe(studentName);

      // Back out of the content to the header's sign-out button.
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).text).toBe("Sign out");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/sign-in");
      expect(await page.locator("main h1").textContent()).toBe("Sign in to Cairn");
      expect((await page.request.get("/api/v1/me")).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it("filters a student list by keyboard", async () => {
    const leader = harness.account("school_leader");
    const { context, page } = await newPage(harness);
    try {
      await page.goto("/sign-in");
      await waitForPage(page);
      await tabTo(page, { id: "email" });
      await page.keyboard.type(leader.email);
      await page.keyboard.press("Tab");
      await page.keyboard.type(leader.password);
      await page.keyboard.press("Enter");
      await page.locator("header nav").waitFor();
      await waitForPage(page);

      const search = page.getByLabel("Name or student number");
      const searchId = await search.getAttribute("id");
      await tabTo(page, { id: searchId ?? "" }, 40);
      await page.keyboard.type("Martinez");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.searchParams.get("q") === "Martinez");
      await waitForPage(page);
      // The previous page of results stays on screen until the search answers: wait for the new rows.
      const names = () => page.locator("main tbody th").allTextContents();
      const onlyMartinez = async () => {
        const shown = await names();
        return shown.length > 0 && shown.every((name) => name.includes("Martinez"));
      };
      await expect.poll(onlyMartinez, { timeout: 10_000 }).toBe(true);
    } finally {
      await context.close();
    }
  });
});
