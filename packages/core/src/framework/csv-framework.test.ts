import { describe, expect, it } from "vitest";
import { readCasePackage } from "./case";
import { schemaProblems } from "./case/schema-problems";
import { caseFromCsvRows, FRAMEWORK_CSV_COLUMNS } from "./csv-framework";

const META = { title: "Science 6", creator: "Maplewood", identifierKey: "test", now: "2026-11-02T15:00:00Z" };
const header = [...FRAMEWORK_CSV_COLUMNS];
const row = (values: Partial<Record<(typeof FRAMEWORK_CSV_COLUMNS)[number], string>>) =>
  Object.fromEntries(FRAMEWORK_CSV_COLUMNS.map((column) => [column, values[column] ?? ""]));

describe("a framework from the CSV template", () => {
  it("becomes a sound CASE package with the tree, the prerequisites, grades and the lifelong flag", () => {
    const result = caseFromCsvRows(
      header,
      [
        row({ code: "SCI.6", statement: "Matter and energy", type: "Competency", grades: "06" }),
        row({
          code: "SCI.6.1",
          parent_code: "SCI.6",
          statement: "Describes states of matter.",
          type: "Learning target",
          grades: "06;07",
        }),
        row({
          code: "SCI.6.2",
          parent_code: "SCI.6",
          statement: "Explains energy transfer.",
          prerequisite_codes: "SCI.6.1",
          lifelong: "no",
        }),
      ],
      META,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(schemaProblems(result.package, "1.1")).toEqual([]);
    expect(readCasePackage(result.package)).toMatchObject({ ok: true });
    expect(result.package.CFItems?.[1]).toMatchObject({ humanCodingScheme: "SCI.6.1", educationLevel: ["06", "07"] });
    const precedes = result.package.CFAssociations?.filter((association) => association.associationType === "precedes");
    expect(precedes?.map((edge) => [edge.originNodeURI.title, edge.destinationNodeURI.title])).toEqual([
      ["SCI.6.1", "SCI.6.2"],
    ]);
    expect(result.package.CFDocument.adoptionStatus).toBe("Draft");
  });

  it("lists every problem by row and column, counting the header as row 1", () => {
    const result = caseFromCsvRows(
      header,
      [
        row({ code: "A", statement: "First", prerequisite_codes: "C" }),
        row({ code: "A", statement: "Again" }),
        row({ code: "B", statement: "", parent_code: "Z", grades: "6th" }),
        row({ code: "C", statement: "Third", prerequisite_codes: "A;Q", lifelong: "maybe" }),
      ],
      META,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 3, column: "code", message: '"A" is already used on row 2' },
        { row: 4, column: "statement", message: "is required" },
        { row: 4, column: "grades", message: '"6th" is not a grade code (KG, 01 … 12)' },
        { row: 5, column: "lifelong", message: '"maybe" must be yes or no' },
        { row: 4, column: "parent_code", message: 'no row has the code "Z"' },
        { row: 5, column: "prerequisite_codes", message: 'no row has the code "Q"' },
        { row: 5, column: "prerequisite_codes", message: "prerequisite cycle: A → C → A" },
      ],
    });
  });

  it("names a loop in the tree and refuses unknown or missing columns", () => {
    const loop = caseFromCsvRows(
      header,
      [row({ code: "A", parent_code: "B", statement: "a" }), row({ code: "B", parent_code: "A", statement: "b" })],
      META,
    );
    expect(loop).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: "parent_code", message: "the tree loops: A → B → A" }, { row: 3 }],
    });
    expect(caseFromCsvRows(["code", "colour"], [], META)).toEqual({
      ok: false,
      problems: [
        { row: 1, column: "statement", message: 'the column "statement" is missing' },
        { row: 1, column: "colour", message: expect.stringContaining("unknown column") },
      ],
    });
  });
});
