import { GRADE_LEVELS, type GradeLevel } from "@cairn/core";
import { type FormEvent, useId } from "react";
import { useSearchParams } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber, gradeLabel } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { useStudents } from "./api";
import { StudentTable } from "./StudentTable";

const PAGE_SIZE = 25;

function asGrade(value: string | null): GradeLevel | undefined {
  return (GRADE_LEVELS as readonly string[]).includes(value ?? "") ? (value as GradeLevel) : undefined;
}

/** A paged, filterable list of students; the filters live in the address so Back restores them. */
export function StudentBrowser({
  schoolId,
  grades = GRADE_LEVELS,
}: {
  schoolId?: string;
  grades?: readonly GradeLevel[];
}) {
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const gradeLevel = asGrade(params.get("grade"));
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const students = useStudents({
    schoolId,
    gradeLevel,
    search: search || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    const q = String(form.get("q") ?? "").trim();
    const grade = String(form.get("grade") ?? "");
    if (q) next.set("q", q);
    if (grade) next.set("grade", grade);
    setParams(next);
  }

  function goTo(nextPage: number) {
    const next = new URLSearchParams(params);
    next.set("page", String(nextPage));
    setParams(next);
  }

  const total = students.data?.total ?? 0;
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);
  return (
    <div className="student-browser">
      <search aria-label={t("students.filters")}>
        <form className="filters" onSubmit={apply}>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t("students.search")}</label>
            <input id={`${id}-q`} name="q" type="search" defaultValue={search} key={search} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-grade`}>{t("students.grade")}</label>
            <select id={`${id}-grade`} name="grade" defaultValue={gradeLevel ?? ""} key={gradeLevel ?? ""}>
              <option value="">{t("students.allGrades")}</option>
              {grades.map((grade) => (
                <option key={grade} value={grade}>
                  {gradeLabel(t, grade)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("students.apply")}</button>
        </form>
      </search>
      {students.isPending ? (
        <Loading />
      ) : students.isError ? (
        <ErrorState error={students.error} onRetry={() => students.refetch()} />
      ) : (
        <div aria-busy={students.isFetching}>
          <p role="status">
            {total === 0
              ? t("students.none")
              : t("students.showing", {
                  from: formatNumber(language, from),
                  to: formatNumber(language, to),
                  total: formatNumber(language, total),
                })}
          </p>
          {total > 0 && (
            <StudentTable students={students.data.students} caption={t("students.caption")} showSchool={!schoolId} />
          )}
          {total > PAGE_SIZE && (
            <nav aria-label={t("students.pages")} className="pager">
              <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                {t("students.previous")}
              </button>
              <button type="button" disabled={to >= total} onClick={() => goTo(page + 1)}>
                {t("students.next")}
              </button>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
