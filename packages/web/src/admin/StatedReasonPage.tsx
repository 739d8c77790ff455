import type { StudentDetail } from "@cairn/core";
import { type FormEvent, useId } from "react";
import { useLanguage, useT } from "../i18n/context";
import { formatDate, fullName, gradeLabel } from "../i18n/format";
import { ErrorState } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useStatedReasonAccess } from "./api";

/** A system admin opens one record only by writing down why; the family and the district will see the reason. */
export function StatedReasonPage() {
  const t = useT();
  const id = useId();
  const open = useStatedReasonAccess();
  usePageTitle(t("admin.statedReason.title"));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    open.mutate({ studentId: String(form.get("studentId") ?? "").trim(), reason: String(form.get("reason") ?? "") });
  }

  return (
    <>
      <h1>{t("admin.statedReason.title")}</h1>
      <p className="lead">{t("admin.statedReason.intro")}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-student`}>{t("admin.accessLog.studentId")}</label>
          <input id={`${id}-student`} name="studentId" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t("admin.statedReason.reason")}</label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            required
            minLength={10}
            maxLength={500}
            rows={3}
            aria-describedby={`${id}-reason-hint`}
          />
          <p className="muted" id={`${id}-reason-hint`}>
            {t("admin.statedReason.reasonHint")}
          </p>
        </div>
        <button type="submit" className="primary" disabled={open.isPending}>
          {t("admin.statedReason.open")}
        </button>
      </form>
      {open.isError && <ErrorState error={open.error} />}
      {open.data && <OpenedRecord student={open.data} />}
    </>
  );
}

function OpenedRecord({ student }: { student: StudentDetail }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <section aria-labelledby="opened-record">
      <h2 id="opened-record">{fullName(student)}</h2>
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
      </dl>
      <h3>{t("profile.guardians")}</h3>
      {student.guardians.length === 0 ? (
        <p>{t("profile.noGuardians")}</p>
      ) : (
        <ul className="plain-list">
          {student.guardians.map((guardian) => (
            <li key={guardian.id}>{fullName(guardian)}</li>
          ))}
        </ul>
      )}
      <h3>{t("profile.sections")}</h3>
      {student.sections.length === 0 ? (
        <p>{t("profile.noSections")}</p>
      ) : (
        <ul className="plain-list">
          {student.sections.map((section) => (
            <li key={section.id}>
              {section.name} ({section.subject})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
