import {
  type CfPackage,
  everyFeaturePackage,
  readCasePackage,
  schemaProblems,
  syntheticPackage,
  type Viewer,
} from "@cairn/core";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { framework, frameworkItem } from "../schema";
import { contextFor, openDemoTestBed, TEST_NOW, type TestDatabase } from "../testing";
import { exportCasePackage, findFramework } from "./export-case";
import { importCasePackage, parseCasePackageText } from "./import-case";
import { listFrameworks } from "./list-frameworks";
import { relatedOnPrerequisiteMap } from "./prerequisites";

const operator: Viewer = { kind: "operator", name: "test" };
let database: TestDatabase;
let districtAdmin: Viewer;
let teacher: Viewer;
let districtId: string;

beforeAll(async () => {
  const bed = await openDemoTestBed({ students: 60 });
  database = bed.database;
  districtAdmin = bed.viewer("district_admin");
  teacher = bed.viewer("teacher");
  districtId = (districtAdmin.kind === "person" && districtAdmin.grants[0]?.districtId) || "";
});
afterAll(async () => database.destroy());

const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const exportAs = (viewer: Viewer, id: string) => exportCasePackage(contextFor(database, viewer), id);
const frameworkCount = async () => (await database.db.select({ n: count() }).from(framework))[0]?.n;

