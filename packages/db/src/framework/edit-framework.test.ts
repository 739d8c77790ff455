import { readCasePackage, schemaProblems } from "@cairn/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoTestBed, openDemoTestBed, TEST_NOW } from "../testing";
import {
  addPrerequisite,
  publishFramework,
  removePrerequisite,
  startNewVersion,
  updateDraftItem,
} from "./edit-framework";
import { exportCasePackage } from "./export-case";
import { getFramework } from "./get-framework";
import { listFrameworks } from "./list-frameworks";

let bed: DemoTestBed;
let elaId: string;
beforeAll(async () => {
  bed = await openDemoTestBed({ students: 60 });
  const frameworks = await listFrameworks(bed.ctx("teacher"));
  elaId = frameworks.find((row) => row.title.startsWith("English Language Arts"))?.id ?? "";
});
afterAll(async () => bed.destroy());

const admin = () => bed.ctx("district_admin");
const itemId = async (frameworkId: string, code: string) =>
  (await getFramework(admin(), frameworkId)).items.find((item) => item.code === code)?.id ?? "";

describe("a new version of a published framework", () => {
  let draftId: string;

  it("is started only by the owning district's admins, once per version number", async () => {
    await expect(startNewVersion(bed.database, bed.viewer("teacher"), TEST_NOW, elaId, "2027")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      startNewVersion(bed.database, bed.viewer("district_admin"), TEST_NOW, elaId, "2026"),
    ).rejects.toMatchObject({
      code: "validation",
    });
    ({ frameworkId: draftId } = await startNewVersion(
      bed.database,
      bed.viewer("district_admin"),
      TEST_NOW,
      elaId,
      "2027",
    ));
    await expect(
      startNewVersion(bed.database, bed.viewer("district_admin"), TEST_NOW, elaId, "2027"),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    const draft = await getFramework(admin(), draftId);
    expect(draft.framework).toMatchObject({
      status: "draft",
      version: "2027",
      replacesFrameworkId: elaId,
      canEdit: true,
    });
    expect((await getFramework(admin(), elaId)).framework).toMatchObject({
      status: "published",
      canEdit: false,
      canVersion: true,
    });
    // Teachers see neither the draft nor an edit button on the published one.
    expect((await listFrameworks(bed.ctx("teacher"))).map((row) => row.id)).not.toContain(draftId);
    expect((await getFramework(bed.ctx("teacher"), elaId)).framework).toMatchObject({
      canEdit: false,
      canVersion: false,
    });
  });

  it("lets the draft's items change, but never a published framework's", async () => {
    const target = await itemId(draftId, "ELA.R.1");
    await updateDraftItem(admin(), draftId, target, { fullStatement: "Cites several pieces of textual evidence." });
    expect((await getFramework(admin(), draftId)).items.find((item) => item.id === target)?.fullStatement).toBe(
      "Cites several pieces of textual evidence.",
    );
    await expect(updateDraftItem(admin(), draftId, target, { humanCodingScheme: "ELA.R.2" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      updateDraftItem(admin(), elaId, await itemId(elaId, "ELA.R.1"), { fullStatement: "Changed" }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("start a new version") });
    await expect(updateDraftItem(bed.ctx("teacher"), draftId, target, { fullStatement: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("links prerequisites, refusing a cycle with the cycle named", async () => {
    const [r1, r4, l2] = [
      await itemId(draftId, "ELA.R.1"),
      await itemId(draftId, "ELA.R.4"),
      await itemId(draftId, "ELA.L.2"),
    ];
    await expect(addPrerequisite(admin(), draftId, r4, r1)).rejects.toMatchObject({
      code: "conflict",
      message: "that would make a prerequisite cycle: ELA.R.4 → ELA.R.1 → ELA.R.2 → ELA.R.3 → ELA.R.4",
    });
    await addPrerequisite(admin(), draftId, l2, r1);
    await expect(addPrerequisite(admin(), draftId, l2, r1)).rejects.toMatchObject({ code: "conflict" });
    await removePrerequisite(admin(), draftId, l2, r1);
    await expect(removePrerequisite(admin(), draftId, l2, r1)).rejects.toMatchObject({ code: "not_found" });
    await addPrerequisite(admin(), draftId, l2, r1);
  });

  it("is published, and the old version stays readable, marked deprecated", async () => {
    await publishFramework(admin(), draftId);
    await expect(publishFramework(admin(), draftId)).rejects.toMatchObject({ code: "conflict" });
    const teacherView = await listFrameworks(bed.ctx("teacher"));
    expect(teacherView.find((row) => row.id === draftId)).toMatchObject({ status: "published", version: "2027" });
    expect(teacherView.find((row) => row.id === elaId)).toMatchObject({ status: "deprecated", version: "2026" });
    const old = await exportCasePackage(bed.ctx("teacher"), elaId);
    expect(old.CFDocument).toMatchObject({ adoptionStatus: "Deprecated", statusEndDate: "2026-11-02" });
    expect(old.CFItems?.find((item) => item.humanCodingScheme === "ELA.R.1")?.fullStatement).toBe(
      "Cites textual evidence that supports an analysis of what a text says.",
    );
    const published = await exportCasePackage(bed.ctx("teacher"), draftId);
    expect(schemaProblems(published, "1.1")).toEqual([]);
    expect(readCasePackage(published)).toMatchObject({ ok: true });
    const crosswalk = published.CFAssociations?.filter((association) => association.associationType === "replacedBy");
    expect(crosswalk).toHaveLength(old.CFItems?.length ?? 0);
  });
});
