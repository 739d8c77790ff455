import { buildPrerequisiteMap, findCycle } from "../prerequisite-map";
import type { CfPackage, LinkUri, Problem } from "./types";

/**
 * What a schema cannot see: identifiers used twice, codes used twice, links to objects
 * the package does not hold, and cycles in the tree or the prerequisite map. An
 * association may point outside the framework (an external reference, kept as such) only
 * from or to one of the framework's own items; a child must belong to this framework.
 */
export function referenceProblems(pkg: CfPackage): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const claim = (identifier: string, path: string) => {
    const first = seen.get(identifier);
    if (first)
      problems.push({ path: `${path}.identifier`, message: `identifier ${identifier} is already used at ${first}` });
    else seen.set(identifier, path);
  };

  claim(pkg.CFDocument.identifier, "$.CFDocument");
  const items = pkg.CFItems ?? [];
  const codes = new Map<string, string>();
  items.forEach((item, index) => {
    const path = `$.CFItems[${index}]`;
    claim(item.identifier, path);
    const code = item.humanCodingScheme;
    if (code) {
      const first = codes.get(code);
      if (first)
        problems.push({ path: `${path}.humanCodingScheme`, message: `code "${code}" is already used at ${first}` });
      else codes.set(code, path);
    }
  });
  const definitions = pkg.CFDefinitions ?? {};
  const definitionIds = {
    CFConcepts: new Set<string>(),
    CFSubjects: new Set<string>(),
    CFLicenses: new Set<string>(),
    CFItemTypes: new Set<string>(),
    CFAssociationGroupings: new Set<string>(),
  };
  for (const kind of Object.keys(definitionIds) as (keyof typeof definitionIds)[]) {
    (definitions[kind] ?? []).forEach((definition, index) => {
      claim(definition.identifier, `$.CFDefinitions.${kind}[${index}]`);
      definitionIds[kind].add(definition.identifier);
    });
  }
  const itemIds = new Set(items.map((item) => item.identifier));
  const mustDefine = (link: unknown, kind: keyof typeof definitionIds, path: string) => {
    const identifier = (link as LinkUri | undefined)?.identifier;
    if (identifier && !definitionIds[kind].has(identifier))
      problems.push({ path: `${path}.identifier`, message: `refers to ${identifier}, which is not among ${kind}` });
  };
  mustDefine(pkg.CFDocument.licenseURI, "CFLicenses", "$.CFDocument.licenseURI");
  for (const [index, link] of ((pkg.CFDocument.subjectURI ?? []) as LinkUri[]).entries())
    mustDefine(link, "CFSubjects", `$.CFDocument.subjectURI[${index}]`);
  items.forEach((item, index) => {
    const path = `$.CFItems[${index}]`;
    mustDefine(item.CFItemTypeURI, "CFItemTypes", `${path}.CFItemTypeURI`);
    mustDefine(item.conceptKeywordsURI, "CFConcepts", `${path}.conceptKeywordsURI`);
    mustDefine(item.licenseURI, "CFLicenses", `${path}.licenseURI`);
    for (const [linkIndex, link] of ((item.subjectURI ?? []) as LinkUri[]).entries())
      mustDefine(link, "CFSubjects", `${path}.subjectURI[${linkIndex}]`);
  });

  const internal = new Set([pkg.CFDocument.identifier, ...itemIds]);
  (pkg.CFAssociations ?? []).forEach((association, index) => {
    const path = `$.CFAssociations[${index}]`;
    claim(association.identifier, path);
    mustDefine(association.CFAssociationGroupingURI, "CFAssociationGroupings", `${path}.CFAssociationGroupingURI`);
    const origin = association.originNodeURI.identifier;
    const destination = association.destinationNodeURI.identifier;
    if (association.associationType === "isChildOf") {
      if (!itemIds.has(origin))
        problems.push({
          path: `${path}.originNodeURI.identifier`,
          message: `the child ${origin} is not an item of this framework`,
        });
      if (!internal.has(destination))
        problems.push({
          path: `${path}.destinationNodeURI.identifier`,
          message: `the parent ${destination} is neither this framework's document nor one of its items`,
        });
    } else if (!internal.has(origin) && !internal.has(destination)) {
      problems.push({ path, message: "neither end of this association is in this framework" });
    }
  });

  (pkg.CFRubrics ?? []).forEach((rubric, rubricIndex) => {
    const rubricPath = `$.CFRubrics[${rubricIndex}]`;
    claim(rubric.identifier, rubricPath);
    (rubric.CFRubricCriteria ?? []).forEach((criterion, criterionIndex) => {
      const path = `${rubricPath}.CFRubricCriteria[${criterionIndex}]`;
      claim(criterion.identifier, path);
      if (criterion.rubricId !== undefined && criterion.rubricId !== rubric.identifier)
        problems.push({ path: `${path}.rubricId`, message: `must be the rubric's identifier ${rubric.identifier}` });
      const item = criterion.CFItemURI?.identifier;
      if (item && !itemIds.has(item))
        problems.push({
          path: `${path}.CFItemURI.identifier`,
          message: `refers to ${item}, which is not an item of this framework`,
        });
      (criterion.CFRubricCriterionLevels ?? []).forEach((level, levelIndex) => {
        const levelPath = `${path}.CFRubricCriterionLevels[${levelIndex}]`;
        claim(level.identifier, levelPath);
        if (level.rubricCriterionId !== undefined && level.rubricCriterionId !== criterion.identifier)
          problems.push({
            path: `${levelPath}.rubricCriterionId`,
            message: `must be the criterion's identifier ${criterion.identifier}`,
          });
      });
    });
  });

  problems.push(
    ...cycleProblems(pkg, "precedes", "prerequisite cycle"),
    ...cycleProblems(pkg, "isChildOf", "the tree loops"),
  );
  return problems;
}

/** A cycle among the framework's own items, named by their codes, located at the association that closes it. */
function cycleProblems(pkg: CfPackage, type: "precedes" | "isChildOf", what: string): Problem[] {
  const associations = (pkg.CFAssociations ?? [])
    .map((association, index) => ({ association, index }))
    .filter(({ association }) => association.associationType === type);
  // For isChildOf the child comes "after" its parent; either way an edge is origin-to-destination order.
  const edges = associations.map(({ association }) =>
    type === "precedes"
      ? { before: association.originNodeURI.identifier, after: association.destinationNodeURI.identifier }
      : { before: association.destinationNodeURI.identifier, after: association.originNodeURI.identifier },
  );
  const cycle = findCycle(buildPrerequisiteMap(edges));
  if (!cycle) return [];
  const label = new Map(
    (pkg.CFItems ?? []).map((item) => [item.identifier, item.humanCodingScheme || item.identifier]),
  );
  const closing = associations.find(
    (_, index) => edges[index]?.before === cycle.at(-2) && edges[index]?.after === cycle.at(-1),
  );
  return [
    {
      path: `$.CFAssociations[${closing?.index ?? 0}]`,
      message: `${what}: ${cycle.map((id) => label.get(id) ?? id).join(" → ")}`,
    },
  ];
}
