/**
 * Writes the demo district's mathematics framework as a CASE 1.1 package, generated from
 * the Common Core math standards and their dependency graph in ../shared/data/ccssm (see
 * its README). Run from the repository root after the source data changes:
 *
 *   npx tsx scripts/generate-demo-math.ts [path/to/ccssm]
 *
 * The package is committed (packages/core/src/demo/frameworks/math.case.json) so a fresh
 * clone loads the demo without the source data; this script is how it is made.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { type CfAssociation, type CfItem, type CfPackage, caseUuid } from "../packages/core/src/framework/case";

const source = process.argv[2] ?? "../shared/data/ccssm";
const output = "packages/core/src/demo/frameworks/math.case.json";

const GRADES = ["K", "1", "2", "3", "4", "5", "6", "7", "8"];
const DOMAINS: Record<string, string> = {
  CC: "Counting and Cardinality",
  OA: "Operations and Algebraic Thinking",
  NBT: "Number and Operations in Base Ten",
  NF: "Number and Operations—Fractions",
  MD: "Measurement and Data",
  G: "Geometry",
  RP: "Ratios and Proportional Relationships",
  NS: "The Number System",
  EE: "Expressions and Equations",
  F: "Functions",
  SP: "Statistics and Probability",
};
const CHANGED = "2026-08-01T00:00:00+00:00";
const BASE = "https://maplewood.example/case/uri";
const ATTRIBUTION =
  "© Copyright 2010. National Governors Association Center for Best Practices and Council of Chief State School Officers. All rights reserved. Used under the Common Core State Standards public license. Dependency map from the standards' wiring diagram (Jeff Baumes, Apache-2.0), cleaned by flywheelmath/ccssm (MIT).";

interface Row {
  grade_level_code: string;
  domain_code: string;
  cluster_code: string;
  standard_counter: string;
  substandard_counter: string;
  description: string;
}

const rows = parse(readFileSync(join(source, "ccssm-k8.csv")), { columns: true, skip_empty_lines: true }) as Row[];
const edges = parse(readFileSync(join(source, "ccssm-dependencies.csv")), {
  columns: true,
  skip_empty_lines: true,
}) as {
  source: string;
  target: string;
  relationship: string;
}[];

const object = (name: string) => {
  const identifier = caseUuid(`cairn-demo-math/${name}`);
  return { identifier, uri: `${BASE}/${identifier}`, lastChangeDateTime: CHANGED };
};
const itemType = (title: string, hierarchyCode: string) => ({
  ...object(`type/${title}`),
  title,
  description: `${title} in the Common Core mathematics standards`,
  hierarchyCode,
});
const types = {
  grade: itemType("Grade", "1"),
  domain: itemType("Domain", "2"),
  standard: itemType("Learning target", "3"),
  component: itemType("Indicator", "4"),
};
const licence = { ...object("licence"), title: "Common Core State Standards public license", licenseText: ATTRIBUTION };
const document = {
  ...object("document"),
  caseVersion: "1.1",
  frameworkType: "Standards",
  creator: "Maplewood Unified School District (demo)",
  title: "Mathematics K–8 (Common Core)",
  publisher: "National Governors Association Center for Best Practices and Council of Chief State School Officers",
  description:
    "The Common Core State Standards for Mathematics, kindergarten to grade 8, as learning targets with a prerequisite map.",
  subject: ["Mathematics"],
  language: "en",
  version: "2010",
  adoptionStatus: "Adopted",
  officialSourceURL: "https://www.thecorestandards.org/Math/",
  licenseURI: { title: licence.title, identifier: licence.identifier, uri: licence.uri },
  notes: ATTRIBUTION,
};
const link = (target: { identifier: string; uri: string }, title: string) => ({
  title,
  identifier: target.identifier,
  uri: target.uri,
});
const educationLevel = (grade: string) => [grade === "K" ? "KG" : grade.padStart(2, "0")];

const items: CfItem[] = [];
const associations: CfAssociation[] = [];
const byCode = new Map<string, CfItem>();
const childOf = (child: CfItem, parent: { identifier: string; uri: string }, title: string, sequence: number) =>
  associations.push({
    ...object(`child/${child.humanCodingScheme}`),
    associationType: "isChildOf",
    originNodeURI: link(child, child.humanCodingScheme ?? ""),
    destinationNodeURI: link(parent, title),
    sequenceNumber: sequence,
  });
const add = (item: CfItem) => {
  items.push(item);
  if (item.humanCodingScheme) byCode.set(item.humanCodingScheme, item);
  return item;
};

GRADES.forEach((grade, gradeIndex) => {
  const gradeItem = add({
    ...object(`grade/${grade}`),
    fullStatement: grade === "K" ? "Kindergarten mathematics" : `Grade ${grade} mathematics`,
    humanCodingScheme: grade,
    CFItemType: types.grade.title,
    CFItemTypeURI: link(types.grade, types.grade.title),
    educationLevel: educationLevel(grade),
    language: "en",
  });
  childOf(gradeItem, document, document.title, gradeIndex + 1);
  const domains = [...new Set(rows.filter((row) => row.grade_level_code === grade).map((row) => row.domain_code))];
  domains.forEach((domain, domainIndex) => {
    const domainItem = add({
      ...object(`domain/${grade}.${domain}`),
      fullStatement: DOMAINS[domain] ?? domain,
      humanCodingScheme: `${grade}.${domain}`,
      CFItemType: types.domain.title,
      CFItemTypeURI: link(types.domain, types.domain.title),
      educationLevel: educationLevel(grade),
      language: "en",
    });
    childOf(domainItem, gradeItem, gradeItem.humanCodingScheme ?? "", domainIndex + 1);
    const standards = rows.filter((row) => row.grade_level_code === grade && row.domain_code === domain);
    standards.forEach((row, index) => {
      const standardCode = `${grade}.${domain}.${row.cluster_code}.${row.standard_counter}`;
      const code = row.substandard_counter ? `${standardCode}.${row.substandard_counter}` : standardCode;
      const component = row.substandard_counter !== "";
      const type = component ? types.component : types.standard;
      const item = add({
        ...object(`item/${code}`),
        fullStatement: row.description,
        humanCodingScheme: code,
        CFItemType: type.title,
        CFItemTypeURI: link(type, type.title),
        educationLevel: educationLevel(grade),
        language: "en",
        ...(component ? { listEnumeration: row.substandard_counter } : {}),
      });
      const parent = component ? byCode.get(standardCode) : domainItem;
      if (!parent) throw new Error(`${code}: its standard ${standardCode} comes later in the file`);
      childOf(item, parent, parent.humanCodingScheme ?? "", index + 1);
    });
  });
});

let skipped = 0;
for (const edge of edges) {
  const [before, after] = [byCode.get(edge.source), byCode.get(edge.target)];
  // Edges to the high-school standards leave this K–8 framework; they are left out.
  if (!before || !after) {
    skipped++;
    continue;
  }
  associations.push({
    ...object(`${edge.relationship}/${edge.source}/${edge.target}`),
    associationType: edge.relationship === "dependency" ? "precedes" : "isRelatedTo",
    originNodeURI: link(before, edge.source),
    destinationNodeURI: link(after, edge.target),
  });
}

const pkg: CfPackage = {
  CFDocument: document,
  CFItems: items,
  CFAssociations: associations,
  CFDefinitions: { CFItemTypes: Object.values(types), CFLicenses: [licence] },
};
writeFileSync(output, `${JSON.stringify(pkg)}\n`);
console.log(
  `Wrote ${output}: ${items.length} items, ${associations.length} associations (${skipped} edges to high-school standards left out).`,
);
