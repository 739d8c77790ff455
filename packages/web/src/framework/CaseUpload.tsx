import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { useT } from "../i18n/context";
import { useImportCase } from "./api";

/**
 * A district admin imports a CASE package (1.0 or 1.1) from a file. The file is read in
 * the browser and sent as JSON; the server checks it and imports all of it or none, and
 * every problem it finds is listed with its place in the file.
 */
export function CaseUpload() {
  const t = useT();
  const navigate = useNavigate();
  const upload = useImportCase();
  const [file, setFile] = useState<File | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setReadProblem(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setReadProblem(t("framework.upload.notJson", { file: file.name }));
      return;
    }
    upload.mutate(json, { onSuccess: (result) => navigate(`/frameworks/${result.frameworkId}`) });
  };
  const problems = upload.error?.details ?? [];
  return (
    <form className="editor" onSubmit={submit}>
      <h2>{t("framework.upload.title")}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t("framework.upload.file")}</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          aria-describedby={hintId}
          required
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p id={hintId} className="muted">
          {t("framework.upload.hint")}
        </p>
      </div>
      <button type="submit" disabled={upload.isPending || !file}>
        {upload.isPending ? t("framework.upload.importing") : t("framework.upload.submit")}
      </button>
      {(readProblem || upload.isError) && (
        <div className="alert" role="alert">
          <p>{readProblem ?? upload.error?.message}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem, index) => (
                // Problems come in the order the server found them; a path can repeat with different messages.
                <li key={index}>
                  <code>{problem.path?.join(".")}</code>: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
