import { describe, expect, it } from "vitest";
import { readCasePackage } from "./read-package";
import { caseUuid, everyFeaturePackage, syntheticPackage } from "./sample-packages";
import { schemaProblems } from "./schema-problems";
import type { CfPackage } from "./types";

function problemsOf(input: unknown) {
  const result = readCasePackage(input);
  if (result.ok) throw new Error("expected problems");
  return result;
}

describe("reading a CASE package", () => {
  it("accepts the package that uses every CASE 1.1 feature, unchanged, and it passes the official schema", () => {
    const pkg = everyFeaturePackage();
    expect(schemaProblems(pkg, "1.1")).toEqual([]);
    const result = readCasePackage(JSON.parse(JSON.stringify(pkg)));
    expect(result).toMatchObject({ ok: true, sourceVersion: "1.1" });
    if (result.ok) expect(result.package).toEqual(pkg);
  });

  it("locates schema problems by JSON path and names what is wrong", () => {
    const pkg = everyFeaturePackage() as unknown as {
      CFItems: Record<string, unknown>[];
      CFAssociations: Record<string, unknown>[];
    };
    delete pkg.CFItems[2]?.fullStatement;
    (pkg.CFItems[3] as Record<string, unknown>).identifier = "not-a-uuid";
    (pkg.CFAssociations[1] as Record<string, unknown>).associationType = "isCousinOf";
    (pkg.CFItems[4] as Record<string, unknown>).colour = "blue";
    const { problems } = problemsOf(pkg);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "$.CFItems[2].fullStatement", message: "is required" },
        { path: "$.CFItems[3].identifier", message: "must be a lower-case UUID (CASE identifier)" },
        { path: "$.CFAssociations[1].associationType", message: expect.stringContaining("must be one of isChildOf") },
        { path: "$.CFItems[4].colour", message: "is not a field CASE defines here" },
      ]),
    );
  });

  it("refuses what is not a package at all", () => {
    for (const input of [null, 42, "text", [], {}, { CFDocument: [] }])
      expect(problemsOf(input).problems).toEqual([{ path: "$", message: expect.stringContaining("CFPackage") }]);
  });

  it("finds duplicate identifiers and codes, dangling links and orphan associations", () => {
    const pkg = everyFeaturePackage();
    const items = pkg.CFItems ?? [];
    (items[2] as { identifier: string }).identifier = items[1]?.identifier ?? "";
    (items[3] as { humanCodingScheme: string }).humanCodingScheme = items[4]?.humanCodingScheme ?? "";
    const associations = pkg.CFAssociations ?? [];
    (associations[0] as { originNodeURI: { identifier: string } }).originNodeURI.identifier = caseUuid("nowhere");
    const grouped = associations.find((association) => association.CFAssociationGroupingURI);
    if (grouped?.CFAssociationGroupingURI) grouped.CFAssociationGroupingURI.identifier = caseUuid("no-grouping");
    const orphan = associations.find((association) => association.associationType === "isRelatedTo");
    if (orphan) {
      orphan.originNodeURI.identifier = caseUuid("elsewhere-1");
      orphan.destinationNodeURI.identifier = caseUuid("elsewhere-2");
    }
    const { problems } = problemsOf(pkg);
    const messages = problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\$\.CFItems\[2\]\.identifier: identifier .* is already used at \$\.CFItems\[1\]$/),
        `$.CFItems[4].humanCodingScheme: code "${items[4]?.humanCodingScheme}" is already used at $.CFItems[3]`,
        expect.stringMatching(/^\$\.CFAssociations\[0\]\.originNodeURI\.identifier: the child .* is not an item/),
        expect.stringMatching(
          /CFAssociationGroupingURI\.identifier: refers to .*, which is not among CFAssociationGroupings$/,
        ),
        expect.stringMatching(/: neither end of this association is in this framework$/),
      ]),
    );
  });

  it("names a prerequisite cycle by the items' codes", () => {
    const pkg = everyFeaturePackage();
    const byCode = new Map((pkg.CFItems ?? []).map((item) => [item.humanCodingScheme, item]));
    const third = byCode.get("M.6.RP.3");
    const first = byCode.get("M.6.RP.1");
    pkg.CFAssociations?.push({
      identifier: caseUuid("closing"),
      uri: "https://frameworks.example.org/uri/closing",
      lastChangeDateTime: "2026-09-01T12:00:00+00:00",
      associationType: "precedes",
      originNodeURI: { title: "3", identifier: third?.identifier ?? "", uri: third?.uri ?? "" },
      destinationNodeURI: { title: "1", identifier: first?.identifier ?? "", uri: first?.uri ?? "" },
    });
    const index = (pkg.CFAssociations?.length ?? 0) - 1;
    expect(problemsOf(pkg).problems).toEqual([
      { path: `$.CFAssociations[${index}]`, message: "prerequisite cycle: M.6.RP.1 → M.6.RP.2 → M.6.RP.3 → M.6.RP.1" },
    ]);
  });

  it("lists the first 50 problems and counts them all", () => {
    const pkg = syntheticPackage({ items: 120, prerequisitesPerItem: 0 });
    for (const item of pkg.CFItems ?? []) delete (item as Partial<typeof item>).fullStatement;
    const result = problemsOf(pkg);
    expect(result.problems).toHaveLength(50);
    expect(result.problemCount).toBe(120);
  });

  it("reads a CASE 1.0 package and upgrades it to 1.1 form", () => {
    const modern = everyFeaturePackage();
    const legacy = JSON.parse(JSON.stringify(modern)) as Record<string, Record<string, unknown>> & CfPackage;
    const document = legacy.CFDocument as Record<string, unknown>;
    for (const field of ["caseVersion", "frameworkType", "extensions"]) delete document[field];
    document.subject = "Mathematics";
    document.statusStartDate = "2026-08-01T00:00:00Z";
    document.statusEndDate = null;
    for (const item of legacy.CFItems ?? []) {
      for (const field of ["subject", "subjectURI", "extensions"]) delete (item as Record<string, unknown>)[field];
      if (item.educationLevel) (item as Record<string, unknown>).educationLevel = item.educationLevel.join(",");
    }
    for (const association of legacy.CFAssociations ?? []) {
      delete (association as Record<string, unknown>).notes;
      delete (association as Record<string, unknown>).extensions;
      delete association.destinationNodeURI.targetType;
      if (association.associationType === "isTranslationOf" || association.associationType.startsWith("ext:"))
        association.associationType = "isRelatedTo";
    }
    delete (legacy as Record<string, unknown>).extensions;
    const definitions = legacy.CFDefinitions as Record<string, { extensions?: unknown; description?: string }[]>;
    delete (definitions as { extensions?: unknown }).extensions;
    for (const list of Object.values(definitions)) for (const definition of list) delete definition.extensions;
    for (const itemType of definitions.CFItemTypes ?? []) delete itemType.description;
    for (const rubric of legacy.CFRubrics ?? []) {
      delete rubric.extensions;
      for (const criterion of rubric.CFRubricCriteria ?? []) {
        delete criterion.extensions;
        for (const level of criterion.CFRubricCriterionLevels ?? []) delete level.extensions;
      }
    }
    expect(schemaProblems(legacy, "1.0")).toEqual([]);
    const result = readCasePackage(legacy);
    expect(result).toMatchObject({ ok: true, sourceVersion: "1.0" });
    if (!result.ok) return;
    expect(result.package.CFDocument).toMatchObject({
      caseVersion: "1.1",
      subject: ["Mathematics"],
      statusStartDate: "2026-08-01",
    });
    expect(result.package.CFDocument).not.toHaveProperty("statusEndDate");
    expect(result.package.CFItems?.[1]?.educationLevel).toEqual(["06", "07"]);
    expect(result.package.CFDefinitions?.CFItemTypes?.every((type) => type.description !== undefined)).toBe(true);
    expect(schemaProblems(result.package, "1.1")).toEqual([]);
  });
});
