/**
 * The prerequisite map of a framework: CASE `precedes` associations, read as "origin must
 * come before destination". Pure functions over an index built once, so a query on a
 * 10,000-item map walks only the part of the graph it needs.
 */
export interface Precedence {
  /** The item that comes first (the prerequisite). */
  before: string;
  /** The item it leads to. */
  after: string;
}

export interface PrerequisiteMap {
  /** For each item, its direct prerequisites. */
  readonly prerequisitesOf: ReadonlyMap<string, readonly string[]>;
  /** For each item, the items it directly unlocks. */
  readonly unlocksOf: ReadonlyMap<string, readonly string[]>;
}

export function buildPrerequisiteMap(edges: Iterable<Precedence>): PrerequisiteMap {
  const prerequisitesOf = new Map<string, string[]>();
  const unlocksOf = new Map<string, string[]>();
  for (const { before, after } of edges) {
    append(prerequisitesOf, after, before);
    append(unlocksOf, before, after);
  }
  return { prerequisitesOf, unlocksOf };
}

function append(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else index.set(key, [value]);
}

/** Every item that must come before this one, directly or through others (breadth-first, nearest first). */
export function allPrerequisites(map: PrerequisiteMap, item: string): string[] {
  return reachable(map.prerequisitesOf, item);
}

/** Every item this one leads to, directly or through others (breadth-first, nearest first). */
export function allUnlocked(map: PrerequisiteMap, item: string): string[] {
  return reachable(map.unlocksOf, item);
}

function reachable(
  index: ReadonlyMap<string, readonly string[]>,
  start: string,
  depth = Number.POSITIVE_INFINITY,
): string[] {
  const seen = new Set<string>([start]);
  const order: string[] = [];
  let frontier = [start];
  for (let step = 0; frontier.length > 0 && step < depth; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of index.get(node) ?? []) {
        if (seen.has(neighbour)) continue;
        seen.add(neighbour);
        order.push(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return order;
}

/**
 * A cycle in the map, named item by item and closed (`[a, b, c, a]`), or null when the map
 * is acyclic. Iterative depth-first search, so deep chains cannot overflow the stack.
 */
export function findCycle(map: PrerequisiteMap): string[] | null {
  const state = new Map<string, "open" | "done">();
  for (const root of map.unlocksOf.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursors: number[] = [0];
    state.set(root, "open");
    while (path.length > 0) {
      const node = path[path.length - 1] as string;
      const neighbours = map.unlocksOf.get(node) ?? [];
      const cursor = cursors[cursors.length - 1] as number;
      if (cursor >= neighbours.length) {
        state.set(node, "done");
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = cursor + 1;
      const next = neighbours[cursor] as string;
      const seen = state.get(next);
      if (seen === "open") return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        state.set(next, "open");
        path.push(next);
        cursors.push(0);
      }
    }
  }
  return null;
}

/**
 * The cycle that adding `before → after` would close, named from `before` round to itself,
 * or null when the edge is safe to add.
 */
export function cycleIfAdded(map: PrerequisiteMap, edge: Precedence): string[] | null {
  if (edge.before === edge.after) return [edge.before, edge.before];
  const path = shortestPath(map.unlocksOf, edge.after, edge.before);
  return path ? [edge.before, ...path] : null;
}

function shortestPath(index: ReadonlyMap<string, readonly string[]>, from: string, to: string): string[] | null {
  const parent = new Map<string, string | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      if (node === to) {
        const path: string[] = [];
        for (let step: string | null = node; step !== null; step = parent.get(step) ?? null) path.unshift(step);
        return path;
      }
      for (const neighbour of index.get(node) ?? []) {
        if (parent.has(neighbour)) continue;
        parent.set(neighbour, node);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return null;
}

/**
 * Items not yet mastered whose every direct prerequisite is mastered: the frontier a
 * learner is ready for. Items with no prerequisites are ready from the start.
 */
export function readyToLearn(map: PrerequisiteMap, items: Iterable<string>, mastered: ReadonlySet<string>): string[] {
  const ready: string[] = [];
  for (const item of items) {
    if (mastered.has(item)) continue;
    if ((map.prerequisitesOf.get(item) ?? []).every((prerequisite) => mastered.has(prerequisite))) ready.push(item);
  }
  return ready;
}

/**
 * The items within `depth` steps of an item, each way, nearest first and at most `limit`
 * each way: the part of a large map a reader can take in at once.
 */
export function neighbourhood(
  map: PrerequisiteMap,
  item: string,
  options: { depth: number; limit: number },
): { prerequisites: string[]; unlocks: string[] } {
  return {
    prerequisites: reachable(map.prerequisitesOf, item, options.depth).slice(0, options.limit),
    unlocks: reachable(map.unlocksOf, item, options.depth).slice(0, options.limit),
  };
}
