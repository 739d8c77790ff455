import { Link } from "react-router";
import { useT } from "../i18n/context";
import { fullName, gradeLabel } from "../i18n/format";
import { useStudents } from "../people/api";
import { StudentTable } from "../people/StudentTable";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";

/** A guardian's children as cards, each leading to the child's profile. */
export function GuardianHome() {
  const t = useT();
  const children = useStudents({ relation: "child", limit: 100 });
  usePageTitle(t("home.guardian.title"));
  return (
    <>
      <h1>{t("home.guardian.title")}</h1>
      <p className="muted">{t("home.guardian.intro")}</p>
      {children.isPending ? (
        <Loading />
      ) : children.isError ? (
        <ErrorState error={children.error} onRetry={() => children.refetch()} />
      ) : children.data.students.length === 0 ? (
        <p>{t("home.guardian.empty")}</p>
      ) : (
        <ul className="cards">
          {children.data.students.map((child) => (
            <li key={child.id} className="card" data-student-id={child.id}>
              <h2>{fullName(child)}</h2>
              <p>
                {gradeLabel(t, child.gradeLevel)}
                <br />
                {child.schoolName}
              </p>
              <Link to={`/students/${child.id}`}>{t("home.guardian.open", { name: child.givenName })}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A mentor's mentees. */
export function MentorHome() {
  const t = useT();
  const mentees = useStudents({ relation: "mentee", limit: 500 });
  usePageTitle(t("home.mentor.title"));
  return (
    <>
      <h1>{t("home.mentor.title")}</h1>
      {mentees.isPending ? (
        <Loading />
      ) : mentees.isError ? (
        <ErrorState error={mentees.error} onRetry={() => mentees.refetch()} />
      ) : mentees.data.students.length === 0 ? (
        <p>{t("home.mentor.empty")}</p>
      ) : (
        <StudentTable students={mentees.data.students} caption={t("home.mentor.title")} showSchool />
      )}
    </>
  );
}