describe("CASE import and export", () => {
  it("gives back exactly the package it took in, valid against the official 1.1 schema, and again after re-import", async () => {
    const original = everyFeaturePackage();
    const first = await importCasePackage(database, districtAdmin, TEST_NOW, copyOf(original));
    expect(first).toMatchObject({
      items: 7,
      associations: original.CFAssociations?.length,
      rubrics: 1,
      sourceVersion: "1.1",
    });
    const exported = await exportAs(districtAdmin, first.frameworkId);
    expect(exported).toEqual(original);
    expect(schemaProblems(exported, "1.1")).toEqual([]);

    const again = await importCasePackage(database, districtAdmin, TEST_NOW, copyOf(exported), { replaceDraft: true });
    expect(again.replaced).toBe(true);
    expect(await exportAs(districtAdmin, original.CFDocument.identifier)).toEqual(exported);
  });

  it("keeps the publisher's order of items and associations", async () => {
    const pkg = syntheticPackage({ items: 300, prerequisitesPerItem: 2, name: "order" });
    pkg.CFItems?.reverse();
    const { frameworkId } = await importCasePackage(database, operator, TEST_NOW, copyOf(pkg));
    const exported = await exportAs(operator, frameworkId);
    expect(exported.CFItems?.map((item) => item.identifier)).toEqual(pkg.CFItems?.map((item) => item.identifier));
    expect(exported.CFAssociations?.map((item) => item.identifier)).toEqual(
      pkg.CFAssociations?.map((item) => item.identifier),
    );
  });

  it("imports a CASE 1.0 package in 1.1 form; its export validates and round-trips", async () => {
    const legacy = copyOf(syntheticPackage({ items: 30, prerequisitesPerItem: 1, name: "legacy" })) as CfPackage & {
      CFDocument: Record<string, unknown>;
    };
    delete legacy.CFDocument.caseVersion;
    legacy.CFDocument.subject = "Mathematics";
    legacy.CFDocument.adoptionStatus = "Adopted";
    const upgraded = readCasePackage(copyOf(legacy));
    expect(upgraded).toMatchObject({ ok: true, sourceVersion: "1.0" });
    const result = await importCasePackage(database, operator, TEST_NOW, legacy);
    const exported = await exportAs(teacher, result.frameworkId);
    expect(schemaProblems(exported, "1.1")).toEqual([]);
    if (upgraded.ok) expect(exported).toEqual({ ...upgraded.package, CFRubrics: [] });
  });

  it("imports nothing from a package with problems, and says where each one is", async () => {
    const before = await frameworkCount();
    const pkg = syntheticPackage({ items: 10, prerequisitesPerItem: 1, name: "broken" });
    const fifth = pkg.CFItems?.[4] as Partial<NonNullable<CfPackage["CFItems"]>[number]>;
    delete fifth.fullStatement;
    await expect(importCasePackage(database, operator, TEST_NOW, pkg)).rejects.toMatchObject({
      code: "validation",
      details: [{ path: ["$.CFItems[4].fullStatement"], message: "is required" }],
    });
    expect(await frameworkCount()).toBe(before);
  });

  it("refuses text that is not JSON and files that are too large, before reading them", () => {
    expect(() => parseCasePackageText("{ not json")).toThrow(expect.objectContaining({ code: "validation" }));
    expect(() => parseCasePackageText("{}", 50 * 1024 * 1024)).toThrow(
      expect.objectContaining({ code: "payload_too_large", message: expect.stringContaining("50.0 MB") }),
    );
  });

  it("never changes a published framework; a draft is replaced only when asked", async () => {
    const published = syntheticPackage({ items: 5, prerequisitesPerItem: 0, name: "published" });
    published.CFDocument.adoptionStatus = "Adopted";
    await importCasePackage(database, operator, TEST_NOW, copyOf(published));
    await expect(
      importCasePackage(database, operator, TEST_NOW, copyOf(published), { replaceDraft: true }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("published") });
    const draft = syntheticPackage({ items: 5, prerequisitesPerItem: 0, name: "draft" });
    await importCasePackage(database, districtAdmin, TEST_NOW, copyOf(draft));
    await expect(importCasePackage(database, districtAdmin, TEST_NOW, copyOf(draft))).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("lets only district admins (into their district) and the operator import", async () => {
    const pkg = syntheticPackage({ items: 3, prerequisitesPerItem: 0, name: "teacher-try" });
    await expect(importCasePackage(database, teacher, TEST_NOW, pkg)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      importCasePackage(database, districtAdmin, TEST_NOW, pkg, { districtId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows drafts only to their district's admins", async () => {
    const titles = async (viewer: Viewer) =>
      (await listFrameworks(contextFor(database, viewer))).map((row) => row.title);
    const draftTitle = everyFeaturePackage().CFDocument.title;
    expect(await titles(districtAdmin)).toContain(draftTitle);
    expect(await titles(teacher)).not.toContain(draftTitle);
    await expect(
      findFramework(contextFor(database, teacher), everyFeaturePackage().CFDocument.identifier),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    const listed = (await listFrameworks(contextFor(database, districtAdmin))).find((row) => row.title === draftTitle);
    expect(listed).toMatchObject({ status: "draft", items: 7, districtId });
  });

  it("walks the prerequisite map both ways, nearest first", async () => {
    const rows = await database.db.select({ id: frameworkItem.id, code: frameworkItem.code }).from(frameworkItem);
    const id = (code: string) => rows.find((row) => row.code === code)?.id ?? "";
    const ctx = contextFor(database, districtAdmin);
    expect((await relatedOnPrerequisiteMap(ctx, id("M.6.RP.3"), "prerequisites")).map((row) => row.code)).toEqual([
      "M.6.RP.2",
      "M.6.RP.1",
    ]);
    expect((await relatedOnPrerequisiteMap(ctx, id("M.6.RP.1"), "unlocks")).map((row) => row.code)).toEqual([
      "M.6.RP.2",
      "M.6.RP.3",
    ]);
    await expect(
      relatedOnPrerequisiteMap(contextFor(database, teacher), id("M.6.RP.3"), "prerequisites"),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads a published framework's map once and answers from memory after", async () => {
    const pkg = syntheticPackage({ items: 200, prerequisitesPerItem: 2, name: "cached" });
    pkg.CFDocument.adoptionStatus = "Adopted";
    const { frameworkId } = await importCasePackage(database, operator, TEST_NOW, copyOf(pkg));
    const [last] = await database.db
      .select({ id: frameworkItem.id })
      .from(frameworkItem)
      .where(and(eq(frameworkItem.frameworkId, frameworkId), eq(frameworkItem.code, "S.19.199")));
    const ctx = contextFor(database, teacher);
    const first = await relatedOnPrerequisiteMap(ctx, last?.id ?? "", "prerequisites");
    // Items 199-7k and 199-14k come before item 199: every earlier item with the same remainder mod 7.
    expect(first.map((row) => row.code).sort()).toEqual(
      Array.from({ length: 28 }, (_, k) => 3 + 7 * k)
        .map((index) => `S.${index % 20}.${index}`)
        .sort(),
    );
    expect(first[0]?.code).toMatch(/^S\.\d+\.(192|185)$/);
    expect(await relatedOnPrerequisiteMap(ctx, last?.id ?? "", "prerequisites")).toEqual(first);
  });
});
