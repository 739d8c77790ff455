import { randomUUID } from "node:crypto";
import { readCasePackage, schemaProblems, type Viewer } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextFor, type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import { addDraftItem, createFramework, deleteDraftItem, moveDraftItem } from "./author-framework";
import { publishFramework } from "./edit-framework";
import { exportCasePackage } from "./export-case";
import { getFramework } from "./get-framework";
import { getFrameworkItem } from "./get-item";
import { listFrameworks } from "./list-frameworks";
import {
  addExemplar,
  removeExemplar,
  removeItemRubric,
  saveItemRubric,
  setFrameworkScale,
  setItemScale,
} from "./scales-and-samples";

let bed: DemoTestBed;
let otherAdmin: Viewer;
let frameworkId: string;
let elaId: string;
const ids: Record<string, string> = {};

const admin = () => bed.ctx("district_admin");
const teacher = () => bed.ctx("teacher");
const other = () => contextFor(bed.database, otherAdmin);
/** The top of the tree, or the children of one item, in the order the tree shows them. */
const childrenOf = async (parentId: string | null) =>
  (await getFramework(admin(), frameworkId)).items
    .filter((item) => item.parentId === parentId)
    .sort((a, b) => (a.sequence ?? 1e9) - (b.sequence ?? 1e9) || a.position - b.position)
    .map((item) => item.code);

const threeLevels = {
  levels: [
    { code: "N", label: "Not yet", descriptor: "Not shown yet", value: 1 },
    { code: "M", label: "Meets", descriptor: "Shown independently", value: 2 },
    { code: "E", label: "Exceeds", descriptor: "Shown in new situations", value: 3 },
  ],
  masteryCode: "M",
};

beforeAll(async () => {
  bed = await openDemoTestBed({ students: 60 });
  // An admin of another district: the demo district's drafts are not theirs to see.
  otherAdmin = {
    kind: "person",
    personId: bed.account("teacher").personId,
    grants: [{ role: "district_admin", stateId: null, districtId: randomUUID(), schoolId: null }],
  };
  elaId = (await listFrameworks(teacher())).find((row) => row.title.startsWith("English Language Arts"))?.id ?? "";
});
afterAll(async () => bed.destroy());

