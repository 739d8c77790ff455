import type { Progress } from "@cairn/core";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { useStudentProgress } from "./api";
import { itemName } from "./learning-text";

type Rollup = Progress["rollups"][number];

/** Competencies, traits and domains rolled up from the skills, framework by framework, as a tree with level bars. */
export function LearningCompetencies({ studentId }: { studentId: string }) {
  const t = useT();
  const progress = useStudentProgress(studentId);
  return (
    <section id="learning-competencies" aria-labelledby="learning-competencies-title">
      <h2 id="learning-competencies-title">{t("learning.competencies.title")}</h2>
      <p className="muted">{t("learning.competencies.intro")}</p>
      {progress.isPending ? (
        <Loading />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => progress.refetch()} />
      ) : progress.data.rollups.length === 0 ? (
        <p>{t("learning.competencies.none")}</p>
      ) : (
        byFramework(progress.data.rollups).map(({ framework, rollups }) => (
          <section key={framework.id} aria-labelledby={`rollups-${framework.id}`}>
            <h3 id={`rollups-${framework.id}`}>{framework.title}</h3>
            <RollupTree rollups={rollups} parentId={null} />
          </section>
        ))
      )}
    </section>
  );
}

function byFramework(rollups: readonly Rollup[]): { framework: Rollup["framework"]; rollups: Rollup[] }[] {
  const groups = new Map<string, { framework: Rollup["framework"]; rollups: Rollup[] }>();
  for (const rollup of rollups) {
    const group = groups.get(rollup.framework.id) ?? { framework: rollup.framework, rollups: [] };
    group.rollups.push(rollup);
    groups.set(rollup.framework.id, group);
  }
  return [...groups.values()];
}

function RollupTree({ rollups, parentId }: { rollups: readonly Rollup[]; parentId: string | null }) {
  const ids = new Set(rollups.map((rollup) => rollup.itemId));
  // A node whose parent is not listed (no evidence under the rest of it) starts a tree of its own.
  const children = rollups.filter((rollup) =>
    parentId === null ? rollup.parentId === null || !ids.has(rollup.parentId) : rollup.parentId === parentId,
  );
  if (children.length === 0) return null;
  return (
    <ul className="learning-rollups">
      {children.map((rollup) => (
        <li key={rollup.itemId}>
          <RollupRow rollup={rollup} />
          <RollupTree rollups={rollups} parentId={rollup.itemId} />
        </li>
      ))}
    </ul>
  );
}

function RollupRow({ rollup }: { rollup: Rollup }) {
  const t = useT();
  const [language] = useLanguage();
  const percent = Math.round(Math.max(0, Math.min(1, rollup.level)) * 100);
  return (
    <div className="learning-rollup" data-item-id={rollup.itemId}>
      <p className="learning-rollup-name">
        {rollup.itemType && <span className="muted">{rollup.itemType}: </span>}
        {itemName(rollup)}
      </p>
      <div className="learning-bar" aria-hidden="true">
        <span
          className={`learning-fill learning-${rollup.standing.replace("_", "-")}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="learning-rollup-facts">
        <strong>{t(`learning.standing.${rollup.standing}`)}</strong>
        {" · "}
        {t("learning.competencies.count", {
          mastered: formatNumber(language, rollup.masteredChildren),
          total: formatNumber(language, rollup.totalChildren),
        })}
        {" · "}
        {t("learning.competencies.level", { percent: formatNumber(language, percent) })}
      </p>
    </div>
  );
}
