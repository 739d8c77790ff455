import type { FrameworkItemDetail, ItemRef } from "@cairn/core";
import { graphlib, layout } from "@dagrejs/dagre";
import { useMemo } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/context";

const NODE_WIDTH = 168;
const NODE_HEIGHT = 48;
const MARGIN = 16;

interface Placed {
  node: FrameworkItemDetail["map"]["nodes"][number];
  x: number;
  y: number;
}

/**
 * The item's neighbourhood on the prerequisite map, laid out in layers (dagre): what must
 * come first above, what it leads to below. Every box is a link, reachable by Tab in reading
 * order; the lists of prerequisites and unlocks on the page say the same in words.
 */
export function PrerequisiteMap({ detail, href }: { detail: FrameworkItemDetail; href: (ref: ItemRef) => string }) {
  const t = useT();
  const { map } = detail;
  const drawing = useMemo(() => lay(map), [map]);
  if (map.nodes.length <= 1) return <p>{t("item.mapEmpty")}</p>;
  const shownPrerequisites = map.nodes.filter((node) => node.relation === "prerequisite").length;
  const shownUnlocks = map.nodes.filter((node) => node.relation === "unlock").length;
  const truncated = shownPrerequisites < map.totalPrerequisites || shownUnlocks < map.totalUnlocks;
  return (
    <figure className="prerequisite-map">
      <figcaption id="map-description">
        {t("item.mapDescription")}
        {truncated && (
          <>
            {" "}
            {t("item.mapShowing", {
              shown: String(shownPrerequisites + shownUnlocks),
              prerequisites: String(map.totalPrerequisites),
              unlocks: String(map.totalUnlocks),
            })}
          </>
        )}
      </figcaption>
      <ul className="map-legend">
        <li className="legend-self">{t("item.legend.self")}</li>
        <li className="legend-prerequisite">{t("item.legend.prerequisite")}</li>
        <li className="legend-unlock">{t("item.legend.unlock")}</li>
      </ul>
      <div className="map-scroll">
        <svg
          viewBox={`0 0 ${drawing.width} ${drawing.height}`}
          width={drawing.width}
          height={drawing.height}
          aria-labelledby="map-title"
          aria-describedby="map-description"
        >
          <title id="map-title">{t("item.map")}</title>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M0,0 L10,5 L0,10 z" className="map-arrowhead" />
            </marker>
          </defs>
          {drawing.edges.map((edge) => (
            <path key={edge.key} d={edge.path} className="map-edge" markerEnd="url(#arrow)" />
          ))}
          {drawing.placed.map(({ node, x, y }) => (
            <Link
              key={node.id}
              to={href(node)}
              // The name starts with the words shown in the box (WCAG 2.5.3); the lists above give the full statements.
              aria-label={`${node.code ?? ""} ${shorten(node.fullStatement, 24)} (${t(`item.legend.${node.relation}`)})`}
              className={`map-node map-node-${node.relation}`}
            >
              <rect x={x - NODE_WIDTH / 2} y={y - NODE_HEIGHT / 2} width={NODE_WIDTH} height={NODE_HEIGHT} rx="6" />
              <text x={x} y={y - 6} textAnchor="middle">
                <tspan className="map-code">{`${node.code ?? ""} `}</tspan>
                <tspan x={x} dy="18" className="map-statement">
                  {shorten(node.fullStatement, 24)}
                </tspan>
              </text>
            </Link>
          ))}
        </svg>
      </div>
    </figure>
  );
}

function lay(map: FrameworkItemDetail["map"]) {
  const graph = new graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 16, ranksep: 36, marginx: MARGIN, marginy: MARGIN });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of map.nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of map.edges) graph.setEdge(edge.before, edge.after);
  layout(graph);
  const placed: Placed[] = map.nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    return { node, x, y };
  });
  // Tab order follows the drawing: top to bottom, left to right.
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  const edges = map.edges.map((edge) => {
    const points = graph.edge(edge.before, edge.after).points ?? [];
    return {
      key: `${edge.before}-${edge.after}`,
      path: points
        .map((point: { x: number; y: number }, index: number) => `${index === 0 ? "M" : "L"}${point.x},${point.y}`)
        .join(" "),
    };
  });
  const { width = 0, height = 0 } = graph.graph();
  return {
    placed,
    edges,
    width: Math.max(width, NODE_WIDTH + 2 * MARGIN),
    height: Math.max(height, NODE_HEIGHT + 2 * MARGIN),
  };
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}