describe("a framework made from nothing", () => {
  it("is created as a draft of the admin's district, by its admins only", async () => {
    await expect(
      createFramework(bed.database, bed.viewer("teacher"), TEST_NOW, { title: "Science practices" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    ({ frameworkId } = await createFramework(bed.database, bed.viewer("district_admin"), TEST_NOW, {
      title: "Science practices",
      version: "1",
      subject: "Science",
      language: "en",
    }));
    const { framework, items } = await getFramework(admin(), frameworkId);
    expect(framework).toMatchObject({ status: "draft", version: "1", subjects: ["Science"], canEdit: true });
    expect(framework.creator).toMatch(/Maplewood/);
    expect(items).toEqual([]);
    await expect(getFramework(teacher(), frameworkId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("gets items, each last under its parent, with codes unique", async () => {
    ids.a = (await addDraftItem(admin(), frameworkId, { code: "SCI.1", fullStatement: "Asks questions" })).itemId;
    ids.b = (await addDraftItem(admin(), frameworkId, { code: "SCI.2", fullStatement: "Plans investigations" })).itemId;
    ids.c = (
      await addDraftItem(admin(), frameworkId, {
        code: "SCI.1.1",
        fullStatement: "Asks testable questions",
        itemType: "Learning target",
        educationLevels: ["06", "07"],
        parentId: ids.a,
      })
    ).itemId;
    expect(await childrenOf(null)).toEqual(["SCI.1", "SCI.2"]);
    expect(await childrenOf(ids.a)).toEqual(["SCI.1.1"]);
    const { items } = await getFramework(admin(), frameworkId);
    expect(items.find((item) => item.id === ids.c)).toMatchObject({ itemType: "Learning target", sequence: 1 });
    expect(items.find((item) => item.id === ids.b)).toMatchObject({ sequence: 2 });
    await expect(addDraftItem(admin(), frameworkId, { code: "SCI.2", fullStatement: "Again" })).rejects.toMatchObject({
      code: "conflict",
      details: [{ path: ["code"] }],
    });
  });

  it("is out of reach of teachers and other districts, and a published framework never changes", async () => {
    for (const ctx of [teacher(), other()])
      await expect(addDraftItem(ctx, frameworkId, { fullStatement: "Sneaky" })).rejects.toMatchObject({
        code: "not_found",
      });
    await expect(moveDraftItem(other(), frameworkId, ids.b as string, { direction: "up" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(setFrameworkScale(teacher(), frameworkId, threeLevels)).rejects.toMatchObject({ code: "not_found" });
    await expect(addDraftItem(admin(), elaId, { fullStatement: "Changed" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("start a new version"),
    });
    // Everyone reads a published framework; only its admins may change it, and not even they while published.
    await expect(addDraftItem(teacher(), elaId, { fullStatement: "Changed" })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await getFramework(admin(), frameworkId)).items).toHaveLength(3);
  });

  it("reorders siblings and refuses a move that would loop the tree", async () => {
    await moveDraftItem(admin(), frameworkId, ids.b as string, { direction: "up" });
    expect(await childrenOf(null)).toEqual(["SCI.2", "SCI.1"]);
    await expect(moveDraftItem(admin(), frameworkId, ids.b as string, { direction: "up" })).rejects.toMatchObject({
      code: "conflict",
      message: "SCI.2 is already first here",
    });
    await expect(
      moveDraftItem(admin(), frameworkId, ids.a as string, { parentId: ids.c as string }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("SCI.1 → SCI.1.1 → SCI.1"),
    });
    await expect(
      moveDraftItem(admin(), frameworkId, ids.a as string, { parentId: ids.a as string }),
    ).rejects.toMatchObject({ code: "conflict" });
    await moveDraftItem(admin(), frameworkId, ids.c as string, { parentId: null });
    expect(await childrenOf(null)).toEqual(["SCI.2", "SCI.1", "SCI.1.1"]);
    await moveDraftItem(admin(), frameworkId, ids.c as string, { parentId: ids.b as string });
    expect(await childrenOf(ids.b as string)).toEqual(["SCI.1.1"]);
    expect(await childrenOf(null)).toEqual(["SCI.2", "SCI.1"]);
  });

  it("keeps a sound scale, and refuses an unsound one with each problem located", async () => {
    await expect(
      setFrameworkScale(admin(), frameworkId, {
        levels: [threeLevels.levels[0], { ...threeLevels.levels[1], value: 1 }] as typeof threeLevels.levels,
        masteryCode: "Z",
      }),
    ).rejects.toMatchObject({
      code: "validation",
      details: expect.arrayContaining([
        expect.objectContaining({ path: ["body", "levels", 1, "value"] }),
        expect.objectContaining({ path: ["body", "masteryCode"] }),
      ]),
    });
    await setFrameworkScale(admin(), frameworkId, threeLevels);
    expect((await getFramework(admin(), frameworkId)).framework.scale).toEqual(threeLevels);
    const override = { ...threeLevels, masteryCode: "E" };
    await setItemScale(admin(), frameworkId, ids.c as string, override);
    expect((await getFrameworkItem(admin(), frameworkId, ids.c as string)).scale.masteryCode).toBe("E");
    await setItemScale(admin(), frameworkId, ids.c as string, null);
    expect((await getFrameworkItem(admin(), frameworkId, ids.c as string)).scale).toEqual(threeLevels);
    await expect(setItemScale(admin(), frameworkId, ids.c as string, null)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("attaches work samples at a level of the item's scale", async () => {
    await expect(
      addExemplar(admin(), frameworkId, ids.c as string, {
        title: "Notebook",
        uri: "https://samples.example.org/1",
        levelCode: "3",
      }),
    ).rejects.toMatchObject({ code: "validation", details: [{ path: ["body", "levelCode"] }] });
    const sample = { title: "Lab notebook", uri: "https://samples.example.org/1", levelCode: "M" };
    const { associationId } = await addExemplar(admin(), frameworkId, ids.c as string, sample);
    await expect(addExemplar(admin(), frameworkId, ids.c as string, sample)).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await getFrameworkItem(admin(), frameworkId, ids.c as string)).exemplars).toEqual([
      { id: associationId, title: "Lab notebook", uri: sample.uri, levelCode: "M" },
    ]);
    await removeExemplar(admin(), frameworkId, ids.c as string, associationId);
    await expect(removeExemplar(admin(), frameworkId, ids.c as string, associationId)).rejects.toMatchObject({
      code: "not_found",
    });
    await addExemplar(admin(), frameworkId, ids.c as string, sample);
  });

  it("makes an item's rubric from its scale, again to replace it, and removes it", async () => {
    const first = await saveItemRubric(admin(), frameworkId, ids.c as string, { title: "Questions rubric" });
    expect(first.replaced).toBe(false);
    const [criterion] = (await getFrameworkItem(admin(), frameworkId, ids.c as string)).rubricCriteria;
    expect(criterion).toMatchObject({ rubricTitle: "Questions rubric", itemRubric: true, category: "SCI.1.1" });
    expect(criterion?.levels.map((level) => [level.quality, level.score, level.description])).toEqual([
      ["Not yet", 1, "Not shown yet"],
      ["Meets", 2, "Shown independently"],
      ["Exceeds", 3, "Shown in new situations"],
    ]);
    const again = await saveItemRubric(admin(), frameworkId, ids.c as string, { title: "Renamed" });
    expect(again).toEqual({ rubricId: first.rubricId, replaced: true });
    await removeItemRubric(admin(), frameworkId, ids.c as string);
    expect((await getFrameworkItem(admin(), frameworkId, ids.c as string)).rubricCriteria).toEqual([]);
    await expect(removeItemRubric(admin(), frameworkId, ids.c as string)).rejects.toMatchObject({ code: "not_found" });
    await saveItemRubric(admin(), frameworkId, ids.c as string, {});
  });

  it("deletes an item only when nothing sits under it, with its links and rubric", async () => {
    await expect(deleteDraftItem(admin(), frameworkId, ids.b as string)).rejects.toMatchObject({
      code: "conflict",
      message: "SCI.2 has 1 item under it; move or delete them first",
    });
    await deleteDraftItem(admin(), frameworkId, ids.c as string);
    const pkg = await exportCasePackage(admin(), frameworkId);
    expect(pkg.CFItems?.map((item) => item.humanCodingScheme)).toEqual(["SCI.1", "SCI.2"]);
    expect(pkg.CFAssociations?.map((association) => association.associationType)).toEqual(["isChildOf", "isChildOf"]);
    expect(pkg.CFRubrics).toEqual([]);
    await expect(getFrameworkItem(admin(), frameworkId, ids.c as string)).rejects.toMatchObject({ code: "not_found" });
  });

  it("exports as sound CASE 1.1, is published, and then never changes", async () => {
    await saveItemRubric(admin(), frameworkId, ids.a as string, {});
    await addExemplar(admin(), frameworkId, ids.a as string, {
      title: "Question log",
      uri: "http://samples.example.org/2",
      levelCode: "E",
    });
    const pkg = await exportCasePackage(admin(), frameworkId);
    expect(schemaProblems(pkg, "1.1")).toEqual([]);
    expect(readCasePackage(pkg)).toMatchObject({ ok: true });
    expect(pkg.CFDocument.extensions?.["cairn:proficiencyScale"]).toEqual(threeLevels);
    await publishFramework(admin(), frameworkId);
    await expect(moveDraftItem(admin(), frameworkId, ids.a as string, { direction: "down" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(deleteDraftItem(admin(), frameworkId, ids.a as string)).rejects.toMatchObject({ code: "conflict" });
    await expect(saveItemRubric(admin(), frameworkId, ids.a as string, {})).rejects.toMatchObject({ code: "conflict" });
    expect((await getFramework(teacher(), frameworkId)).items).toHaveLength(2);
  });
});
