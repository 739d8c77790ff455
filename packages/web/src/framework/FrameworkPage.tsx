import type { FrameworkDetail } from "@cairn/core";
import { useId, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import "./framework.css";
import { useFramework } from "./api";
import { FrameworkActions } from "./FrameworkActions";
import { ScaleTable } from "./ScaleTable";
import { StatusBadge } from "./StatusBadge";
import { buildTree, matchingItems, type TreeNode } from "./tree";

/** One framework: what it is, its scale, and its items as a tree with search by code or words. */
export function FrameworkPage() {
  const { id = "" } = useParams();
  const t = useT();
  const framework = useFramework(id);
  usePageTitle(framework.data?.framework.title ?? t("framework.listTitle"));
  if (framework.isPending) return <Loading />;
  if (framework.isError) return <ErrorState error={framework.error} onRetry={() => framework.refetch()} />;
  return <FrameworkView detail={framework.data} />;
}

function FrameworkView({ detail }: { detail: FrameworkDetail }) {
  const t = useT();
  const { framework, items } = detail;
  const [query, setQuery] = useState("");
  const searchId = useId();
  const hintId = useId();
  const tree = useMemo(() => buildTree(items), [items]);
  const matches = useMemo(() => matchingItems(items, query), [items, query]);
  return (
    <>
      <h1>{framework.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t("framework.status")}</dt>
          <dd>
            <StatusBadge status={framework.status} />
          </dd>
        </div>
        {framework.version && (
          <div>
            <dt>{t("framework.version")}</dt>
            <dd>{framework.version}</dd>
          </div>
        )}
        {framework.publisher && (
          <div>
            <dt>{t("framework.publisher")}</dt>
            <dd>{framework.publisher}</dd>
          </div>
        )}
        {framework.subjects.length > 0 && (
          <div>
            <dt>{t("framework.subjects")}</dt>
            <dd>{framework.subjects.join(", ")}</dd>
          </div>
        )}
        {framework.licence && (
          <div>
            <dt>{t("framework.licence")}</dt>
            <dd>{framework.licence}</dd>
          </div>
        )}
        {framework.officialSourceUrl && (
          <div>
            <dt>{t("framework.source")}</dt>
            <dd>
              <a href={framework.officialSourceUrl} rel="noreferrer">
                {framework.officialSourceUrl}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {framework.description && <p className="statement">{framework.description}</p>}
      <FrameworkActions framework={framework} />
      <p>
        <a href={`/api/v1/frameworks/${framework.id}/case`} download={`${framework.identifier}.json`}>
          {t("framework.download")}
        </a>
      </p>

      <h2>{t("framework.scale")}</h2>
      <ScaleTable scale={framework.scale} />

      <h2>{t("framework.tree")}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t("framework.search")}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          aria-describedby={hintId}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p id={hintId} className="muted">
          {t("framework.searchHint")}
        </p>
      </div>
      {query.trim() === "" ? (
        <ItemTree nodes={tree} frameworkId={framework.id} />
      ) : (
        <section aria-live="polite">
          <p>
            {matches.length === 0
              ? t("framework.noMatches", { query: query.trim() })
              : t("framework.matches", { count: String(matches.length) })}
          </p>
          <ul className="item-list">
            {matches.slice(0, 200).map((item) => (
              <li key={item.id}>
                <ItemLink frameworkId={framework.id} item={item} />
                {item.path.length > 0 && <span className="muted"> — {item.path.join(" › ")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ItemTree({ nodes, frameworkId }: { nodes: TreeNode[]; frameworkId: string }) {
  return (
    <ul className="item-tree">
      {nodes.map((node) => (
        <TreeBranch key={node.item.id} node={node} frameworkId={frameworkId} depth={0} />
      ))}
    </ul>
  );
}

function TreeBranch({ node, frameworkId, depth }: { node: TreeNode; frameworkId: string; depth: number }) {
  const t = useT();
  // The first two levels start open, so the strands and their competencies are visible at once.
  const [open, setOpen] = useState(depth < 1);
  const label = node.item.code ?? node.item.fullStatement.slice(0, 40);
  return (
    <li>
      {node.children.length > 0 && (
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={open}
          aria-label={t(open ? "framework.collapse" : "framework.expand", { code: label })}
          onClick={() => setOpen(!open)}
        >
          {open ? "−" : "+"}
        </button>
      )}
      <ItemLink frameworkId={frameworkId} item={node.item} />
      {open && node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <TreeBranch key={child.item.id} node={child} frameworkId={frameworkId} depth={depth + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}

function ItemLink({
  frameworkId,
  item,
}: {
  frameworkId: string;
  item: { id: string; code: string | null; fullStatement: string };
}) {
  return (
    <Link to={`/frameworks/${frameworkId}/items/${item.id}`} className="item-link">
      {item.code && <span className="item-code">{item.code}</span>} {item.fullStatement}
    </Link>
  );
}
