import { describe, expect, it } from "vitest";
import { readCasePackage } from "./case";
import { everyFeaturePackage } from "./case/sample-packages";
import { schemaProblems } from "./case/schema-problems";
import { documentWithStatus, editedItem, newVersionOf, precedesAssociation } from "./editing";

const NOW = "2026-11-02T15:00:00+00:00";

describe("a new version of a framework", () => {
  const old = everyFeaturePackage();
  const next = newVersionOf(old, { version: "3.0", now: NOW });

  it("is a sound draft package with new identifiers everywhere", () => {
    expect(schemaProblems(next, "1.1")).toEqual([]);
    expect(readCasePackage(next)).toMatchObject({ ok: true });
    expect(next.CFDocument).toMatchObject({ version: "3.0", adoptionStatus: "Draft", lastChangeDateTime: NOW });
    const oldIds = new Set(
      JSON.stringify(old).match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g),
    );
    for (const item of next.CFItems ?? []) expect(oldIds.has(item.identifier)).toBe(false);
    expect(next.CFItems?.map((item) => item.fullStatement)).toEqual(old.CFItems?.map((item) => item.fullStatement));
  });

  it("links each old item to the item that replaces it, and keeps links to other frameworks as they were", () => {
    const crosswalk = (next.CFAssociations ?? []).filter(
      (association) => association.associationType === "replacedBy" && association.lastChangeDateTime === NOW,
    );
    const replaced = crosswalk.filter((association) =>
      old.CFItems?.some((item) => item.identifier === association.originNodeURI.identifier),
    );
    expect(replaced).toHaveLength(old.CFItems?.length ?? 0);
    const external = next.CFAssociations?.find((association) => association.associationType === "exactMatchOf");
    expect(external?.destinationNodeURI.uri).toBe("https://case.example.net/uri/6RPA1");
  });

  it("is the same every time it is made (identifiers derive from the old ones and the version)", () => {
    expect(newVersionOf(old, { version: "3.0", now: NOW })).toEqual(next);
    expect(newVersionOf(old, { version: "3.1", now: NOW }).CFDocument.identifier).not.toBe(next.CFDocument.identifier);
  });
});

describe("editing", () => {
  const item = everyFeaturePackage().CFItems?.[0];
  if (!item) throw new Error("no item");

  it("changes only what it is asked to, keeps extensions, and dates the change", () => {
    const edited = editedItem(item, { fullStatement: "New statement", humanCodingScheme: "" }, NOW);
    expect(edited).toMatchObject({
      fullStatement: "New statement",
      lastChangeDateTime: NOW,
      extensions: item.extensions,
    });
    expect(edited).not.toHaveProperty("humanCodingScheme");
    expect(edited.abbreviatedStatement).toBe(item.abbreviatedStatement);
  });

  it("names a prerequisite link after its two ends", () => {
    const [a, b] = everyFeaturePackage().CFItems ?? [];
    if (!a || !b) throw new Error("no items");
    expect(precedesAssociation(a, b, NOW).identifier).toBe(precedesAssociation(a, b, "later").identifier);
    expect(precedesAssociation(a, b, NOW).identifier).not.toBe(precedesAssociation(b, a, NOW).identifier);
  });

  it("publishes and retires with CASE's own status fields", () => {
    const document = everyFeaturePackage().CFDocument;
    expect(documentWithStatus(document, "published", "2026-11-02", NOW)).toMatchObject({
      adoptionStatus: "Adopted",
      statusStartDate: "2026-11-02",
    });
    expect(documentWithStatus(document, "deprecated", "2026-11-02", NOW)).toMatchObject({
      adoptionStatus: "Deprecated",
      statusEndDate: "2026-11-02",
    });
  });
});
