import type { EvidenceEntry, MasteryItem, Reassessment } from "@cairn/core";
import { Fragment, useId, useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { formatDate, formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { useRequestReassessment, useStudentEvidence, useStudentMastery, useStudentReassessments } from "./api";
import { ExplanationTable } from "./ExplanationTable";
import { dayOf, itemName } from "./learning-text";

const COLUMNS = 5;

/**
 * Every skill with evidence as a table, framework by framework: level, when mastered, how much
 * evidence; each row opens to say why (the method and each counting piece of evidence with
 * its share), and the student or a guardian may ask to be reassessed on it.
 */
export function LearningSkills({ studentId, family }: { studentId: string; family: boolean }) {
  const t = useT();
  const mastery = useStudentMastery(studentId, { explain: true });
  const evidence = useStudentEvidence(studentId);
  const requests = useStudentReassessments(studentId);
  return (
    <section id="learning-skills" aria-labelledby="learning-skills-title">
      <h2 id="learning-skills-title">{t("learning.skills.title")}</h2>
      <p className="muted">{t("learning.skills.intro")}</p>
      {mastery.isPending ? (
        <Loading />
      ) : mastery.isError ? (
        <ErrorState error={mastery.error} onRetry={() => mastery.refetch()} />
      ) : mastery.data.items.length === 0 ? (
        <p>{t("learning.skills.none")}</p>
      ) : (
        byFramework(mastery.data.items).map(({ framework, items }) => (
          <section key={framework.id} aria-labelledby={`skills-${framework.id}`}>
            <h3 id={`skills-${framework.id}`}>{framework.title}</h3>
            <SkillTable
              studentId={studentId}
              framework={framework.title}
              items={items}
              entries={evidence.data?.entries ?? []}
              requests={requests.data?.requests ?? []}
              family={family}
            />
          </section>
        ))
      )}
    </section>
  );
}

function byFramework(items: readonly MasteryItem[]): { framework: MasteryItem["framework"]; items: MasteryItem[] }[] {
  const groups = new Map<string, { framework: MasteryItem["framework"]; items: MasteryItem[] }>();
  for (const item of items) {
    const group = groups.get(item.framework.id) ?? { framework: item.framework, items: [] };
    group.items.push(item);
    groups.set(item.framework.id, group);
  }
  return [...groups.values()];
}

interface TableProps {
  studentId: string;
  framework: string;
  items: MasteryItem[];
  entries: EvidenceEntry[];
  requests: Reassessment[];
  family: boolean;
}

function SkillTable({ studentId, framework, items, entries, requests, family }: TableProps) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="learning-skills">
        <caption className="visually-hidden">{t("learning.skills.caption", { framework })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("learning.skills.skill")}</th>
            <th scope="col">{t("learning.skills.level")}</th>
            <th scope="col">{t("learning.skills.masteredOn")}</th>
            <th scope="col" className="numeric">
              {t("learning.skills.evidence")}
            </th>
            <th scope="col">{t("learning.skills.more")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <SkillRow
              key={item.itemId}
              studentId={studentId}
              item={item}
              entries={entries}
              request={latestRequest(requests, item.itemId)}
              family={family}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function latestRequest(requests: readonly Reassessment[], itemId: string): Reassessment | undefined {
  return requests
    .filter((request) => request.item.id === itemId)
    .sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : 0))[0];
}

interface RowProps {
  studentId: string;
  item: MasteryItem;
  entries: EvidenceEntry[];
  request: Reassessment | undefined;
  family: boolean;
}

function SkillRow({ studentId, item, entries, request, family }: RowProps) {
  const t = useT();
  const [language] = useLanguage();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <Fragment>
      <tr data-item-id={item.itemId}>
        <th scope="row" className="learning-skill-name">
          {item.code && <span className="learning-code">{item.code}</span>} {item.statement}
        </th>
        <td>
          {item.level ?? t("learning.skills.noLevel")}
          {item.mastered && <span className="learning-mastered-mark"> ✓ {t("learning.skills.mastered")}</span>}
        </td>
        <td>{item.masteredAt ? formatDate(language, dayOf(item.masteredAt)) : t("learning.skills.notYet")}</td>
        <td className="numeric">{formatNumber(language, item.evidenceCount)}</td>
        <td>
          <div className="learning-skill-actions">
            <button type="button" aria-expanded={open} aria-controls={detailId} onClick={() => setOpen(!open)}>
              {t("learning.skills.why")}
              <span className="visually-hidden"> {item.code ?? item.statement}</span>
            </button>
            <ReassessControl studentId={studentId} item={item} request={request} family={family} />
          </div>
        </td>
      </tr>
      <tr id={detailId} className="learning-why-row" hidden={!open}>
        <td colSpan={COLUMNS}>{open && <Why item={item} entries={entries} />}</td>
      </tr>
    </Fragment>
  );
}

function Why({ item, entries }: { item: MasteryItem; entries: EvidenceEntry[] }) {
  const t = useT();
  const explanation = item.explanation;
  if (!explanation) return null;
  const method = explanation.method.name;
  const titles = new Map(entries.map((entry) => [entry.id, entry.title]));
  return (
    <div className="learning-why">
      <p>
        {t("learning.why.method", { method: t(`mastery.method.${method}`) })}{" "}
        <span className="muted">{t(`mastery.method.${method}.about`)}</span>
      </p>
      {explanation.contributions.length === 0 ? (
        <p>{t("learning.why.none")}</p>
      ) : (
        <ExplanationTable
          explanation={explanation}
          titles={titles}
          caption={`${t("learning.why.caption")}: ${itemName(item)}`}
        />
      )}
    </div>
  );
}

function ReassessControl({ studentId, item, request, family }: Omit<RowProps, "entries">) {
  const t = useT();
  const [language] = useLanguage();
  const ask = useRequestReassessment();
  const status = request ? requestStatus(request) : null;
  const open = request?.status === "open";
  return (
    <div className="learning-reassess">
      {status && <p className="learning-reassess-status">{status}</p>}
      {family && !open && (
        <button type="button" disabled={ask.isPending} onClick={() => ask.mutate({ studentId, itemId: item.itemId })}>
          {t("learning.reassess.ask")}
          <span className="visually-hidden"> {item.code ?? item.statement}</span>
        </button>
      )}
      {ask.isError && (
        <p className="learning-error" role="alert">
          {t("learning.reassess.failed", { message: ask.error.message })}
        </p>
      )}
    </div>
  );

  function requestStatus(found: Reassessment): string {
    switch (found.status) {
      case "open":
        return t("learning.reassess.open", { date: formatDate(language, dayOf(found.requestedAt)) });
      case "reassessed":
        return t("learning.reassess.reassessed", {
          date: formatDate(language, dayOf(found.closedAt ?? found.requestedAt)),
        });
      case "declined":
        return t("learning.reassess.declined", {
          date: formatDate(language, dayOf(found.closedAt ?? found.requestedAt)),
          comment: found.closingComment ?? "",
        });
    }
  }
}
