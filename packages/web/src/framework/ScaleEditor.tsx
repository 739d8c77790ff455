import type { FrameworkDetail } from "@cairn/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { useSetScale } from "./api";
import { ProblemList } from "./ProblemList";

type Scale = FrameworkDetail["framework"]["scale"];
interface Row {
  /** Stable across edits, so React keeps each row's inputs (and focus) when others come and go. */
  key: number;
  code: string;
  label: string;
  descriptor: string;
  value: string;
}

/**
 * A draft framework's proficiency scale as a table of inputs: levels added and removed,
 * the mastery level chosen among them. The server checks it (values rising, codes unique)
 * and its problems are listed by level.
 */
export function ScaleEditor({ frameworkId, scale }: { frameworkId: string; scale: Scale }) {
  const t = useT();
  const save = useSetScale(frameworkId);
  const nextKey = useRef(scale.levels.length);
  const [rows, setRows] = useState<Row[]>(() =>
    scale.levels.map((level, index) => ({ ...level, key: index, value: String(level.value) })),
  );
  const [mastery, setMastery] = useState(scale.masteryCode);
  const table = useRef<HTMLTableElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const masteryId = useId();
  const introId = useId();

  const change = (key: number, field: keyof Omit<Row, "key">, value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const addLevel = () => {
    const last = rows.at(-1);
    const key = nextKey.current++;
    setRows([
      ...rows,
      { key, code: "", label: "", descriptor: "", value: last ? String(Number(last.value) + 1) : "1" },
    ]);
    // The new row's first input takes the focus once it is drawn.
    requestAnimationFrame(() => table.current?.querySelector<HTMLInputElement>(`[data-row="${key}"] input`)?.focus());
  };
  const removeLevel = (key: number) => {
    setRows(rows.filter((row) => row.key !== key));
    addButton.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      levels: rows.map((row) => ({
        code: row.code.trim(),
        label: row.label.trim(),
        descriptor: row.descriptor.trim(),
        value: Number(row.value),
      })),
      masteryCode: mastery,
    });
  };
  const codes = rows.map((row) => row.code.trim()).filter(Boolean);
  return (
    <form className="editor" onSubmit={submit} aria-describedby={introId}>
      <h3>{t("framework.scale.edit")}</h3>
      <p id={introId} className="muted">
        {t("framework.scale.editIntro")}
      </p>
      <table ref={table} className="scale-editor">
        <caption className="visually-hidden">{t("framework.scale.edit")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("framework.scale.code")}</th>
            <th scope="col">{t("framework.scale.label")}</th>
            <th scope="col">{t("framework.scale.descriptor")}</th>
            <th scope="col">{t("framework.scale.value")}</th>
            <th scope="col">{t("framework.scale.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <tr key={row.key} data-row={row.key}>
                <td>
                  <input
                    aria-label={t("framework.scale.levelCode", { n })}
                    value={row.code}
                    required
                    maxLength={20}
                    size={4}
                    onChange={(event) => change(row.key, "code", event.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("framework.scale.levelLabel", { n })}
                    value={row.label}
                    required
                    maxLength={60}
                    onChange={(event) => change(row.key, "label", event.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("framework.scale.levelDescriptor", { n })}
                    value={row.descriptor}
                    maxLength={400}
                    onChange={(event) => change(row.key, "descriptor", event.target.value)}
                  />
                </td>
                <td>
                  <input
                    aria-label={t("framework.scale.levelValue", { n })}
                    type="number"
                    step="any"
                    value={row.value}
                    required
                    size={4}
                    onChange={(event) => change(row.key, "value", event.target.value)}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => removeLevel(row.key)}>
                    {t("framework.scale.removeLevel", { n })}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button type="button" ref={addButton} onClick={addLevel}>
          {t("framework.scale.addLevel")}
        </button>
      </p>
      <div className="field">
        <label htmlFor={masteryId}>{t("framework.scale.masteryLevel")}</label>
        <select id={masteryId} value={mastery} required onChange={(event) => setMastery(event.target.value)}>
          {!codes.includes(mastery) && <option value={mastery}>{mastery || "—"}</option>}
          {rows
            .filter((row) => row.code.trim())
            .map((row) => (
              <option key={row.key} value={row.code.trim()}>
                {row.label ? `${row.label} (${row.code.trim()})` : row.code.trim()}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" disabled={save.isPending}>
        {t("framework.scale.save")}
      </button>
      <p role="status">{save.isSuccess ? t("framework.scale.saved") : ""}</p>
      {save.isError && <ProblemList error={save.error} />}
    </form>
  );
}
