import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { CaseObject, CfAssociation, CfItem, CfPackage, LinkUri } from "./types";

/** A CASE identifier (a version-4-shaped, lower-case UUID) derived from a name, so samples are reproducible. */
export function caseUuid(name: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(name)));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16] ?? "0", 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CHANGED = "2026-09-01T12:00:00+00:00";
const BASE = "https://frameworks.example.org/uri";

function object(name: string): CaseObject {
  const identifier = caseUuid(name);
  return { identifier, uri: `${BASE}/${identifier}`, lastChangeDateTime: CHANGED };
}

function link(target: CaseObject, title: string): LinkUri {
  return { title, identifier: target.identifier, uri: target.uri };
}

/**
 * A small package that uses every part of CASE 1.1 Cairn must keep: all document and
 * item fields, every definition kind, every association type plus an `ext:` one, sequence
 * numbers, groupings, an association to another framework, rubrics with criteria and
 * levels, extensions at every level, Markdown and non-Latin text, and deep nesting.
 */
export function everyFeaturePackage(): CfPackage {
  const concept = {
    ...object("concept"),
    title: "Ratios",
    keywords: "ratio rate",
    hierarchyCode: "1",
    description: "Ratio reasoning",
  };
  const subject = { ...object("subject"), title: "Mathematics", hierarchyCode: "MATH", description: "Matemáticas" };
  const license = {
    ...object("license"),
    title: "CC BY 4.0",
    licenseText: "Creative Commons Attribution 4.0 — © autores",
  };
  const skillType = {
    ...object("type-skill"),
    title: "Learning target",
    description: "A skill",
    hierarchyCode: "3",
    typeCode: "skill",
  };
  const competencyType = { ...object("type-competency"), title: "Competency", description: "", hierarchyCode: "2" };
  const grouping = {
    ...object("grouping"),
    title: "Grade 6 pathway",
    description: "Suggested order",
    extensions: { "ext:colour": "teal" },
  };
  const document = {
    ...object("document"),
    frameworkType: "Competency framework",
    caseVersion: "1.1",
    creator: "Maplewood Unified",
    title: "Mathématiques — *grade 6* ratios 数学 🧮",
    officialSourceURL: "https://district.example.org/frameworks/math",
    publisher: "Maplewood Unified School District",
    description: "A **Markdown** description:\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    subject: ["Mathematics"],
    subjectURI: [link(subject, "Mathematics")],
    language: "en",
    version: "2.1",
    adoptionStatus: "Draft",
    statusStartDate: "2026-08-01",
    statusEndDate: "2027-07-31",
    licenseURI: link(license, "CC BY 4.0"),
    notes: 'Notes with "quotes", back\\slashes and <angle brackets>.',
    extensions: { "cairn:note": { nested: [1, 2, { deep: true }] } },
  };
  const root = {
    ...object("item-root"),
    fullStatement: "Understand ratio concepts and use ratio reasoning to solve problems.",
    alternativeLabel: "Ratios",
    CFItemType: "Competency",
    humanCodingScheme: "M.6.RP",
    listEnumeration: "1",
    abbreviatedStatement: "Ratio reasoning",
    conceptKeywords: ["ratio", "proportion"],
    conceptKeywordsURI: link(concept, "Ratios"),
    notes: "Root competency",
    subject: ["Mathematics"],
    subjectURI: [link(subject, "Mathematics")],
    language: "en",
    educationLevel: ["06"],
    CFItemTypeURI: link(competencyType, "Competency"),
    licenseURI: link(license, "CC BY 4.0"),
    statusStartDate: "2026-08-01",
    statusEndDate: "2027-07-31",
    extensions: { "cairn:lifelong": false },
  } satisfies CfItem;
  // A chain six deep under the root, each a learning target.
  const chain: CfItem[] = Array.from({ length: 6 }, (_, depth) => ({
    ...object(`item-depth-${depth}`),
    fullStatement: `Niveau ${depth + 1}: résoudre des problèmes — étape ${depth + 1} ✓`,
    humanCodingScheme: `M.6.RP.${depth + 1}`,
    CFItemType: "Learning target",
    CFItemTypeURI: link(skillType, "Learning target"),
    educationLevel: ["06", "07"],
    listEnumeration: String(depth + 1),
  }));
  const items = [root, ...chain];
  const external = {
    title: "CCSS.Math.Content.6.RP.A.1",
    identifier: caseUuid("external-ccss"),
    uri: "https://case.example.net/uri/6RPA1",
  };
  const association = (
    name: string,
    type: string,
    origin: LinkUri,
    destination: LinkUri,
    more: Partial<CfAssociation> = {},
  ): CfAssociation => ({
    ...object(name),
    associationType: type,
    originNodeURI: origin,
    destinationNodeURI: destination,
    ...more,
  });
  const itemLink = (item: CfItem) => link(item, item.humanCodingScheme ?? item.fullStatement);
  const documentLink = { ...link(document, document.title), targetType: "CASE" };
  const [first, second, third, fourth] = chain as [CfItem, CfItem, CfItem, CfItem];
  const associations: CfAssociation[] = [
    association("root-in-document", "isChildOf", itemLink(root), documentLink, { sequenceNumber: 1 }),
    ...chain.map((item, depth) =>
      association(
        `chain-${depth}`,
        "isChildOf",
        itemLink(item),
        itemLink(depth === 0 ? root : (chain[depth - 1] as CfItem)),
        {
          sequenceNumber: depth + 1,
        },
      ),
    ),
    association("first-precedes-second", "precedes", itemLink(first), itemLink(second), {
      CFAssociationGroupingURI: link(grouping, "Grade 6 pathway"),
      sequenceNumber: 1,
      notes: "Do this first",
    }),
    association("second-precedes-third", "precedes", itemLink(second), itemLink(third), { sequenceNumber: 2 }),
    association("related", "isRelatedTo", itemLink(third), itemLink(fourth)),
    association("peer", "isPeerOf", itemLink(first), itemLink(fourth)),
    association("part", "isPartOf", itemLink(fourth), itemLink(root)),
    association("exact", "exactMatchOf", itemLink(root), external),
    association("replaced", "replacedBy", itemLink(third), itemLink(second)),
    association("exemplar", "exemplar", itemLink(second), {
      title: "Work sample",
      identifier: caseUuid("exemplar"),
      uri: "https://district.example.org/exemplars/1",
    }),
    association("skill-level", "hasSkillLevel", itemLink(first), itemLink(second)),
    association("translation", "isTranslationOf", itemLink(fourth), external),
    association("extension-type", "ext:alignsWithCareerCluster", itemLink(root), external, {
      extensions: { "ext:cluster": "STEM" },
    }),
  ];
  const rubric = object("rubric");
  const criterion = object("criterion");
  return {
    CFDocument: document,
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: {
      CFConcepts: [concept],
      CFSubjects: [subject],
      CFLicenses: [license],
      CFItemTypes: [competencyType, skillType],
      CFAssociationGroupings: [grouping],
      extensions: { "cairn:definitions": "kept" },
    },
    CFRubrics: [
      {
        ...rubric,
        title: "Ratio reasoning rubric",
        description: "Scores a performance task",
        CFRubricCriteria: [
          {
            ...criterion,
            category: "Reasoning",
            description: "Explains the ratio",
            CFItemURI: itemLink(first),
            weight: 0.5,
            position: 1,
            rubricId: rubric.identifier,
            CFRubricCriterionLevels: [1, 2, 3, 4].map((score) => ({
              ...object(`level-${score}`),
              description: `Level ${score}`,
              quality: ["Beginning", "Developing", "Proficient", "Advanced"][score - 1],
              score,
              feedback: `Feedback ${score}`,
              position: score,
              rubricCriterionId: criterion.identifier,
            })),
          },
        ],
      },
    ],
    extensions: { "cairn:package": { exportedBy: "hand" } },
  };
}

