import { ACCESS_ACTIONS, ACCESS_PURPOSES } from "@cairn/core";
import { type FormEvent, useId } from "react";
import { useSearchParams } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import type { MessageKey } from "../i18n/messages";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useAccessLogSearch } from "./api";

const PAGE_SIZE = 25;
const FILTERS = ["actor", "studentId", "action", "purpose", "from", "to"] as const;

/** A district admin's search over every read of every record in the district; filters live in the address. */
export function AccessLogSearchPage() {
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  usePageTitle(t("admin.accessLog.title"));
  const value = (name: (typeof FILTERS)[number]) => params.get(name) ?? "";
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const search = useAccessLogSearch({
    ...Object.fromEntries(FILTERS.map((name) => [name, value(name) || undefined])),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const entered = String(form.get(name) ?? "").trim();
      if (entered) next.set(name, entered);
    }
    setParams(next);
  }

  function goTo(nextPage: number) {
    const next = new URLSearchParams(params);
    next.set("page", String(nextPage));
    setParams(next);
  }

  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const total = search.data?.total ?? 0;
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);
  const field = (name: (typeof FILTERS)[number]) => `${id}-${name}`;
  return (
    <>
      <h1>{t("admin.accessLog.title")}</h1>
      <p className="lead">{t("admin.accessLog.intro")}</p>
      <search aria-label={t("admin.accessLog.filters")}>
        <form className="filters" onSubmit={apply} key={params.toString()}>
          <div className="field">
            <label htmlFor={field("actor")}>{t("admin.accessLog.actor")}</label>
            <input id={field("actor")} name="actor" type="search" defaultValue={value("actor")} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor={field("studentId")}>{t("admin.accessLog.studentId")}</label>
            <input id={field("studentId")} name="studentId" defaultValue={value("studentId")} />
          </div>
          <div className="field">
            <label htmlFor={field("purpose")}>{t("accessLog.why")}</label>
            <select id={field("purpose")} name="purpose" defaultValue={value("purpose")}>
              <option value="">{t("admin.accessLog.any")}</option>
              {ACCESS_PURPOSES.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {t(`purpose.${purpose}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field("action")}>{t("admin.accessLog.action")}</label>
            <select id={field("action")} name="action" defaultValue={value("action")}>
              <option value="">{t("admin.accessLog.any")}</option>
              {ACCESS_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`admin.action.${action}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={field("from")}>{t("admin.accessLog.from")}</label>
            <input id={field("from")} name="from" type="date" defaultValue={value("from")} />
          </div>
          <div className="field">
            <label htmlFor={field("to")}>{t("admin.accessLog.to")}</label>
            <input id={field("to")} name="to" type="date" defaultValue={value("to")} />
          </div>
          <button type="submit">{t("students.apply")}</button>
        </form>
      </search>
      {search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => search.refetch()} />
      ) : (
        <div aria-busy={search.isFetching}>
          <p role="status">
            {total === 0
              ? t("admin.accessLog.none")
              : t("students.showing", {
                  from: formatNumber(language, from),
                  to: formatNumber(language, to),
                  total: formatNumber(language, total),
                })}
          </p>
          {total > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t("admin.accessLog.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("accessLog.when")}</th>
                    <th scope="col">{t("accessLog.who")}</th>
                    <th scope="col">{t("admin.accessLog.student")}</th>
                    <th scope="col">{t("accessLog.why")}</th>
                    <th scope="col">{t("accessLog.what")}</th>
                  </tr>
                </thead>
                <tbody>
                  {search.data.entries.map((entry, index) => (
                    <tr key={`${entry.occurredAt}-${index}`}>
                      <td>{when.format(new Date(entry.occurredAt))}</td>
                      <th scope="row">
                        {entry.actor.name}
                        {entry.actor.roles.length > 0 && (
                          <span className="muted">
                            {" "}
                            ({entry.actor.roles.map((role) => t(`role.${role}` as MessageKey)).join(", ")})
                          </span>
                        )}
                      </th>
                      <td>{entry.studentName ?? t("admin.accessLog.erased")}</td>
                      <td>
                        {t(`purpose.${entry.purpose}`)}
                        {entry.purposeDetail && <span className="muted"> — {entry.purposeDetail}</span>}
                      </td>
                      <td>
                        {entry.dataElements
                          .map((element) => t(`dataElement.${element}` as MessageKey) ?? element)
                          .join(", ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {total > PAGE_SIZE && (
            <nav aria-label={t("students.pages")} className="pager">
              <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
                {t("students.previous")}
              </button>
              <button type="button" disabled={to >= total} onClick={() => goTo(page + 1)}>
                {t("students.next")}
              </button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
