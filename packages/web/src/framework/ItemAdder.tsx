import type { FrameworkDetail } from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { useAddItem } from "./api";
import { ProblemList } from "./ProblemList";

type Item = FrameworkDetail["items"][number];

/**
 * Adds an item to a draft, last under the parent chosen. After each item the code field
 * takes the focus again, so several items are entered in a row from the keyboard.
 */
export function ItemAdder({ frameworkId, items }: { frameworkId: string; items: Item[] }) {
  const t = useT();
  const add = useAddItem(frameworkId);
  const [code, setCode] = useState("");
  const [statement, setStatement] = useState("");
  const [itemType, setItemType] = useState("");
  const [parentId, setParentId] = useState("");
  const [added, setAdded] = useState("");
  const codeField = useRef<HTMLInputElement>(null);
  const ids = { code: useId(), statement: useId(), type: useId(), types: useId(), parent: useId() };
  // The framework's own kinds of item, offered as suggestions: districts name them as they like.
  const types = [...new Set(items.flatMap((item) => (item.itemType ? [item.itemType] : [])))].sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        fullStatement: statement,
        ...(code.trim() ? { code } : {}),
        ...(itemType.trim() ? { itemType } : {}),
        parentId: parentId || null,
      },
      {
        onSuccess: () => {
          setAdded(t("framework.addItem.added", { code: code.trim() || statement.trim().slice(0, 40) }));
          setCode("");
          setStatement("");
          codeField.current?.focus();
        },
      },
    );
  };
  return (
    <form className="editor" onSubmit={submit}>
      <h2>{t("framework.addItem.title")}</h2>
      <div className="field">
        <label htmlFor={ids.code}>{t("framework.addItem.code")}</label>
        <input
          id={ids.code}
          ref={codeField}
          value={code}
          maxLength={60}
          onChange={(event) => setCode(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.statement}>{t("framework.addItem.statement")}</label>
        <textarea
          id={ids.statement}
          value={statement}
          required
          maxLength={4000}
          rows={2}
          onChange={(event) => setStatement(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.type}>{t("framework.addItem.type")}</label>
        <input
          id={ids.type}
          list={ids.types}
          value={itemType}
          maxLength={60}
          autoComplete="off"
          onChange={(event) => setItemType(event.target.value)}
        />
        <datalist id={ids.types}>
          {types.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={ids.parent}>{t("framework.addItem.parent")}</label>
        <select id={ids.parent} value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <option value="">{t("framework.addItem.top")}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.code ? `${item.code} — ` : ""}
              {item.fullStatement.slice(0, 60)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={add.isPending}>
        {t("framework.addItem.submit")}
      </button>
      <p role="status">{add.isSuccess ? added : ""}</p>
      {add.isError && <ProblemList error={add.error} />}
    </form>
  );
}
