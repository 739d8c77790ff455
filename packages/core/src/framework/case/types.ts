/**
 * A CASE CFPackage as Cairn keeps it: each object exactly as the publisher wrote it
 * (after upgrading CASE 1.0 to 1.1), so nothing a publisher put in — extensions, notes,
 * URIs, change dates — is lost on the way back out. Only the fields Cairn reads are typed.
 */
export interface LinkUri {
  title: string;
  identifier: string;
  uri: string;
  targetType?: string;
}

export interface CaseObject {
  identifier: string;
  uri: string;
  lastChangeDateTime: string;
  extensions?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface CfDocument extends CaseObject {
  title: string;
  creator: string;
  version?: string;
  adoptionStatus?: string;
  caseVersion?: string;
  language?: string;
}

export interface CfItem extends CaseObject {
  fullStatement: string;
  humanCodingScheme?: string;
  abbreviatedStatement?: string;
  CFItemType?: string;
  educationLevel?: string[];
  listEnumeration?: string;
}

export interface CfAssociation extends CaseObject {
  associationType: string;
  originNodeURI: LinkUri;
  destinationNodeURI: LinkUri;
  sequenceNumber?: number;
  CFAssociationGroupingURI?: LinkUri;
}

export interface CfRubricCriterionLevel extends CaseObject {
  quality?: string;
  score?: number;
  feedback?: string;
  position?: number;
}

export interface CfRubricCriterion extends CaseObject {
  category?: string;
  CFItemURI?: LinkUri;
  weight?: number;
  position?: number;
  CFRubricCriterionLevels?: CfRubricCriterionLevel[];
}

export interface CfRubric extends CaseObject {
  title?: string;
  CFRubricCriteria?: CfRubricCriterion[];
}

export interface CfDefinitions {
  CFConcepts?: CaseObject[];
  CFSubjects?: CaseObject[];
  CFLicenses?: CaseObject[];
  CFItemTypes?: CaseObject[];
  CFAssociationGroupings?: CaseObject[];
  extensions?: Record<string, unknown>;
}

export interface CfPackage {
  CFDocument: CfDocument;
  CFItems?: CfItem[];
  CFAssociations?: CfAssociation[];
  CFDefinitions?: CfDefinitions;
  CFRubrics?: CfRubric[];
  extensions?: Record<string, unknown>;
}

/** One thing wrong with an input, located by its JSON path (`$.CFItems[3].identifier`). */
export interface Problem {
  path: string;
  message: string;
}
