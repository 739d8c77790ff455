import type { FrameworkItemDetail, ItemRef } from "@cairn/core";
import { Link, useParams } from "react-router";
import { type Translate, useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import "./framework.css";
import { useFrameworkItem } from "./api";
import { DeleteItem, MoveUnder, RubricEditor, WorkSamples } from "./ItemAuthoring";
import { ItemEditor, PrerequisiteEditor } from "./ItemEditor";
import { PrerequisiteMap } from "./PrerequisiteMap";
import { ScaleTable } from "./ScaleTable";

/** One item: statement, place in the tree, prerequisites and unlocks (as lists and as a map), alignments, rubric, scale. */
export function ItemPage() {
  const { id = "", itemId = "" } = useParams();
  const t = useT();
  const detail = useFrameworkItem(id, itemId);
  usePageTitle(detail.data ? (detail.data.item.code ?? detail.data.item.fullStatement.slice(0, 60)) : undefined);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const { framework, item } = detail.data;
  // Work samples have their own section, by level; the other alignments are listed together.
  const alignments = detail.data.associations.filter(
    (association) => !(association.type === "exemplar" && association.direction === "outgoing"),
  );
  const link = (ref: ItemRef) => `/frameworks/${framework.id}/items/${ref.id}`;
  return (
    <>
      <p>
        <Link to={`/frameworks/${framework.id}`}>{t("item.backToFramework", { title: framework.title })}</Link>
      </p>
      <h1>
        {item.code && <span className="item-code">{item.code}</span>} {item.abbreviatedStatement ?? item.fullStatement}
      </h1>
      <p className="statement" lang={item.language ?? undefined}>
        {item.fullStatement}
      </p>
      <dl className="facts">
        {item.itemType && (
          <div>
            <dt>{t("item.type")}</dt>
            <dd>{item.itemType}</dd>
          </div>
        )}
        {item.educationLevels.length > 0 && (
          <div>
            <dt>{t("item.grades")}</dt>
            <dd>{item.educationLevels.join(", ")}</dd>
          </div>
        )}
        {item.conceptKeywords.length > 0 && (
          <div>
            <dt>{t("item.keywords")}</dt>
            <dd>{item.conceptKeywords.join(", ")}</dd>
          </div>
        )}
        {item.lifelong && (
          <div>
            <dt>{t("item.lifelong")}</dt>
            <dd>✓</dd>
          </div>
        )}
        {detail.data.parent && (
          <div>
            <dt>{t("item.partOf")}</dt>
            <dd>
              <Link to={link(detail.data.parent)}>{refLabel(detail.data.parent)}</Link>
            </dd>
          </div>
        )}
      </dl>
      {item.notes && (
        <>
          <h2>{t("item.notes")}</h2>
          <p className="statement">{item.notes}</p>
        </>
      )}
      {detail.data.children.length > 0 && (
        <>
          <h2>{t("item.children")}</h2>
          <RefList refs={detail.data.children} href={link} />
        </>
      )}

      <h2>{t("item.prerequisites")}</h2>
      {detail.data.prerequisites.length === 0 ? (
        <p>{t("item.noPrerequisites")}</p>
      ) : (
        <RefList refs={detail.data.prerequisites} href={link} />
      )}
      <h2>{t("item.unlocks")}</h2>
      {detail.data.unlocks.length === 0 ? (
        <p>{t("item.noUnlocks")}</p>
      ) : (
        <RefList refs={detail.data.unlocks} href={link} />
      )}

      {framework.canEdit && (
        <>
          <ItemEditor key={item.id} detail={detail.data} />
          <MoveUnder key={`move-${item.id}`} detail={detail.data} />
          <PrerequisiteEditor detail={detail.data} />
        </>
      )}

      <h2 id="map-heading">{t("item.map")}</h2>
      <PrerequisiteMap detail={detail.data} href={link} />

      {alignments.length > 0 && (
        <>
          <h2>{t("item.alignments")}</h2>
          <ul className="item-list">
            {alignments.map((association, index) => (
              // Associations have no id of their own here; their order is the publisher's and stable.
              <li key={index}>
                {associationLabel(t, association)}:{" "}
                {association.target.itemId ? (
                  <Link to={`/frameworks/${framework.id}/items/${association.target.itemId}`}>
                    {association.target.code ?? association.target.title}
                  </Link>
                ) : (
                  <>
                    <a href={association.target.uri} rel="noreferrer">
                      {association.target.title}
                    </a>{" "}
                    <span className="muted">({t("item.alignment.outside")})</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {detail.data.rubricCriteria.map((criterion, index) => (
        <section key={index}>
          <h2>
            {t("item.rubric")}: {criterion.rubricTitle ?? criterion.category ?? ""}
          </h2>
          {criterion.description && (
            <p>
              {criterion.description}
              {criterion.weight !== null && (
                <span className="muted"> ({t("item.rubric.weight", { weight: String(criterion.weight) })})</span>
              )}
            </p>
          )}
          <table>
            <caption className="visually-hidden">
              {t("item.rubric.criterion")}: {criterion.category ?? criterion.description ?? ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("item.rubric.quality")}</th>
                <th scope="col" className="numeric">
                  {t("item.rubric.score")}
                </th>
                <th scope="col">{t("item.rubric.description")}</th>
                <th scope="col">{t("item.rubric.feedback")}</th>
              </tr>
            </thead>
            <tbody>
              {criterion.levels.map((level, levelIndex) => (
                <tr key={levelIndex}>
                  <th scope="row">{level.quality ?? "—"}</th>
                  <td className="numeric">{level.score ?? "—"}</td>
                  <td>{level.description}</td>
                  <td>{level.feedback}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <WorkSamples detail={detail.data} />
      {framework.canEdit && <RubricEditor key={`rubric-${item.id}`} detail={detail.data} />}

      <h2>{t("framework.scale")}</h2>
      <ScaleTable scale={detail.data.scale} />
      {framework.canEdit && <DeleteItem key={`delete-${item.id}`} detail={detail.data} />}
    </>
  );
}

function refLabel(ref: ItemRef): string {
  return ref.code ? `${ref.code} — ${ref.fullStatement}` : ref.fullStatement;
}

function RefList({ refs, href }: { refs: ItemRef[]; href: (ref: ItemRef) => string }) {
  return (
    <ul className="item-list">
      {refs.map((ref) => (
        <li key={ref.id}>
          <Link to={href(ref)} className="item-link">
            {ref.code && <span className="item-code">{ref.code}</span>} {ref.fullStatement}
          </Link>
        </li>
      ))}
    </ul>
  );
}

const ASSOCIATION_LABELS: Record<string, { outgoing: MessageKey; incoming?: MessageKey }> = {
  isPeerOf: { outgoing: "association.isPeerOf" },
  isPartOf: { outgoing: "association.isPartOf", incoming: "association.isPartOf.incoming" },
  exactMatchOf: { outgoing: "association.exactMatchOf" },
  isRelatedTo: { outgoing: "association.isRelatedTo" },
  replacedBy: { outgoing: "association.replacedBy", incoming: "association.replacedBy.incoming" },
  exemplar: { outgoing: "association.exemplar" },
  hasSkillLevel: { outgoing: "association.hasSkillLevel", incoming: "association.hasSkillLevel.incoming" },
  isTranslationOf: { outgoing: "association.isTranslationOf" },
};

/** The relation in words, read from this item's side; `ext:` types are shown as written. */
function associationLabel(t: Translate, association: FrameworkItemDetail["associations"][number]): string {
  const labels = ASSOCIATION_LABELS[association.type];
  if (!labels) return association.type;
  return t(association.direction === "incoming" ? (labels.incoming ?? labels.outgoing) : labels.outgoing);
}
