import { Link, useParams } from "react-router";
import { useT } from "../i18n/context";
import { StudentTable } from "../people/StudentTable";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useSectionRoster } from "./api";

export function SectionRosterPage() {
  const t = useT();
  const { id = "" } = useParams();
  const roster = useSectionRoster(id);
  usePageTitle(roster.data?.section.name ?? t("sections.title"));

  if (roster.isPending) return <Loading />;
  if (roster.isError) {
    return (
      <>
        <h1>{t("sections.title")}</h1>
        <ErrorState error={roster.error} onRetry={() => roster.refetch()} />
      </>
    );
  }
  const { section, students } = roster.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/sections">{t("roster.back")}</Link>
      </p>
      <h1>{section.name}</h1>
      <p className="muted">
        {t("roster.summary", { course: section.subject, term: section.termName, school: section.schoolName })}
      </p>
      <p className="actions">
        <Link to={`/sections/${section.id}/gradebook`}>{t("gradebook.link")}</Link>
        <Link to={`/sections/${section.id}/score`}>{t("gradebook.score")}</Link>
      </p>
      {students.length === 0 ? (
        <p>{t("roster.empty")}</p>
      ) : (
        <StudentTable students={students} caption={t("roster.caption", { name: section.name })} />
      )}
    </>
  );
}
