import type { FrameworkDetail } from "@cairn/core";

type Item = FrameworkDetail["items"][number];

export interface TreeNode {
  item: Item;
  children: TreeNode[];
}

/** The items as a tree, each level in its sequence order (then the publisher's order). */
export function buildTree(items: Item[]): TreeNode[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: TreeNode, b: TreeNode) =>
    (a.item.sequence ?? Number.MAX_SAFE_INTEGER) - (b.item.sequence ?? Number.MAX_SAFE_INTEGER) ||
    a.item.position - b.item.position;
  const sort = (list: TreeNode[]) => {
    list.sort(order);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Items whose code or statement contains every word of the query, with the codes of the items above them. */
export function matchingItems(items: Item[], query: string): (Item & { path: string[] })[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const byId = new Map(items.map((item) => [item.id, item]));
  return items
    .filter((item) => {
      const text = `${item.code ?? ""} ${item.fullStatement}`.toLocaleLowerCase();
      return words.every((word) => text.includes(word));
    })
    .map((item) => {
      const path: string[] = [];
      for (let parent = item.parentId ? byId.get(item.parentId) : undefined; parent; ) {
        path.unshift(parent.code ?? parent.fullStatement.slice(0, 30));
        parent = parent.parentId ? byId.get(parent.parentId) : undefined;
      }
      return { ...item, path };
    });
}