/**
 * A large framework for benchmarks: `items` learning targets in a tree of 20 strands,
 * each with `prerequisitesPerItem` precedes links to earlier items (so the map is acyclic).
 */
export function syntheticPackage(options: { items: number; prerequisitesPerItem: number; name?: string }): CfPackage {
  const name = options.name ?? "synthetic";
  const document = {
    ...object(`${name}-document`),
    creator: "Cairn",
    title: `Synthetic framework (${options.items} items)`,
    caseVersion: "1.1",
  };
  const items: CfItem[] = Array.from({ length: options.items }, (_, index) => ({
    ...object(`${name}-item-${index}`),
    fullStatement: `Skill ${index}: a learning target for benchmarks`,
    humanCodingScheme: `S.${index % 20}.${index}`,
    CFItemType: "Learning target",
    educationLevel: [String((index % 9) + 1).padStart(2, "0")],
  }));
  const associations: CfAssociation[] = [];
  items.forEach((item, index) => {
    const parent = index < 20 ? document : (items[index % 20] as CfItem);
    associations.push({
      ...object(`${name}-child-${index}`),
      associationType: "isChildOf",
      originNodeURI: link(item, item.humanCodingScheme ?? ""),
      destinationNodeURI: link(parent, "parent"),
      sequenceNumber: index,
    });
    for (let k = 1; k <= options.prerequisitesPerItem && index - k * 7 >= 0; k++) {
      const before = items[index - k * 7] as CfItem;
      associations.push({
        ...object(`${name}-precedes-${index}-${k}`),
        associationType: "precedes",
        originNodeURI: link(before, before.humanCodingScheme ?? ""),
        destinationNodeURI: link(item, item.humanCodingScheme ?? ""),
      });
    }
  });
  return { CFDocument: document, CFItems: items, CFAssociations: associations };
}
