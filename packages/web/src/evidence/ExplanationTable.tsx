import type { MasteryItem } from "@cairn/core";
import { useLanguage, useT } from "../i18n/context";
import { formatDate, formatNumber } from "../i18n/format";
import { dayOf } from "./learning-text";

type Explanation = NonNullable<MasteryItem["explanation"]>;

/** Each piece of evidence that counts toward a mastery value, with its date, score and share: the "why". */
export function ExplanationTable({
  explanation,
  titles,
  caption,
}: {
  explanation: Explanation;
  /** Evidence titles by id, to name each row. */
  titles: ReadonlyMap<string, string>;
  caption: string;
}) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("learning.why.evidence")}</th>
            <th scope="col">{t("learning.why.date")}</th>
            <th scope="col" className="numeric">
              {t("learning.why.score")}
            </th>
            <th scope="col" className="numeric">
              {t("learning.why.weight")}
            </th>
          </tr>
        </thead>
        <tbody>
          {explanation.contributions.map((contribution) => {
            const date = formatDate(language, dayOf(contribution.occurredAt));
            return (
              <tr key={contribution.evidenceId} data-evidence-id={contribution.evidenceId}>
                <th scope="row">{titles.get(contribution.evidenceId) ?? t("learning.why.untitled", { date })}</th>
                <td>{date}</td>
                <td className="numeric">{formatNumber(language, contribution.score)}</td>
                <td className="numeric">
                  {t("learning.why.percent", {
                    percent: formatNumber(language, Math.round(contribution.weight * 100)),
                  })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
