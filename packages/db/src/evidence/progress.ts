import { type LeafMastery, leafMastery, type Progress, type RolledUp, rollUp, standingOf } from "@cairn/core";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { type DbContext, isoDate } from "../context";
import type { Db } from "../database";
import { recordAccess } from "../privacy/record-access";
import { enrollment, frameworkAssociation, mastery, section, term } from "../schema";
import { evidenceScope } from "./access";
import { courseItemIds } from "./course-items";
import { levelLabel, loadItems, type ScoredItem } from "./items";
import { rollupRules, ruleFor } from "./rollup-settings";

type MasteryRow = typeof mastery.$inferSelect;

/**
 * Where a student stands: this term's courses (how many of each course's items are mastered,
 * in progress, not started; what they are working on) and every competency, trait or domain
 * above the items they have evidence on, rolled up by the district's rule. Roll-ups are
 * computed from the stored mastery on each read, so they are never behind it. Logged.
 */
export function getStudentProgress(ctx: DbContext, studentId: string): Promise<Progress> {
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    const { districtId } = await evidenceScope(inTx, studentId);
    const today = isoDate(ctx.now);
    const [rows, sections, rules] = await Promise.all([
      tx.select().from(mastery).where(eq(mastery.studentId, studentId)),
      tx
        .select({ id: section.id, name: section.name, subject: section.subject, courseCode: section.courseCode })
        .from(enrollment)
        .innerJoin(section, eq(section.id, enrollment.sectionId))
        .innerJoin(term, eq(term.id, section.termId))
        .where(and(eq(enrollment.studentId, studentId), lte(term.startsOn, today), gte(term.endsOn, today)))
        .orderBy(asc(section.subject), asc(section.name)),
      rollupRules(tx, districtId),
    ]);
    const byItem = new Map(rows.map((row) => [row.itemId, row]));
    const courseItems = new Map(
      await Promise.all(
        sections.map(async (found) => [found.id, await courseItemIds(tx, districtId, found.courseCode)] as const),
      ),
    );
    const tree = await frameworkTrees(
      tx,
      rows.map((row) => row.itemId),
    );
    const items = await loadItems(tx, [
      ...rows.map((row) => row.itemId),
      ...[...courseItems.values()].flat(),
      ...tree.nodes,
      ...[...tree.nodes].flatMap((node) => tree.childrenOf.get(node) ?? []),
    ]);
    await recordAccess(inTx, { action: "read_student_record", studentId, districtId, dataElements: ["mastery"] });
    return {
      studentId,
      courses: sections.map((found) => courseProgress(found, courseItems.get(found.id) ?? [], byItem, items)),
      rollups: rollups(tree, byItem, items, rules),
    };
  });
}

function ref(items: ReadonlyMap<string, ScoredItem>, itemId: string) {
  const item = items.get(itemId);
  return { itemId, code: item?.code ?? null, statement: item?.statement ?? "" };
}

function courseProgress(
  found: { id: string; name: string; subject: string; courseCode: string },
  itemIds: readonly string[],
  byItem: ReadonlyMap<string, MasteryRow>,
  items: ReadonlyMap<string, ScoredItem>,
): Progress["courses"][number] {
  const rows = itemIds.flatMap((itemId) => byItem.get(itemId) ?? []);
  const standings = itemIds.map((itemId) => standingOf(byItem.get(itemId) ?? { value: null, mastered: false }));
  const inProgress = rows.filter((row) => standingOf(row) === "in_progress");
  return {
    sectionId: found.id,
    sectionName: found.name,
    subject: found.subject,
    courseCode: found.courseCode,
    total: itemIds.length,
    mastered: standings.filter((standing) => standing === "mastered").length,
    inProgress: inProgress.length,
    notStarted: standings.filter((standing) => standing === "not_started").length,
    items: itemIds.flatMap((itemId, index) => {
      const item = items.get(itemId);
      if (!item) return [];
      const row = byItem.get(itemId);
      return [
        {
          ...ref(items, itemId),
          frameworkId: item.frameworkId,
          standing: standings[index] ?? "not_started",
          level: row ? levelLabel(item.scale, row.value) : null,
        },
      ];
    }),
    workingOn: inProgress
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      .slice(0, 3)
      .map((row) => {
        const item = items.get(row.itemId);
        return { ...ref(items, row.itemId), level: item ? levelLabel(item.scale, row.value) : null };
      }),
    recentlyMastered: rows
      .filter((row) => row.mastered)
      .sort((a, b) => (b.masteredAt?.getTime() ?? 0) - (a.masteredAt?.getTime() ?? 0))
      .slice(0, 3)
      .map((row) => ({ ...ref(items, row.itemId), masteredAt: row.masteredAt?.toISOString() ?? null })),
  };
}

