import type { Section } from "@cairn/core";
import { Link } from "react-router";
import { useT } from "../i18n/context";
import { fullName } from "../i18n/format";

export function SectionTable({ sections }: { sections: Section[] }) {
  const t = useT();
  if (sections.length === 0) return <p>{t("sections.empty")}</p>;
  const manySchools = new Set(sections.map((section) => section.schoolId)).size > 1;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("sections.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sections.name")}</th>
            <th scope="col">{t("sections.course")}</th>
            {manySchools && <th scope="col">{t("sections.school")}</th>}
            <th scope="col">{t("sections.term")}</th>
            <th scope="col">{t("sections.teachers")}</th>
            <th scope="col" className="numeric">
              {t("sections.studentCount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={section.id} data-section-id={section.id}>
              <th scope="row">
                <Link to={`/sections/${section.id}`}>{section.name}</Link>
              </th>
              <td>
                {section.subject} <span className="muted">({section.courseCode})</span>
              </td>
              {manySchools && <td>{section.schoolName}</td>}
              <td>{section.termName}</td>
              <td>{section.teachers.map(fullName).join(", ")}</td>
              <td className="numeric">{section.studentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
