import type { Gradebook, MasteryMethodName } from "@cairn/core";
import { useEffect, useId, useRef } from "react";
import { Link } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { useStudentEvidence, useStudentMastery } from "./api";
import { ExplanationTable } from "./ExplanationTable";
import { itemLabel } from "./levels";

/** Why a cell says what it says: the method and each piece of evidence that counted, with its weight. */
export function CellDetail({
  studentId,
  studentName,
  item,
  onClose,
}: {
  studentId: string;
  studentName: string;
  item: Gradebook["items"][number] | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const mastery = useStudentMastery(studentId, { explain: true });
  const evidence = useStudentEvidence(studentId);
  useEffect(() => heading.current?.focus(), []);
  if (!item) return null;
  const found = mastery.data?.items.find((entry) => entry.itemId === item.itemId);
  const titles = new Map((evidence.data?.entries ?? []).map((entry) => [entry.id, entry.title]));
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return (
    <section className="panel cell-detail" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {studentName}: {itemLabel(item)}
      </h2>
      {mastery.isPending || evidence.isPending ? (
        <Loading />
      ) : mastery.isError ? (
        <ErrorState error={mastery.error} />
      ) : !found?.explanation || found.explanation.contributions.length === 0 ? (
        <p>{t("gradebook.detail.none")}</p>
      ) : (
        <>
          <p>
            {t("gradebook.detail.level", { level: found.level ?? t("gradebook.notStarted") })}
            {found.value === null ? "" : ` (${number.format(found.value)})`}
            {found.mastered ? ` · ${t("gradebook.mastered")}` : ""}
          </p>
          <p>
            {t("gradebook.detail.method", {
              method: t(`mastery.method.${found.explanation.method.name as MasteryMethodName}`),
            })}
          </p>
          <ExplanationTable explanation={found.explanation} titles={titles} caption={t("gradebook.detail.caption")} />
        </>
      )}
      <p className="actions">
        <Link to={`/students/${studentId}/learning`}>{t("queue.learning")}</Link>
        <button type="button" onClick={onClose}>
          {t("gradebook.detail.close")}
        </button>
      </p>
    </section>
  );
}
