import { useSearchParams } from "react-router";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { useAuditEvents } from "./api";

const PAGE_SIZE = 25;

/** Changes to who may see what (roles, settings, erasures, stated-reason openings), newest first. */
export function AuditEventsPage() {
  const t = useT();
  const [language] = useLanguage();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const events = useAuditEvents({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  usePageTitle(t("admin.audit.title"));
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const total = events.data?.total ?? 0;
  return (
    <>
      <h1>{t("admin.audit.title")}</h1>
      <p className="lead">{t("admin.audit.intro")}</p>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : total === 0 ? (
        <p role="status">{t("admin.audit.none")}</p>
      ) : (
        <div aria-busy={events.isFetching}>
          <p role="status">{t("admin.audit.count", { total: formatNumber(language, total) })}</p>
          <div className="table-wrap">
            <table>
              <caption>{t("admin.audit.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("accessLog.when")}</th>
                  <th scope="col">{t("accessLog.who")}</th>
                  <th scope="col">{t("admin.audit.action")}</th>
                  <th scope="col">{t("admin.audit.details")}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.events.map((event) => (
                  <tr key={event.id}>
                    <td>{when.format(new Date(event.occurredAt))}</td>
                    <th scope="row">{event.actorName}</th>
                    <td>
                      <code>{event.action}</code>
                    </td>
                    <td>
                      <code className="details">{JSON.stringify(event.details)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > PAGE_SIZE && (
            <nav aria-label={t("students.pages")} className="pager">
              <button type="button" disabled={page <= 1} onClick={() => setParams({ page: String(page - 1) })}>
                {t("students.previous")}
              </button>
              <button
                type="button"
                disabled={page * PAGE_SIZE >= total}
                onClick={() => setParams({ page: String(page + 1) })}
              >
                {t("students.next")}
              </button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
