import type { EvidenceEntry, Gradebook } from "@cairn/core";
import { useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useT } from "../i18n/context";
import { ApiError } from "../ui/api";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useGradebook, useRecordEvidence, useVoidEvidence } from "./api";
import { itemLabel } from "./levels";

const MAX_ITEMS = 5;

type RowState = { saving: boolean; saved: EvidenceEntry | null; error: string | null; cleared: boolean };

/**
 * Scoring one performance task for a whole class on the rubric: a level per student and
 * skill, each row saved as soon as it changes (a change after saving is a correction that
 * supersedes the saved evidence; clearing a row voids it). Native selects, so the keyboard
 * and screen readers work as everywhere else.
 */
export function ScoreTaskPage() {
  const t = useT();
  const { id = "" } = useParams();
  const gradebook = useGradebook(id);
  const [title, setTitle] = useState(() => t("score.defaultTitle"));
  const [day, setDay] = useState(() => new Date().toISOString().slice(0, 10));
  const [chosen, setChosen] = useState<string[]>([]);
  const [levels, setLevels] = useState<Record<string, Record<string, string>>>({});
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [announcement, setAnnouncement] = useState("");
  const saved = useRef(new Map<string, EvidenceEntry>());
  const queue = useRef(new Map<string, Promise<void>>());
  const record = useRecordEvidence();
  const voidEvidence = useVoidEvidence();
  const ids = { title: useId(), day: useId(), items: useId() };
  usePageTitle(gradebook.data ? t("score.title", { section: gradebook.data.section.name }) : t("gradebook.score"));

  if (gradebook.isPending) return <Loading />;
  if (gradebook.isError)
    return (
      <>
        <h1>{t("gradebook.score")}</h1>
        <ErrorState error={gradebook.error} onRetry={() => gradebook.refetch()} />
      </>
    );
  const { section, items, students } = gradebook.data;
  const chosenItems = chosen.flatMap((itemId) => items.find((item) => item.itemId === itemId) ?? []);

  const setRow = (studentId: string, state: Partial<RowState>) =>
    setRows((current) => ({
      ...current,
      [studentId]: { saving: false, saved: null, error: null, cleared: false, ...current[studentId], ...state },
    }));

  /** One save at a time per student, each correcting the one before, so quick changes never race. */
  const save = (student: Gradebook["students"][number], studentLevels: Record<string, string>) => {
    const queued = (queue.current.get(student.studentId) ?? Promise.resolve()).then(() =>
      saveNow(student, studentLevels),
    );
    queue.current.set(student.studentId, queued);
  };

  async function saveNow(student: Gradebook["students"][number], studentLevels: Record<string, string>) {
    const previous = saved.current.get(student.studentId) ?? null;
    const scores = chosen.flatMap((itemId) =>
      studentLevels[itemId] ? [{ itemId, level: studentLevels[itemId] }] : [],
    );
    setRow(student.studentId, { saving: true, error: null });
    try {
      if (scores.length === 0) {
        if (previous) await voidEvidence.mutateAsync({ id: previous.id, reason: "Cleared while scoring the task" });
        saved.current.delete(student.studentId);
        setRow(student.studentId, { saving: false, saved: null, cleared: previous !== null });
        return;
      }
      const entry = await record.mutateAsync({
        studentId: student.studentId,
        body: {
          kind: "performance_task",
          setting: "classroom",
          title: title.trim() || t("score.defaultTitle"),
          occurredAt: occurredAt(day),
          scores,
          ...(previous ? { supersedesId: previous.id } : {}),
        },
      });
      saved.current.set(student.studentId, entry);
      setRow(student.studentId, { saving: false, saved: entry, cleared: false });
      setAnnouncement(t("score.savedFor", { student: student.name }));
    } catch (error) {
      setRow(student.studentId, { saving: false, error: error instanceof ApiError ? error.message : String(error) });
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/sections/${section.id}/gradebook`}>{t("score.back")}</Link>
      </p>
      <h1>{t("score.title", { section: section.name })}</h1>
      <p className="muted">{t("score.intro")}</p>
      <form className="editor" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.title}>{t("score.taskTitle")}</label>
          <input id={ids.title} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.day}>{t("score.date")}</label>
          <input
            id={ids.day}
            type="date"
            value={day}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(event) => setDay(event.target.value)}
          />
        </div>
        <fieldset className="item-choice">
          <legend id={ids.items}>{t("score.items")}</legend>
          {items.map((item) => (
            <label key={item.itemId} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(item.itemId)}
                disabled={!chosen.includes(item.itemId) && chosen.length >= MAX_ITEMS}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked ? [...current, item.itemId] : current.filter((id) => id !== item.itemId),
                  )
                }
              />{" "}
              {itemLabel(item)}
            </label>
          ))}
        </fieldset>
      </form>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {chosenItems.length === 0 ? (
        <p>{t("score.chooseItems")}</p>
      ) : (
        <div className="table-wrap">
          <table className="scoring">
            <caption>{t("score.caption", { task: title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gradebook.student")}</th>
                {chosenItems.map((item) => (
                  <th key={item.itemId} scope="col">
                    <abbr title={item.statement}>{item.code ?? itemLabel(item, 20)}</abbr>
                  </th>
                ))}
                <th scope="col">{t("score.status")}</th>
              </tr>
            </thead>
            <tbody>
              {students.map((student) => {
                const row = rows[student.studentId];
                return (
                  <tr key={student.studentId} data-student-id={student.studentId}>
                    <th scope="row">{student.name}</th>
                    {chosenItems.map((item) => (
                      <td key={item.itemId}>
                        <select
                          aria-label={t("score.cellLabel", { student: student.name, item: itemLabel(item) })}
                          value={levels[student.studentId]?.[item.itemId] ?? ""}
                          onChange={(event) => {
                            const next = { ...levels[student.studentId], [item.itemId]: event.target.value };
                            setLevels((current) => ({ ...current, [student.studentId]: next }));
                            save(student, next);
                          }}
                        >
                          <option value="">{t("score.none")}</option>
                          {item.levels.map((level) => (
                            <option key={level.code} value={level.code}>
                              {level.value} {level.label}
                            </option>
                          ))}
                        </select>
                      </td>
                    ))}
                    <td className="row-status">
                      {row?.saving
                        ? t("score.saving")
                        : row?.error
                          ? t("score.failed", { message: row.error })
                          : row?.saved
                            ? t("score.saved")
                            : row?.cleared
                              ? t("score.cleared")
                              : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * The task's day at noon UTC, or a minute ago when that is later (evidence may not be dated
 * in the future, and the server's clock may be a little behind this one).
 */
function occurredAt(day: string): string {
  const latest = new Date(Date.now() - 60_000);
  const noon = new Date(`${day}T12:00:00Z`);
  return (noon > latest ? latest : noon).toISOString();
}
