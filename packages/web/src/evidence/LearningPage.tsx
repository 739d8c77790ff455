import { Link, useParams } from "react-router";
import { useMe } from "../auth/session";
import { useT } from "../i18n/context";
import { fullName } from "../i18n/format";
import { useStudent } from "../people/api";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { LearningCompetencies } from "./LearningCompetencies";
import { LearningPortfolio } from "./LearningPortfolio";
import { LearningSkills } from "./LearningSkills";
import { LearningSummary } from "./LearningSummary";
import { readsAsFamily } from "./learning-text";
import { OutsideEvidenceForm } from "./OutsideEvidenceForm";
import "./learning.css";

/**
 * A student's learning record, for whoever may read the student: first in plain words (what
 * families read first), then competencies, skills with the reasons for each level, and the
 * portfolio. The student and their guardians may also send evidence from outside school
 * and ask to be reassessed.
 */
export function LearningPage() {
  const { id = "" } = useParams();
  return <LearningRecord key={id} studentId={id} />;
}

function LearningRecord({ studentId }: { studentId: string }) {
  const t = useT();
  const me = useMe().data;
  const student = useStudent(studentId);
  const name = student.data ? fullName(student.data) : undefined;
  usePageTitle(name ? t("learning.title", { name }) : undefined);
  if (student.isPending) return <Loading />;
  if (student.isError) {
    return (
      <>
        <h1>{t("learning.link.title")}</h1>
        <ErrorState error={student.error} onRetry={() => student.refetch()} />
      </>
    );
  }
  const family = readsAsFamily(me, studentId);
  const sections = [
    { id: "learning-summary", title: t("learning.summary.title") },
    { id: "learning-competencies", title: t("learning.competencies.title") },
    { id: "learning-skills", title: t("learning.skills.title") },
    ...(family ? [{ id: "learning-submit", title: t("learning.submit.heading") }] : []),
    { id: "learning-portfolio", title: t("learning.portfolio.title") },
  ];
  return (
    <article className="learning" aria-labelledby="learning-title">
      <p className="breadcrumb">
        <Link to={`/students/${encodeURIComponent(studentId)}`}>{t("learning.back", { name: name ?? "" })}</Link>
      </p>
      <h1 id="learning-title">{t("learning.title", { name: name ?? "" })}</h1>
      <nav aria-label={t("learning.contents")} className="learning-contents">
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <LearningSummary studentId={studentId} />
      <LearningCompetencies studentId={studentId} />
      <LearningSkills studentId={studentId} family={family} />
      {family && <OutsideEvidenceForm studentId={studentId} />}
      <LearningPortfolio studentId={studentId} />
    </article>
  );
}
