import type { Progress } from "@cairn/core";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { useStudentProgress } from "./api";
import { itemName } from "./learning-text";

type Course = Progress["courses"][number];

/**
 * "In plain words": one sentence per class this term, what is being worked on and what was
 * mastered lately, each with a small bar of mastered / in progress / not started whose
 * text alternative says the same numbers.
 */
export function LearningSummary({ studentId }: { studentId: string }) {
  const t = useT();
  const progress = useStudentProgress(studentId);
  return (
    <section id="learning-summary" aria-labelledby="learning-summary-title">
      <h2 id="learning-summary-title">{t("learning.summary.title")}</h2>
      <p className="muted">{t("learning.summary.intro")}</p>
      {progress.isPending ? (
        <Loading />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => progress.refetch()} />
      ) : progress.data.courses.length === 0 ? (
        <p>{t("learning.summary.none")}</p>
      ) : (
        <ul className="learning-courses">
          {progress.data.courses.map((course) => (
            <CourseSummary key={course.sectionId} course={course} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CourseSummary({ course }: { course: Course }) {
  const t = useT();
  const [language] = useLanguage();
  const number = (value: number) => formatNumber(language, value);
  const started = course.mastered + course.inProgress > 0;
  const sentence =
    course.total === 0
      ? t("learning.summary.noSkills", { course: course.sectionName })
      : started
        ? t("learning.summary.course", {
            course: course.sectionName,
            mastered: number(course.mastered),
            total: number(course.total),
          })
        : t("learning.summary.notStarted", { course: course.sectionName, total: number(course.total) });
  const workingOn = course.workingOn.map((item) =>
    item.level ? t("learning.summary.level", { item: itemName(item), level: item.level }) : itemName(item),
  );
  return (
    <li className="learning-course" data-section-id={course.sectionId}>
      <p className="learning-sentence">{sentence}</p>
      {workingOn.length > 0 && <p>{t("learning.summary.workingOn", { items: workingOn.join("; ") })}</p>}
      {course.recentlyMastered.length > 0 && (
        <p>{t("learning.summary.recent", { items: course.recentlyMastered.map(itemName).join("; ") })}</p>
      )}
      {course.total > 0 && <CourseChart course={course} />}
    </li>
  );
}

/** A stacked bar: the picture has the numbers as its name, and the legend beside it says them in words. */
function CourseChart({ course }: { course: Course }) {
  const t = useT();
  const [language] = useLanguage();
  const number = (value: number) => formatNumber(language, value);
  const parts = [
    {
      key: "mastered",
      count: course.mastered,
      label: t("learning.chart.mastered", { count: number(course.mastered) }),
    },
    {
      key: "in-progress",
      count: course.inProgress,
      label: t("learning.chart.inProgress", { count: number(course.inProgress) }),
    },
    {
      key: "not-started",
      count: course.notStarted,
      label: t("learning.chart.notStarted", { count: number(course.notStarted) }),
    },
  ] as const;
  return (
    <div className="learning-chart">
      <div
        className="learning-stack"
        role="img"
        aria-label={t("learning.chart.label", {
          course: course.sectionName,
          mastered: number(course.mastered),
          inProgress: number(course.inProgress),
          notStarted: number(course.notStarted),
        })}
      >
        {parts.map((part) =>
          part.count === 0 ? null : (
            <span
              key={part.key}
              className={`learning-segment learning-${part.key}`}
              style={{ width: `${(100 * part.count) / course.total}%` }}
            />
          ),
        )}
      </div>
      <ul className="learning-legend" aria-hidden="true">
        {parts.map((part) => (
          <li key={part.key}>
            <span className={`learning-swatch learning-${part.key}`} />
            {part.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
