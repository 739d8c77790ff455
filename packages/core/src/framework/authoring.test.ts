import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  childAssociation,
  exemplarAssociation,
  exemplarLevel,
  itemRubric,
  movedChild,
  newFrameworkPackage,
  newItem,
  reorderedSiblings,
  rubricWithoutItem,
  type Sibling,
  siblingOrder,
  treeLoopIfMoved,
  withScale,
} from "./authoring";
import { readCasePackage } from "./case";
import { everyFeaturePackage } from "./case/sample-packages";
import { schemaProblems } from "./case/schema-problems";
import { DEFAULT_PROFICIENCY_SCALE, scaleFor } from "./framework-scale";

const NOW = "2026-11-02T15:00:00.000Z";
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const threeLevels = {
  levels: [
    { code: "N", label: "Not yet", descriptor: "Not shown yet", value: 1 },
    { code: "M", label: "Meets", descriptor: "Shown independently", value: 2 },
    { code: "E", label: "Exceeds", descriptor: "", value: 3 },
  ],
  masteryCode: "M",
};

describe("a framework built in Cairn", () => {
  const pkg = newFrameworkPackage({
    identifier: ID(1),
    title: "Science practices",
    creator: "Maplewood",
    version: "1",
    subject: "Science",
    language: "en",
    now: NOW,
  });
  const document = withScale(pkg.CFDocument, threeLevels, NOW);
  const parent = newItem(
    document,
    { identifier: ID(2), fullStatement: "Asks questions", humanCodingScheme: "SCI.1" },
    NOW,
  );
  const child = newItem(
    document,
    {
      identifier: ID(3),
      fullStatement: "Asks testable questions",
      humanCodingScheme: "SCI.1.1",
      abbreviatedStatement: "",
      CFItemType: "Learning target",
      educationLevel: ["06"],
    },
    NOW,
  );
  const built = {
    ...pkg,
    CFDocument: document,
    CFItems: [parent, child],
    CFAssociations: [
      childAssociation(parent, document, 1, NOW),
      childAssociation(child, parent, 1, NOW),
      exemplarAssociation(child, { title: "Lab notebook", uri: "https://samples.example.org/1", levelCode: "M" }, NOW),
    ],
    CFRubrics: [itemRubric(child, scaleFor(document, child), { title: null, description: "Scored on a lab" }, NOW)],
  };

  it("is a sound CASE 1.1 package that Cairn reads back", () => {
    expect(schemaProblems(built, "1.1")).toEqual([]);
    expect(readCasePackage(built)).toMatchObject({ ok: true });
    expect(built.CFDocument).toMatchObject({ adoptionStatus: "Draft", subject: ["Science"], version: "1" });
    expect(child).not.toHaveProperty("abbreviatedStatement");
    expect(child.uri).toBe(`urn:cairn:case:${ID(3)}`);
  });

  it("keeps the scale in the document's extensions, and removes only it", () => {
    expect(scaleFor(document)).toEqual(threeLevels);
    const withOther = { ...document, extensions: { ...document.extensions, "ext:colour": "teal" } };
    expect(withScale(withOther, null, NOW).extensions).toEqual({ "ext:colour": "teal" });
    expect(withScale(document, null, NOW)).not.toHaveProperty("extensions");
  });

  it("makes the rubric's levels from the scale, in order", () => {
    const [criterion] = built.CFRubrics[0]?.CFRubricCriteria ?? [];
    expect(criterion?.CFItemURI?.identifier).toBe(child.identifier);
    expect(criterion?.CFRubricCriterionLevels?.map((level) => [level.quality, level.score, level.position])).toEqual([
      ["Not yet", 1, 1],
      ["Meets", 2, 2],
      ["Exceeds", 3, 3],
    ]);
    expect(built.CFRubrics[0]?.title).toBe("Rubric: SCI.1.1");
    // Made again, it has the same identifiers: it replaces the old one.
    const again = itemRubric(child, DEFAULT_PROFICIENCY_SCALE, {}, "later");
    expect(again.identifier).toBe(built.CFRubrics[0]?.identifier);
    expect(again.CFRubricCriteria?.[0]?.CFRubricCriterionLevels).toHaveLength(4);
  });

  it("drops an item's criteria from a rubric, and the rubric when nothing is left", () => {
    const rubric = built.CFRubrics[0];
    if (!rubric) throw new Error("no rubric");
    expect(rubricWithoutItem(rubric, child.identifier, NOW)).toBeNull();
    expect(rubricWithoutItem(rubric, parent.identifier, NOW)).toBe(rubric);
    const shared = everyFeaturePackage().CFRubrics?.[0];
    if (!shared) throw new Error("no rubric");
    const two = {
      ...shared,
      CFRubricCriteria: [...(shared.CFRubricCriteria ?? []), ...(rubric.CFRubricCriteria ?? [])],
    };
    expect(rubricWithoutItem(two, child.identifier, NOW)?.CFRubricCriteria).toEqual(shared.CFRubricCriteria);
  });

  it("attaches a work sample at a level, once per address and level", () => {
    const sample = { title: "Lab notebook", uri: "https://samples.example.org/1", levelCode: "M" };
    const exemplar = exemplarAssociation(child, sample, NOW);
    expect(exemplarLevel(exemplar)).toBe("M");
    expect(exemplar.destinationNodeURI.uri).toBe(sample.uri);
    expect(exemplarAssociation(child, sample, "later").identifier).toBe(exemplar.identifier);
    expect(exemplarAssociation(child, { ...sample, levelCode: "E" }, NOW).identifier).not.toBe(exemplar.identifier);
  });

  it("moves a child under a new parent, keeping the rest of the association", () => {
    const link = built.CFAssociations[1];
    if (!link) throw new Error("no link");
    const moved = movedChild(link, { sequenceNumber: 4, parent: document }, "later");
    expect(moved).toMatchObject({
      identifier: link.identifier,
      sequenceNumber: 4,
      lastChangeDateTime: "later",
      destinationNodeURI: { identifier: document.identifier, title: "Science practices" },
    });
  });
});

