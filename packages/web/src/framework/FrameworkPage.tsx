import type { FrameworkDetail } from "@cairn/core";
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import "./framework.css";
import { useFramework, useMoveItem } from "./api";
import { FrameworkActions } from "./FrameworkActions";
import { ItemAdder } from "./ItemAdder";
import { ProblemList } from "./ProblemList";
import { ScaleEditor } from "./ScaleEditor";
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
      <p>
        <Link to="/mastery/methods">{t("mastery.methods.title")}</Link>
      </p>
      {framework.canEdit && <ScaleEditor frameworkId={framework.id} scale={framework.scale} />}

      {framework.canEdit && <ItemAdder frameworkId={framework.id} items={items} />}

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
        framework.canEdit ? (
          <MovableTree nodes={tree} frameworkId={framework.id} />
        ) : (
          <ItemTree nodes={tree} frameworkId={framework.id} />
        )
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
      {nodes.map((node, index) => (
        <TreeBranch
          key={node.item.id}
          node={node}
          frameworkId={frameworkId}
          depth={0}
          index={index}
          count={nodes.length}
        />
      ))}
    </ul>
  );
}

/** Where the focus goes once a moved item is drawn in its new place. */
interface FocusRequest {
  itemId: string;
  index: number;
  direction: "up" | "down";
}

/** How a branch of an editable tree moves its item; absent when the tree is read only. */
interface Mover {
  move(itemId: string, direction: "up" | "down", code: string, index: number): void;
  focusRequest: FocusRequest | null;
  focused(): void;
}
const MoverContext = createContext<Mover | null>(null);

/**
 * The tree of a draft, for its admins: each item has Move up and Move down buttons, named
 * with its code. After a move the focus stays on the moved item's button (or its other one,
 * when it reached the end), and the move is announced.
 */
function MovableTree({ nodes, frameworkId }: { nodes: TreeNode[]; frameworkId: string }) {
  const t = useT();
  const moveItem = useMoveItem(frameworkId);
  const [announced, setAnnounced] = useState("");
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const mover: Mover = {
    focusRequest,
    focused: () => setFocusRequest(null),
    move(itemId, direction, code, index) {
      // A second press while the first move is on its way is ignored (a disabled button would lose the focus).
      if (moveItem.isPending) return;
      moveItem.mutate(
        { itemId, move: { direction } },
        {
          onSuccess: () => {
            setAnnounced(t("framework.moved", { code }));
            setFocusRequest({ itemId, direction, index: direction === "up" ? index - 1 : index + 1 });
          },
        },
      );
    },
  };
  return (
    <MoverContext.Provider value={mover}>
      <p role="status" className="visually-hidden">
        {announced}
      </p>
      {moveItem.isError && <ProblemList error={moveItem.error} />}
      <ItemTree nodes={nodes} frameworkId={frameworkId} />
    </MoverContext.Provider>
  );
}

function MoveButtons({ node, index, count }: { node: TreeNode; index: number; count: number }) {
  const t = useT();
  const mover = useContext(MoverContext);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const request = mover?.focusRequest;
  // Only once the item is drawn at its new place: the tree is read again after the move.
  useEffect(() => {
    if (!request || request.itemId !== node.item.id || request.index !== index) return;
    const [wanted, other] = request.direction === "up" ? [up, down] : [down, up];
    (wanted.current ?? other.current)?.focus();
    mover?.focused();
  }, [request, index, node.item.id, mover]);
  if (!mover) return null;
  const code = node.item.code ?? node.item.fullStatement.slice(0, 40);
  return (
    <span className="move-buttons">
      {index > 0 && (
        <button type="button" ref={up} onClick={() => mover.move(node.item.id, "up", code, index)}>
          {t("framework.moveUp")}
          <span className="visually-hidden"> {code}</span>
        </button>
      )}
      {index < count - 1 && (
        <button type="button" ref={down} onClick={() => mover.move(node.item.id, "down", code, index)}>
          {t("framework.moveDown")}
          <span className="visually-hidden"> {code}</span>
        </button>
      )}
    </span>
  );
}

function TreeBranch({
  node,
  frameworkId,
  depth,
  index,
  count,
}: {
  node: TreeNode;
  frameworkId: string;
  depth: number;
  index: number;
  count: number;
}) {
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
      <MoveButtons node={node} index={index} count={count} />
      {open && node.children.length > 0 && (
        <ul>
          {node.children.map((child, at) => (
            <TreeBranch
              key={child.item.id}
              node={child}
              frameworkId={frameworkId}
              depth={depth + 1}
              index={at}
              count={node.children.length}
            />
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
