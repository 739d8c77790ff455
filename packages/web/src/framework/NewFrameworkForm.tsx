import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { useT } from "../i18n/context";
import { useCreateFramework } from "./api";

/** A district admin starts an empty draft framework, then fills it in on its own page. */
export function NewFrameworkForm() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateFramework();
  const [title, setTitle] = useState("");
  const [version, setVersion] = useState("");
  const [subject, setSubject] = useState("");
  const ids = { title: useId(), version: useId(), subject: useId(), intro: useId() };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title,
        ...(version.trim() ? { version } : {}),
        ...(subject.trim() ? { subject } : {}),
      },
      { onSuccess: ({ frameworkId }) => navigate(`/frameworks/${frameworkId}`) },
    );
  };
  return (
    <form className="editor" onSubmit={submit} aria-describedby={ids.intro}>
      <h2>{t("framework.new.title")}</h2>
      <p id={ids.intro} className="muted">
        {t("framework.new.intro")}
      </p>
      <div className="field">
        <label htmlFor={ids.title}>{t("framework.new.name")}</label>
        <input
          id={ids.title}
          value={title}
          required
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.version}>{t("framework.new.version")}</label>
        <input id={ids.version} value={version} maxLength={40} onChange={(event) => setVersion(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.subject}>{t("framework.new.subject")}</label>
        <input id={ids.subject} value={subject} maxLength={100} onChange={(event) => setSubject(event.target.value)} />
      </div>
      <button type="submit" disabled={create.isPending}>
        {t("framework.new.submit")}
      </button>
      {create.isError && (
        <p className="alert" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
