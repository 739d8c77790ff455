import { describe, expect, it } from "vitest";
import { readCasePackage } from "../../framework/case";
import { schemaProblems } from "../../framework/case/schema-problems";
import { buildPrerequisiteMap, findCycle } from "../../framework/prerequisite-map";
import { demoFrameworkPackages } from ".";

describe("the demo district's frameworks", () => {
  it("are sound CASE 1.1 packages", () => {
    for (const pkg of demoFrameworkPackages()) {
      expect(schemaProblems(pkg, "1.1"), pkg.CFDocument.title).toEqual([]);
      expect(readCasePackage(pkg), pkg.CFDocument.title).toMatchObject({ ok: true });
    }
  });

  it("include the Common Core K–8 mathematics standards with an acyclic prerequisite map", () => {
    const math = demoFrameworkPackages().find((pkg) => pkg.CFDocument.title.startsWith("Mathematics"));
    const codes = new Set(math?.CFItems?.map((item) => item.humanCodingScheme));
    // 317 standards and components, plus 9 grades and their domains.
    expect(math?.CFItems?.filter((item) => item.CFItemType !== "Grade" && item.CFItemType !== "Domain")).toHaveLength(
      317,
    );
    for (const code of ["K.CC.A.1", "4.NF.B.3.c", "6.RP.A.3", "8.EE.C.8.b"]) expect(codes).toContain(code);
    const precedes = (math?.CFAssociations ?? []).filter((association) => association.associationType === "precedes");
    expect(precedes.length).toBeGreaterThan(400);
    const map = buildPrerequisiteMap(
      precedes.map((edge) => ({ before: edge.originNodeURI.identifier, after: edge.destinationNodeURI.identifier })),
    );
    expect(findCycle(map)).toBeNull();
    expect(math?.CFDocument.notes).toContain("National Governors Association Center for Best Practices");
  });

  it("mark the Portrait of a Graduate and the habits as lifelong learning", () => {
    const lifelong = demoFrameworkPackages().filter((pkg) =>
      (pkg.CFItems ?? []).every((item) => item.extensions?.["cairn:lifelong"] === true),
    );
    expect(lifelong.map((pkg) => pkg.CFDocument.title)).toEqual([
      "Portrait of a Maplewood Graduate",
      "Habits of Success",
    ]);
  });
});
