import type { FrameworkDetail } from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useT } from "../i18n/context";
import { usePublishFramework, useStartVersion } from "./api";

/**
 * What a district admin can do with a framework: start a new version of a published one,
 * or publish a draft. Nothing is shown to anyone else.
 */
export function FrameworkActions({ framework }: { framework: FrameworkDetail["framework"] }) {
  const t = useT();
  return (
    <>
      {framework.status === "draft" && (
        <p className="notice">
          {t("framework.draftNote")}{" "}
          {framework.replacesFrameworkId && (
            <Link to={`/frameworks/${framework.replacesFrameworkId}`}>{t("framework.previousVersion")}</Link>
          )}
        </p>
      )}
      {framework.canVersion && <StartVersionForm framework={framework} />}
      {framework.canEdit && <PublishButton framework={framework} />}
    </>
  );
}

function StartVersionForm({ framework }: { framework: FrameworkDetail["framework"] }) {
  const t = useT();
  const navigate = useNavigate();
  const start = useStartVersion(framework.id);
  const [version, setVersion] = useState("");
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ version }, { onSuccess: ({ frameworkId }) => navigate(`/frameworks/${frameworkId}`) });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={inputId}>{t("framework.newVersionNumber")}</label>
        <input
          id={inputId}
          value={version}
          required
          maxLength={40}
          onChange={(event) => setVersion(event.target.value)}
        />
      </div>
      <button type="submit" disabled={start.isPending}>
        {t("framework.startVersion")}
      </button>
      {start.isError && (
        <p className="alert" role="alert">
          {start.error.message}
        </p>
      )}
    </form>
  );
}

function PublishButton({ framework }: { framework: FrameworkDetail["framework"] }) {
  const t = useT();
  const publish = usePublishFramework(framework.id);
  return (
    <div className="inline-form">
      <p>{t("framework.publishExplained")}</p>
      <button type="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
        {t("framework.publish")}
      </button>
      {publish.isError && (
        <p className="alert" role="alert">
          {publish.error.message}
        </p>
      )}
    </div>
  );
}
