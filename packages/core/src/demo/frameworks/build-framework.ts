import { type CfAssociation, type CfItem, type CfPackage, caseUuid } from "../../framework/case";

const CHANGED = "2026-08-01T00:00:00+00:00";
const BASE = "https://maplewood.example/case/uri";

export interface DemoItem {
  code: string;
  statement: string;
  type: string;
  /** The code of the item it sits under; absent at the top of the framework. */
  parent?: string;
  grades?: string[];
  /** Lifelong or personal learning rather than academic (seeds 004:128, 004:693). */
  lifelong?: boolean;
}

/**
 * A small CASE 1.1 framework written by hand for the demo district: items in a tree,
 * prerequisites between them, every identifier derived from the framework's key.
 */
export function buildFramework(options: {
  key: string;
  title: string;
  description: string;
  subject: string;
  items: DemoItem[];
  precedes?: [string, string][];
}): CfPackage {
  const object = (name: string) => {
    const identifier = caseUuid(`cairn-demo/${options.key}/${name}`);
    return { identifier, uri: `${BASE}/${identifier}`, lastChangeDateTime: CHANGED };
  };
  const document = {
    ...object("document"),
    caseVersion: "1.1",
    creator: "Maplewood Unified School District (demo)",
    title: options.title,
    publisher: "Maplewood Unified School District",
    description: options.description,
    subject: [options.subject],
    language: "en",
    version: "2026",
    adoptionStatus: "Adopted",
  };
  const types = [...new Set(options.items.map((item) => item.type))].map((title, index) => ({
    ...object(`type/${title}`),
    title,
    description: title,
    hierarchyCode: String(index + 1),
  }));
  const byCode = new Map<string, CfItem>();
  const items = options.items.map((item) => {
    const type = types.find((candidate) => candidate.title === item.type);
    const cfItem: CfItem = {
      ...object(`item/${item.code}`),
      fullStatement: item.statement,
      humanCodingScheme: item.code,
      CFItemType: item.type,
      ...(type ? { CFItemTypeURI: { title: type.title, identifier: type.identifier, uri: type.uri } } : {}),
      ...(item.grades ? { educationLevel: item.grades } : {}),
      language: "en",
      extensions: { "cairn:lifelong": item.lifelong ?? false },
    };
    byCode.set(item.code, cfItem);
    return cfItem;
  });
  const link = (code: string) => {
    const target = byCode.get(code);
    if (!target) throw new Error(`${options.key}: no item ${code}`);
    return { title: code, identifier: target.identifier, uri: target.uri };
  };
  const siblings = new Map<string, number>();
  const associations: CfAssociation[] = options.items.map((item) => {
    const parentKey = item.parent ?? "";
    const sequence = (siblings.get(parentKey) ?? 0) + 1;
    siblings.set(parentKey, sequence);
    return {
      ...object(`child/${item.code}`),
      associationType: "isChildOf",
      originNodeURI: link(item.code),
      destinationNodeURI: item.parent
        ? link(item.parent)
        : { title: document.title, identifier: document.identifier, uri: document.uri },
      sequenceNumber: sequence,
    };
  });
  for (const [before, after] of options.precedes ?? [])
    associations.push({
      ...object(`precedes/${before}/${after}`),
      associationType: "precedes",
      originNodeURI: link(before),
      destinationNodeURI: link(after),
    });
  return { CFDocument: document, CFItems: items, CFAssociations: associations, CFDefinitions: { CFItemTypes: types } };
}
