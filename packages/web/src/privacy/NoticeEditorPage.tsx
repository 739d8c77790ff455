import { NOTICE_BODY_MAX, type PrivacyNotice } from "@cairn/core";
import { type FormEvent, useId } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { usePrivacyNotice, usePublishNotice } from "./api";
import "./privacy.css";

/** The district admin's editor of the annual notice: a school year and the text in English and Spanish. */
export function NoticeEditorPage() {
  const t = useT();
  const english = usePrivacyNotice("en");
  const spanish = usePrivacyNotice("es");
  usePageTitle(t("editor.title"));
  return (
    <>
      <h1>{t("editor.title")}</h1>
      <p className="muted">{t("editor.intro")}</p>
      <p>
        <Link to="/privacy-notice">{t("editor.back")}</Link>
      </p>
      {english.isPending || spanish.isPending ? (
        <Loading />
      ) : english.isError ? (
        <ErrorState error={english.error} onRetry={() => english.refetch()} />
      ) : spanish.isError ? (
        <ErrorState error={spanish.error} onRetry={() => spanish.refetch()} />
      ) : (
        <NoticeForm current={{ en: english.data.notice, es: spanish.data.notice }} />
      )}
    </>
  );
}

/** The published text in one language, or "" when that language fell back to another. */
function textIn(notice: PrivacyNotice["notice"], language: "en" | "es"): string {
  return notice?.language === language ? notice.body : "";
}

function NoticeForm({ current }: { current: Record<"en" | "es", PrivacyNotice["notice"]> }) {
  const t = useT();
  const id = useId();
  const publish = usePublishNotice();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const es = String(form.get("es") ?? "");
    publish.mutate({
      schoolYear: String(form.get("schoolYear") ?? "").trim(),
      en: String(form.get("en") ?? ""),
      ...(es.trim() ? { es } : {}),
    });
  }

  return (
    <form className="stacked-form" onSubmit={submit} aria-busy={publish.isPending}>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t("editor.schoolYear")}</label>
        <input
          id={`${id}-year`}
          name="schoolYear"
          required
          pattern="\d{4}-\d{4}"
          defaultValue={current.en?.schoolYear ?? ""}
          aria-describedby={`${id}-year-hint`}
        />
        <span id={`${id}-year-hint`} className="muted">
          {t("editor.schoolYearHint")}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-en`}>{t("editor.en")}</label>
        <textarea
          id={`${id}-en`}
          name="en"
          lang="en"
          rows={12}
          required
          maxLength={NOTICE_BODY_MAX}
          defaultValue={textIn(current.en, "en")}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-es`}>{t("editor.es")}</label>
        <textarea
          id={`${id}-es`}
          name="es"
          lang="es"
          rows={12}
          maxLength={NOTICE_BODY_MAX}
          defaultValue={textIn(current.es, "es")}
          aria-describedby={`${id}-es-hint`}
        />
        <span id={`${id}-es-hint`} className="muted">
          {t("editor.esHint")}
        </span>
      </div>
      <button type="submit" className="primary" disabled={publish.isPending}>
        {publish.isPending ? t("editor.publishing") : t("editor.publish")}
      </button>
      <div role="status">
        {publish.isSuccess && <p className="success">{t("editor.published", { year: publish.data.schoolYear })}</p>}
      </div>
      {publish.isError && (
        <div className="alert" role="alert">
          {t("editor.failed", { message: publish.error.message })}
        </div>
      )}
    </form>
  );
}