/** Siblings with sequence numbers that may be missing or repeated, as publishers leave them. */
const siblings = fc
  .array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 1, maxLength: 8 })
  .map((sequences): Sibling[] => sequences.map((sequence, index) => ({ id: `s${index}`, sequence, position: index })));

describe("reordering siblings", () => {
  it("trades the item with its neighbour and leaves every other sibling in its place (property)", () => {
    fc.assert(
      fc.property(siblings, fc.nat(), fc.constantFrom("up" as const, "down" as const), (list, pick, direction) => {
        const before = siblingOrder(list).map((sibling) => sibling.id);
        const itemId = before[pick % before.length] as string;
        const changes = reorderedSiblings(list, itemId, direction);
        const index = before.indexOf(itemId);
        const other = direction === "up" ? index - 1 : index + 1;
        if (other < 0 || other >= before.length) {
          expect(changes).toBeNull();
          return;
        }
        const changed = new Map((changes ?? []).map((change) => [change.id, change.sequence]));
        const after = siblingOrder(
          list.map((sibling) => ({ ...sibling, sequence: changed.get(sibling.id) ?? sibling.sequence })),
        );
        const expected = [...before];
        expected[index] = before[other] as string;
        expected[other] = itemId;
        expect(after.map((sibling) => sibling.id)).toEqual(expected);
      }),
    );
  });

  it("swaps just the two numbers when the siblings are numbered", () => {
    const list = [1, 2, 3].map((sequence, index) => ({ id: `s${index}`, sequence, position: index }));
    expect(reorderedSiblings(list, "s1", "up")).toEqual([
      { id: "s1", sequence: 1 },
      { id: "s0", sequence: 2 },
    ]);
    expect(reorderedSiblings(list, "s2", "down")).toBeNull();
  });
});

/** A random forest: each item's parent is an earlier item or none. */
const forest = fc
  .array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 30 })
  .map(
    (parents) =>
      new Map(
        parents.map((parent, index) => [`i${index}`, parent === null || index === 0 ? null : `i${parent % index}`]),
      ),
  );

describe("moving an item to a new parent", () => {
  it("is a loop exactly when the new parent is the item or sits under it (property)", () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (parentOf, a, b) => {
        const ids = [...parentOf.keys()];
        const item = ids[a % ids.length] as string;
        const target = ids[b % ids.length] as string;
        const ancestors = new Set<string>();
        for (let at: string | null | undefined = target; at; at = parentOf.get(at)) ancestors.add(at);
        const loop = treeLoopIfMoved(parentOf, item, target);
        expect(loop !== null).toBe(ancestors.has(item));
        if (loop) {
          expect(loop[0]).toBe(item);
          expect(loop.at(-1)).toBe(target);
          for (let at = 1; at < loop.length; at++) expect(parentOf.get(loop[at] as string)).toBe(loop[at - 1]);
        }
        expect(treeLoopIfMoved(parentOf, item, null)).toBeNull();
      }),
    );
  });
});
