import type { MasteryItem, Progress } from "@cairn/core";
import { describe, expect, it } from "vitest";
import { skillGroups } from "./skill-choices";

const MATH = { id: "f-math", title: "Mathematics K–8" };
const ELA = { id: "f-ela", title: "English Language Arts 6–8" };

function withEvidence(itemId: string, framework: { id: string; title: string }): MasteryItem {
  return {
    itemId,
    code: itemId.toUpperCase(),
    statement: `Statement of ${itemId}.`,
    framework,
    value: 3,
    mastered: true,
    masteredAt: null,
    level: "Proficient",
    evidenceCount: 1,
  };
}

function course(sectionId: string, name: string, itemIds: string[], frameworkId: string): Progress["courses"][number] {
  return {
    sectionId,
    sectionName: name,
    subject: name,
    courseCode: name,
    total: itemIds.length,
    mastered: 0,
    inProgress: 0,
    notStarted: itemIds.length,
    items: itemIds.map((itemId) => ({
      itemId,
      code: itemId.toUpperCase(),
      statement: `Statement of ${itemId}.`,
      frameworkId,
      standing: "not_started",
      level: null,
    })),
    workingOn: [],
    recentlyMastered: [],
  };
}

describe("skillGroups", () => {
  it("offers each class's skills in the course's order, named by the class", () => {
    const groups = skillGroups({
      courses: [course("s-math", "Math 7", ["m2", "m1"], MATH.id), course("s-ela", "ELA 7", ["e1"], ELA.id)],
      mastery: [withEvidence("m1", MATH), withEvidence("e1", ELA)],
    });
    expect(
      groups.map((group) => [group.course, group.framework, group.choices.map((choice) => choice.itemId)]),
    ).toEqual([
      ["Math 7", MATH.title, ["m2", "m1"]],
      ["ELA 7", ELA.title, ["e1"]],
    ]);
  });

  it("puts skills with evidence outside this term's classes under their framework, each skill once", () => {
    const groups = skillGroups({
      courses: [course("s-math", "Math 7", ["m1"], MATH.id), course("s-math-2", "Math 7 lab", ["m1", "m3"], MATH.id)],
      mastery: [withEvidence("m1", MATH), withEvidence("m9", MATH), withEvidence("e4", ELA)],
    });
    expect(groups.map((group) => [group.course, group.choices.map((choice) => choice.itemId)])).toEqual([
      ["Math 7", ["m1"]],
      ["Math 7 lab", ["m3"]],
      [null, ["m9"]],
      [null, ["e4"]],
    ]);
    expect(groups[3]?.framework).toBe(ELA.title);
  });

  it("offers nothing when there are no classes and no evidence", () => {
    expect(skillGroups({ courses: [], mastery: [] })).toEqual([]);
  });
});
