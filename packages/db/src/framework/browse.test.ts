import { DEFAULT_PROFICIENCY_SCALE, everyFeaturePackage, type Viewer } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, openTestDatabase, type TestDatabase } from "../testing";
import { getFramework } from "./get-framework";
import { getFrameworkItem } from "./get-item";
import { importCasePackage } from "./import-case";

const operator: Viewer = { kind: "operator", name: "test" };
let database: TestDatabase;
let frameworkId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  frameworkId = (await importCasePackage(database, operator, new Date("2026-11-02T15:00:00Z"), everyFeaturePackage()))
    .frameworkId;
});
afterAll(async () => database.destroy());

const ctx = () => contextFor(database, operator);

describe("browsing a framework", () => {
  it("describes the framework and places every item in the tree", async () => {
    const { framework, items } = await getFramework(ctx(), frameworkId);
    expect(framework).toMatchObject({
      status: "draft",
      items: 7,
      subjects: ["Mathematics"],
      licence: "CC BY 4.0",
      publisher: "Maplewood Unified School District",
      scale: DEFAULT_PROFICIENCY_SCALE,
    });
    const byCode = new Map(items.map((item) => [item.code, item]));
    expect(byCode.get("M.6.RP")?.parentId).toBeNull();
    expect(byCode.get("M.6.RP.1")?.parentId).toBe(byCode.get("M.6.RP")?.id);
    expect(byCode.get("M.6.RP.6")?.parentId).toBe(byCode.get("M.6.RP.5")?.id);
    expect(byCode.get("M.6.RP")?.abbreviatedStatement).toBe("Ratio reasoning");
  });

  it("shows an item with its neighbours, alignments inside and outside the framework, and its rubric", async () => {
    const { items } = await getFramework(ctx(), frameworkId);
    const id = (code: string) => items.find((item) => item.code === code)?.id ?? "";
    const first = await getFrameworkItem(ctx(), frameworkId, id("M.6.RP.1"));
    expect(first.parent?.code).toBe("M.6.RP");
    expect(first.children.map((child) => child.code)).toEqual(["M.6.RP.2"]);
    expect(first.unlocks.map((item) => item.code)).toEqual(["M.6.RP.2"]);
    expect(first.map.totalUnlocks).toBe(2);
    expect(first.map.nodes.map((node) => [node.code, node.relation])).toEqual([
      ["M.6.RP.1", "self"],
      ["M.6.RP.2", "unlock"],
      ["M.6.RP.3", "unlock"],
    ]);
    expect(first.map.edges).toHaveLength(2);
    expect(first.rubricCriteria).toEqual([
      expect.objectContaining({
        rubricTitle: "Ratio reasoning rubric",
        weight: 0.5,
        levels: expect.arrayContaining([expect.objectContaining({ quality: "Proficient", score: 3 })]),
      }),
    ]);
    expect(first.associations).toContainEqual(
      expect.objectContaining({
        type: "isPeerOf",
        direction: "outgoing",
        target: expect.objectContaining({ code: "M.6.RP.4" }),
      }),
    );

    const root = await getFrameworkItem(ctx(), frameworkId, id("M.6.RP"));
    expect(root.item).toMatchObject({
      lifelong: false,
      conceptKeywords: ["ratio", "proportion"],
      educationLevels: ["06"],
    });
    expect(root.associations).toContainEqual({
      type: "exactMatchOf",
      direction: "outgoing",
      sequenceNumber: null,
      target: {
        itemId: null,
        code: null,
        title: "CCSS.Math.Content.6.RP.A.1",
        uri: "https://case.example.net/uri/6RPA1",
        external: true,
      },
    });
    expect(root.associations).toContainEqual(
      expect.objectContaining({
        type: "isPartOf",
        direction: "incoming",
        target: expect.objectContaining({ code: "M.6.RP.4" }),
      }),
    );
  });

  it("does not find an item of another framework or one that does not exist", async () => {
    await expect(getFrameworkItem(ctx(), frameworkId, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
