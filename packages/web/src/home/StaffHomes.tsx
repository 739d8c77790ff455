import { gradesBetween, type Me } from "@cairn/core";
import { Link } from "react-router";
import { DistrictAdminLinks, SystemAdminLinks } from "../admin/AdminLinks";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber, gradeRange } from "../i18n/format";
import { useSchools } from "../organization/api";
import { SchoolTable } from "../organization/SchoolTable";
import { StudentBrowser } from "../people/StudentBrowser";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";

/** A principal's school: its enrolment and a paged list of its students. */
export function SchoolLeaderHome({ me }: { me: Me }) {
  const t = useT();
  const [language] = useLanguage();
  const schools = useSchools();
  const schoolId = me.roles.find((grant) => grant.role === "school_leader")?.schoolId ?? undefined;
  const school = schools.data?.schools.find((candidate) => candidate.id === schoolId);
  usePageTitle(school?.name ?? t("role.school_leader"));
  if (schools.isPending) return <Loading />;
  if (schools.isError) return <ErrorState error={schools.error} onRetry={() => schools.refetch()} />;
  if (!school) {
    return (
      <>
        <h1>{t("role.school_leader")}</h1>
        <p>{t("schools.empty")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{school.name}</h1>
      <p className="lead">
        {t(`level.${school.level}`)} · {gradeRange(t, school.lowestGrade, school.highestGrade)} ·{" "}
        <span data-testid="enrolment">
          {t("home.leader.enrolment", { count: formatNumber(language, school.studentCount ?? 0) })}
        </span>
      </p>
      <h2>{t("home.leader.students")}</h2>
      <StudentBrowser schoolId={school.id} grades={gradesBetween(school.lowestGrade, school.highestGrade)} />
    </>
  );
}

/** A district administrator's schools with counts, and a search over the district's students. */
export function DistrictAdminHome() {
  const t = useT();
  const schools = useSchools();
  usePageTitle(t("home.district.title"));
  return (
    <>
      <h1>{t("home.district.title")}</h1>
      {schools.isPending ? (
        <Loading />
      ) : schools.isError ? (
        <ErrorState error={schools.error} onRetry={() => schools.refetch()} />
      ) : (
        <SchoolTable schools={schools.data.schools} />
      )}
      <p>
        <Link to="/providers">{t("providers.homeLink")}</Link>
      </p>
      <DistrictAdminLinks />
      <h2>{t("home.district.students")}</h2>
      <StudentBrowser />
    </>
  );
}

export function SystemAdminHome() {
  const t = useT();
  usePageTitle(t("home.admin.title"));
  return (
    <>
      <h1>{t("home.admin.title")}</h1>
      <p>{t("home.admin.body")}</p>
      <p>{t("home.admin.noRecords")}</p>
      <SystemAdminLinks />
    </>
  );
}
