import type { School } from "@cairn/core";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber, gradeRange } from "../i18n/format";

/** Schools with their enrolment: aggregate counts only, never names of students. */
export function SchoolTable({ schools }: { schools: School[] }) {
  const t = useT();
  const [language] = useLanguage();
  if (schools.length === 0) return <p>{t("schools.empty")}</p>;
  // A total would give back a hidden small count by subtraction, so it is shown only when every count is.
  const hiddenAny = schools.some((school) => school.studentCount === null);
  const total = schools.reduce((sum, school) => sum + (school.studentCount ?? 0), 0);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("schools.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("schools.name")}</th>
            <th scope="col">{t("schools.level")}</th>
            <th scope="col">{t("schools.grades")}</th>
            <th scope="col" className="numeric">
              {t("schools.students")}
            </th>
          </tr>
        </thead>
        <tbody>
          {schools.map((school) => (
            <tr key={school.id} data-school-id={school.id}>
              <th scope="row">{school.name}</th>
              <td>{t(`level.${school.level}`)}</td>
              <td>{gradeRange(t, school.lowestGrade, school.highestGrade)}</td>
              <td className="numeric">
                {school.studentCount === null ? t("schools.tooFew") : formatNumber(language, school.studentCount)}
              </td>
            </tr>
          ))}
        </tbody>
        {!hiddenAny && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t("schools.total")}
              </th>
              <td className="numeric">{formatNumber(language, total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
