import type { StudentDetail } from "@cairn/core";
import { Link } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { formatDate, fullName, gradeLabel } from "../i18n/format";
import { AccessLogSection } from "../privacy/AccessLogSection";
import { CorrectionRequestsSection } from "../privacy/CorrectionRequestsSection";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useStudent } from "./api";

/** One student's profile with the page's h1; used for a student's own home page too. */
export function StudentProfile({ studentId }: { studentId: string }) {
  const t = useT();
  const student = useStudent(studentId);
  usePageTitle(student.data ? fullName(student.data) : undefined);
  if (student.isPending) return <Loading />;
  if (student.isError) {
    return (
      <>
        <h1>{t("students.title")}</h1>
        <ErrorState error={student.error} onRetry={() => student.refetch()} />
      </>
    );
  }
  return <ProfileBody student={student.data} />;
}

function ProfileBody({ student }: { student: StudentDetail }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <article className="profile" aria-labelledby="profile-name">
      <h1 id="profile-name">{fullName(student)}</h1>
      <p className="lead">
        {gradeLabel(t, student.gradeLevel)} · {student.schoolName}
      </p>
      <p>
        <Link to={`/students/${encodeURIComponent(student.id)}/learning`}>
          {t("learning.link.open", { name: student.givenName })}
        </Link>
        <br />
        <span className="muted">{t("learning.link.intro")}</span>
      </p>

      <section aria-labelledby="profile-record">
        <h2 id="profile-record">{t("profile.record")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("profile.school")}</dt>
            <dd>{student.schoolName}</dd>
          </div>
          <div>
            <dt>{t("profile.grade")}</dt>
            <dd>{gradeLabel(t, student.gradeLevel)}</dd>
          </div>
          <div>
            <dt>{t("profile.studentNumber")}</dt>
            <dd>{student.studentNumber}</dd>
          </div>
          <div>
            <dt>{t("profile.birthDate")}</dt>
            <dd>{formatDate(language, student.birthDate)}</dd>
          </div>
          <div>
            <dt>{t("profile.englishLearner")}</dt>
            <dd>{student.englishLearner ? t("common.yes") : t("common.no")}</dd>
          </div>
          <div>
            <dt>{t("profile.supportPlan")}</dt>
            <dd>{t(`disability.${student.disabilityStatus}`)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="profile-sections">
        <h2 id="profile-sections">{t("profile.sections")}</h2>
        {student.sections.length === 0 ? (
          <p>{t("profile.noSections")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t("profile.sectionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sections.name")}</th>
                  <th scope="col">{t("profile.subject")}</th>
                  <th scope="col">{t("sections.teachers")}</th>
                </tr>
              </thead>
              <tbody>
                {student.sections.map((section) => (
                  <tr key={section.id}>
                    <th scope="row">{section.name}</th>
                    <td>{section.subject}</td>
                    <td>{section.teachers.map(fullName).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="profile-mentors">
          <h2 id="profile-mentors">{t("profile.mentors")}</h2>
          {student.mentors.length === 0 ? (
            <p>{t("profile.noMentors")}</p>
          ) : (
            <ul className="plain-list">
              {student.mentors.map((mentor) => (
                <li key={mentor.id}>
                  <strong>{fullName(mentor)}</strong>{" "}
                  <span className="muted">{t("profile.mentorAt", { place: mentor.environmentName })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="profile-guardians">
          <h2 id="profile-guardians">{t("profile.guardians")}</h2>
          {student.guardians.length === 0 ? (
            <p>{t("profile.noGuardians")}</p>
          ) : (
            <ul className="plain-list">
              {student.guardians.map((guardian) => (
                <li key={guardian.id}>
                  <strong>{fullName(guardian)}</strong>{" "}
                  <span className="muted">{t(`relationship.${guardian.relationship}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <AccessLogSection studentId={student.id} />
      <CorrectionRequestsSection studentId={student.id} />
    </article>
  );
}