interface Trees {
  /** The ancestors of the items with evidence, each once. */
  nodes: Set<string>;
  parentOf: Map<string, string>;
  childrenOf: Map<string, string[]>;
}

/** The isChildOf trees of the frameworks the items are in, and the items' ancestors in them. */
async function frameworkTrees(db: Db, itemIds: readonly string[]): Promise<Trees> {
  const trees: Trees = { nodes: new Set(), parentOf: new Map(), childrenOf: new Map() };
  if (itemIds.length === 0) return trees;
  const items = await loadItems(db, itemIds);
  const frameworkIds = [...new Set([...items.values()].map((item) => item.frameworkId))];
  const links = await db
    .select({ child: frameworkAssociation.originItemId, parent: frameworkAssociation.destinationItemId })
    .from(frameworkAssociation)
    .where(
      and(
        inArray(frameworkAssociation.frameworkId, frameworkIds),
        eq(frameworkAssociation.associationType, "isChildOf"),
      ),
    )
    .orderBy(asc(frameworkAssociation.position));
  for (const { child, parent } of links) {
    if (!child || !parent) continue;
    trees.parentOf.set(child, parent);
    trees.childrenOf.set(parent, [...(trees.childrenOf.get(parent) ?? []), child]);
  }
  for (const itemId of itemIds) {
    let parent = trees.parentOf.get(itemId);
    while (parent && !trees.nodes.has(parent)) {
      trees.nodes.add(parent);
      parent = trees.parentOf.get(parent);
    }
  }
  return trees;
}

function rollups(
  trees: Trees,
  byItem: ReadonlyMap<string, MasteryRow>,
  items: ReadonlyMap<string, ScoredItem>,
  rules: Awaited<ReturnType<typeof rollupRules>>,
): Progress["rollups"] {
  const leaves = new Map<string, LeafMastery>();
  for (const [itemId, row] of byItem) {
    const item = items.get(itemId);
    if (item) leaves.set(itemId, leafMastery(row.value, row.mastered, item.range));
  }
  const nodes = [...trees.nodes]
    .flatMap((node) => {
      const item = items.get(node);
      return item ? [item] : [];
    })
    .sort((a, b) => `${a.frameworkTitle} ${a.code ?? ""}`.localeCompare(`${b.frameworkTitle} ${b.code ?? ""}`));
  const results = new Map<string, RolledUp>();
  for (const frameworkId of new Set(nodes.map((item) => item.frameworkId))) {
    const roots = nodes.filter((item) => item.frameworkId === frameworkId).map((item) => item.id);
    for (const [id, result] of rollUp(trees.childrenOf, leaves, ruleFor(rules, frameworkId), roots))
      results.set(id, result);
  }
  return nodes.map((item) => {
    const result = results.get(item.id);
    return {
      ...ref(items, item.id),
      framework: { id: item.frameworkId, title: item.frameworkTitle },
      itemType: item.itemType,
      parentId: trees.parentOf.get(item.id) ?? null,
      rule: ruleFor(rules, item.frameworkId),
      standing: result?.mastered ? "mastered" : result?.started ? "in_progress" : "not_started",
      level: result?.level ?? 0,
      masteredChildren: result?.masteredChildren ?? 0,
      totalChildren: result?.totalChildren ?? 0,
    };
  });
}
