import {
  ENROLLMENT_ATTRIBUTES,
  type EnrollmentAttribute,
  type EnrollmentReportDistrict,
  type GradeLevel,
} from "@cairn/core";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { type Translate, useLanguage, useT } from "../i18n/context";
import { formatNumber, gradeLabel } from "../i18n/format";
import type { MessageKey } from "../i18n/messages";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useEnrollmentReport } from "./api";

function asAttribute(value: string | null): EnrollmentAttribute {
  return (ENROLLMENT_ATTRIBUTES as string[]).includes(value ?? "") ? (value as EnrollmentAttribute) : "gradeLevel";
}

function valueLabel(t: Translate, attribute: EnrollmentAttribute, value: string): string {
  if (attribute === "gradeLevel") return gradeLabel(t, value as GradeLevel);
  if (attribute === "economicallyDisadvantaged" || attribute === "englishLearner")
    return value === "yes" ? t("common.yes") : t("common.no");
  return t(`report.value.${value}` as MessageKey);
}

/** Active students by school and one attribute, with small groups suppressed, never shown as numbers. */
export function EnrollmentReportPage() {
  const t = useT();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const attribute = asAttribute(params.get("attribute"));
  const report = useEnrollmentReport(attribute);
  usePageTitle(t("report.title"));
  return (
    <>
      <h1>{t("report.title")}</h1>
      <p className="lead">{t("report.intro")}</p>
      <div className="field">
        <label htmlFor={`${id}-attribute`}>{t("report.attribute")}</label>
        <select
          id={`${id}-attribute`}
          value={attribute}
          onChange={(event) => setParams({ attribute: event.currentTarget.value })}
        >
          {ENROLLMENT_ATTRIBUTES.map((name) => (
            <option key={name} value={name}>
              {t(`report.attribute.${name}`)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby={`${id}-suppression`} className="note">
        <h2 id={`${id}-suppression`}>{t("report.suppression.title")}</h2>
        <p>{t("report.suppression.body")}</p>
      </section>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : report.data.districts.length === 0 ? (
        <p>{t("report.empty")}</p>
      ) : (
        <div aria-busy={report.isFetching}>
          {report.data.districts.map((table) => (
            <DistrictTable
              key={table.districtId}
              table={table}
              attribute={report.data.attribute}
              columns={report.data.columns}
            />
          ))}
        </div>
      )}
    </>
  );
}

function DistrictTable({
  table,
  attribute,
  columns,
}: {
  table: EnrollmentReportDistrict;
  attribute: EnrollmentAttribute;
  columns: string[];
}) {
  const t = useT();
  const [language] = useLanguage();
  const shown = (value: number | null) =>
    value === null ? (
      <>
        <span aria-hidden="true">*</span>
        <span className="visually-hidden">{t("report.suppressed")}</span>
      </>
    ) : (
      formatNumber(language, value)
    );
  const caption = t("report.caption", {
    district: table.districtName,
    attribute: t(`report.attribute.${attribute}`),
    minimum: table.minimumGroupSize,
  });
  return (
    // A wide table scrolls sideways; keyboard users need to reach it to scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sections.school")}</th>
            {columns.map((column) => (
              <th scope="col" key={column} className="numeric">
                {valueLabel(t, attribute, column)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t("report.total")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row">{row.schoolName}</th>
              {row.cells.map((cell, index) => (
                <td key={columns[index]} className="numeric">
                  {shown(cell)}
                </td>
              ))}
              <td className="numeric">{shown(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("report.total")}</th>
            {table.columnTotals.map((cell, index) => (
              <td key={columns[index]} className="numeric">
                {shown(cell)}
              </td>
            ))}
            <td className="numeric">{shown(table.grandTotal)}</td>
          </tr>
        </tfoot>
      </table>
      {table.omittedSchools > 0 && (
        <p className="muted">{t("report.omitted", { count: table.omittedSchools, minimum: table.minimumGroupSize })}</p>
      )}
    </section>
  );
}
