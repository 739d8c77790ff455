import type { EvidenceEntry } from "@cairn/core";
import { useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { formatDate, formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { attachmentUrl, useStudentEvidence, useStudentMastery } from "./api";
import { type ScaleLevels, useFrameworkScales } from "./learning-scales";
import { dayOf, scaleLabel, statementText } from "./learning-text";

const PAGE = 20;

/** The evidence portfolio, newest first: what, where, when, who recorded it, where it stands and why. */
export function LearningPortfolio({ studentId }: { studentId: string }) {
  const t = useT();
  const [language] = useLanguage();
  const evidence = useStudentEvidence(studentId);
  const mastery = useStudentMastery(studentId, { explain: true });
  const [shown, setShown] = useState(PAGE);
  const frameworkOf = new Map((mastery.data?.items ?? []).map((item) => [item.itemId, item.framework.id]));
  const scales = useFrameworkScales([...new Set(frameworkOf.values())]);
  const scaleOf = (itemId: string) => {
    const frameworkId = frameworkOf.get(itemId);
    return frameworkId ? scales.get(frameworkId) : undefined;
  };
  const entries = evidence.data?.entries ?? [];
  return (
    <section id="learning-portfolio" aria-labelledby="learning-portfolio-title">
      <h2 id="learning-portfolio-title">{t("learning.portfolio.title")}</h2>
      <p className="muted">{t("learning.portfolio.intro")}</p>
      {evidence.isPending ? (
        <Loading />
      ) : evidence.isError ? (
        <ErrorState error={evidence.error} onRetry={() => evidence.refetch()} />
      ) : entries.length === 0 ? (
        <p>{t("learning.portfolio.none")}</p>
      ) : (
        <>
          <ol className="learning-portfolio">
            {entries.slice(0, shown).map((entry) => (
              <li key={entry.id} data-evidence-id={entry.id} data-status={entry.status}>
                <EvidenceCard entry={entry} scaleOf={scaleOf} />
              </li>
            ))}
          </ol>
          <p className="muted" aria-live="polite">
            {t("learning.portfolio.shown", {
              shown: formatNumber(language, Math.min(shown, entries.length)),
              total: formatNumber(language, entries.length),
            })}
          </p>
          {shown < entries.length && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {t("learning.portfolio.more", {
                count: formatNumber(language, Math.min(PAGE, entries.length - shown)),
              })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function EvidenceCard({
  entry,
  scaleOf,
}: {
  entry: EvidenceEntry;
  scaleOf: (itemId: string) => ScaleLevels | undefined;
}) {
  const t = useT();
  const [language] = useLanguage();
  const date = (moment: string) => formatDate(language, dayOf(moment));
  return (
    <article className={`learning-evidence learning-status-${entry.status}`} aria-labelledby={`evidence-${entry.id}`}>
      <h3 id={`evidence-${entry.id}`}>{entry.title}</h3>
      <p className="learning-status">
        {t("learning.portfolio.status")} <strong>{t(`learning.status.${entry.status}`)}</strong>
      </p>
      <p className="muted">
        {t("learning.portfolio.about", {
          kind: t(`learning.kind.${entry.kind}`),
          setting: t(`learning.setting.${entry.setting}`),
          date: date(entry.occurredAt),
        })}
        <br />
        {t("learning.portfolio.recordedBy", { name: entry.recordedBy, date: date(entry.recordedAt) })}
      </p>
      <h4>{t("learning.portfolio.scores")}</h4>
      <ul className="learning-scores">
        {entry.scores.map((score) => {
          const levels = scaleOf(score.itemId);
          const label =
            (score.level !== null ? levels?.find((level) => level.code === score.level)?.label : undefined) ??
            (levels ? scaleLabel(levels, score.score) : null);
          const number = formatNumber(language, score.score);
          return (
            <li key={score.itemId}>
              {score.code && <span className="learning-code">{score.code}</span>} {statementText(score.statement)}:{" "}
              <strong>
                {label ? t("learning.portfolio.scoreWithLevel", { level: label, score: number }) : number}
              </strong>
            </li>
          );
        })}
      </ul>
      {entry.reflection && (
        <>
          <h4>{t("learning.portfolio.reflection")}</h4>
          <p className="written learning-reflection">{entry.reflection}</p>
        </>
      )}
      {entry.attachments.length > 0 && (
        <>
          <h4>{t("learning.portfolio.attachments")}</h4>
          <ul className="plain-list">
            {entry.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={attachmentUrl(attachment.id)} download={attachment.fileName}>
                  {attachment.fileName}
                </a>{" "}
                <span className="muted">
                  {t("learning.portfolio.size", {
                    size: formatNumber(language, Math.max(1, Math.round(attachment.sizeBytes / 1024))),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {entry.events.length > 0 && (
        <>
          <h4>{t("learning.portfolio.history")}</h4>
          <ul className="plain-list">
            {entry.events.map((event) => (
              <li key={`${event.kind}-${event.occurredAt}`}>
                {t(`learning.event.${event.kind}`, { name: event.actor, date: date(event.occurredAt) })}
                {event.comment && (
                  <>
                    {": "}
                    <span className="written">{event.comment}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
