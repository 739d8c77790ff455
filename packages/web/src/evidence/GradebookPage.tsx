import type { Gradebook } from "@cairn/core";
import { useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useGradebook } from "./api";
import { CellDetail } from "./CellDetail";
import { heatClass, itemLabel } from "./levels";

type Cell = Gradebook["cells"][number];

/**
 * A section's heatmap: students down, the course's skills across, each cell coloured by
 * level (and labelled, so colour is never the only sign). One cell takes the Tab stop and
 * the arrow keys move between cells, so the grid is one step in the page's tab order.
 */
export function GradebookPage() {
  const t = useT();
  const { id = "" } = useParams();
  const [competency, setCompetency] = useState("");
  const gradebook = useGradebook(id, competency || undefined);
  const [open, setOpen] = useState<{ studentId: string; itemId: string } | null>(null);
  const [focus, setFocus] = useState({ row: 0, column: 0 });
  const cellRefs = useRef(new Map<string, HTMLButtonElement>());
  const filterId = useId();
  const keysId = useId();
  usePageTitle(gradebook.data ? t("gradebook.title", { section: gradebook.data.section.name }) : t("gradebook.link"));

  if (gradebook.isPending) return <Loading />;
  if (gradebook.isError)
    return (
      <>
        <h1>{t("gradebook.link")}</h1>
        <ErrorState error={gradebook.error} onRetry={() => gradebook.refetch()} />
      </>
    );
  const { section, items, students, cells, competencies, pendingCount } = gradebook.data;
  const byKey = new Map(cells.map((cell) => [`${cell.studentId} ${cell.itemId}`, cell]));
  const levels = items[0]?.levels ?? [];

  const move = (row: number, column: number) => {
    const next = {
      row: Math.max(0, Math.min(students.length - 1, row)),
      column: Math.max(0, Math.min(items.length - 1, column)),
    };
    setFocus(next);
    cellRefs.current.get(`${next.row} ${next.column}`)?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent, row: number, column: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Home: [row, 0],
      End: [row, items.length - 1],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    move(...target);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/sections/${section.id}`}>{section.name}</Link>
      </p>
      <h1>{t("gradebook.title", { section: section.name })}</h1>
      <p className="muted">{t("gradebook.intro")}</p>
      <p className="actions">
        <Link to={`/sections/${section.id}/score`}>{t("gradebook.score")}</Link>
        <Link to="/evidence/pending">{t("gradebook.pending", { count: pendingCount })}</Link>
      </p>
      {competencies.length > 0 && (
        <div className="field inline">
          <label htmlFor={filterId}>{t("gradebook.competency")}</label>
          <select id={filterId} value={competency} onChange={(event) => setCompetency(event.target.value)}>
            <option value="">{t("gradebook.allCompetencies")}</option>
            {competencies.map((entry) => (
              <option key={entry.itemId} value={entry.itemId}>
                {itemLabel(entry)}
              </option>
            ))}
          </select>
        </div>
      )}
      {items.length === 0 ? (
        <p>{t("gradebook.noItems")}</p>
      ) : students.length === 0 ? (
        <p>{t("gradebook.noStudents")}</p>
      ) : (
        <>
          <Legend levels={levels} />
          <p id={keysId} className="muted">
            {t("gradebook.keys")}
          </p>
          <div className="table-wrap heatmap-wrap">
            <table className="heatmap" aria-describedby={keysId}>
              <caption>{t("gradebook.caption", { section: section.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gradebook.student")}</th>
                  {items.map((item) => (
                    <th key={item.itemId} scope="col" className="heatmap-item">
                      <abbr title={item.statement}>{item.code ?? item.statement.slice(0, 12)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {students.map((student, row) => (
                  <tr key={student.studentId} data-student-id={student.studentId}>
                    <th scope="row">{student.name}</th>
                    {items.map((item, column) => {
                      const cell: Cell | undefined = byKey.get(`${student.studentId} ${item.itemId}`);
                      const level = cell?.level ?? t("gradebook.notStarted");
                      const label = [
                        t("gradebook.cell", { student: student.name, item: itemLabel(item), level }),
                        cell?.mastered ? t("gradebook.mastered") : null,
                        cell ? t("gradebook.cellEvidence", { count: cell.evidenceCount }) : null,
                      ]
                        .filter(Boolean)
                        .join(", ");
                      return (
                        <td key={item.itemId} className={heatClass(item, cell?.value ?? null)}>
                          <button
                            type="button"
                            className="heat-cell"
                            data-item-id={item.itemId}
                            tabIndex={focus.row === row && focus.column === column ? 0 : -1}
                            ref={(element) => {
                              if (element) cellRefs.current.set(`${row} ${column}`, element);
                            }}
                            onFocus={() => setFocus({ row, column })}
                            onKeyDown={(event) => onKeyDown(event, row, column)}
                            onClick={() => setOpen({ studentId: student.studentId, itemId: item.itemId })}
                          >
                            <span aria-hidden="true">
                              {cell?.value === null || cell === undefined ? "·" : cell.value.toFixed(1)}
                              {cell?.mastered ? " ✓" : ""}
                            </span>
                            <span className="visually-hidden cell-label">{label}</span>
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {open && (
        <CellDetail
          studentId={open.studentId}
          studentName={students.find((student) => student.studentId === open.studentId)?.name ?? ""}
          item={items.find((item) => item.itemId === open.itemId)}
          onClose={() => {
            setOpen(null);
            cellRefs.current.get(`${focus.row} ${focus.column}`)?.focus();
          }}
        />
      )}
    </>
  );
}

function Legend({ levels }: { levels: Gradebook["items"][number]["levels"] }) {
  const t = useT();
  return (
    <div className="legend">
      <p className="legend-title">{t("gradebook.legend")}</p>
      <ul className="legend-list">
        <li>
          <span className="swatch heat-none" aria-hidden="true" /> · {t("gradebook.notStarted")}
        </li>
        {levels.map((level, index) => (
          <li key={level.code}>
            <span className={`swatch heat-${Math.min(index, 4)}`} aria-hidden="true" /> {level.value} {level.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
