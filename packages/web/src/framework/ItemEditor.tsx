import type { FrameworkItemDetail, ItemRef } from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { useT } from "../i18n/context";
import { useFramework, usePrerequisiteLink, useUpdateItem } from "./api";

/** A draft item's statement and code, for its district's admins. */
export function ItemEditor({ detail }: { detail: FrameworkItemDetail }) {
  const t = useT();
  const update = useUpdateItem(detail.framework.id, detail.item.id);
  const [statement, setStatement] = useState(detail.item.fullStatement);
  const [code, setCode] = useState(detail.item.code ?? "");
  const statementId = useId();
  const codeId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ fullStatement: statement, code: code.trim() === "" ? null : code });
  };
  return (
    <form onSubmit={submit} className="editor">
      <h2>{t("item.edit")}</h2>
      <div className="field">
        <label htmlFor={codeId}>{t("item.code")}</label>
        <input id={codeId} value={code} maxLength={60} onChange={(event) => setCode(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={statementId}>{t("item.statement")}</label>
        <textarea
          id={statementId}
          value={statement}
          required
          maxLength={4000}
          rows={3}
          onChange={(event) => setStatement(event.target.value)}
        />
      </div>
      <button type="submit" disabled={update.isPending}>
        {t("item.save")}
      </button>
      <p role="status">{update.isSuccess ? t("item.saved") : ""}</p>
      {update.isError && (
        <p className="alert" role="alert">
          {update.error.message}
        </p>
      )}
    </form>
  );
}

/** Add a prerequisite by its code, or remove one; a link that would make a cycle is refused with the cycle named. */
export function PrerequisiteEditor({ detail }: { detail: FrameworkItemDetail }) {
  const t = useT();
  const framework = useFramework(detail.framework.id);
  const links = usePrerequisiteLink(detail.framework.id);
  const [code, setCode] = useState("");
  const inputId = useId();
  const listId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const items = framework.data?.items ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const before = items.find((item) => item.code === code.trim());
    if (!before) {
      setProblem(t("item.noSuchCode", { code: code.trim() }));
      return;
    }
    setProblem(null);
    links.add.mutate({ before: before.id, after: detail.item.id }, { onSuccess: () => setCode("") });
  };
  const error = problem ?? links.add.error?.message ?? links.remove.error?.message ?? null;
  return (
    <div className="editor">
      <h3>{t("item.editPrerequisites")}</h3>
      <ul className="item-list">
        {detail.prerequisites.map((prerequisite: ItemRef) => (
          <li key={prerequisite.id}>
            <span className="item-code">{prerequisite.code}</span>{" "}
            <button
              type="button"
              disabled={links.remove.isPending}
              onClick={() => links.remove.mutate({ before: prerequisite.id, after: detail.item.id })}
            >
              {t("item.removePrerequisite", { code: prerequisite.code ?? prerequisite.fullStatement.slice(0, 30) })}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{t("item.addPrerequisite")}</label>
          <input
            id={inputId}
            list={listId}
            value={code}
            required
            autoComplete="off"
            onChange={(event) => setCode(event.target.value)}
          />
          <datalist id={listId}>
            {items
              .filter((item) => item.code && item.id !== detail.item.id)
              .map((item) => (
                <option key={item.id} value={item.code ?? ""}>
                  {item.fullStatement.slice(0, 80)}
                </option>
              ))}
          </datalist>
        </div>
        <button type="submit" disabled={links.add.isPending}>
          {t("item.add")}
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
