import { useLanguage, useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";
import { ErrorState, Loading } from "../ui/states";
import { useAccessLog } from "./api";

/**
 * "Who has looked at this record" and the full-record download, for the people with rights
 * over the record (guardians, the adult student, district admins); nothing for anyone else.
 */
export function AccessLogSection({ studentId }: { studentId: string }) {
  const t = useT();
  const [language] = useLanguage();
  const log = useAccessLog(studentId);
  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => log.refetch()} />;
  if (log.data === null) return null;
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="access-log-title">
      <h2 id="access-log-title">{t("accessLog.title")}</h2>
      <p>
        <a className="button-link" href={`/api/v1/students/${encodeURIComponent(studentId)}/record`} download>
          {t("record.download")}
        </a>{" "}
        <span className="muted">{t("record.downloadHint")}</span>
      </p>
      <p>
        <a
          className="button-link"
          href={`/api/v1/students/${encodeURIComponent(studentId)}/record.html?language=${language}`}
        >
          {t("record.readable")}
        </a>{" "}
        <span className="muted">{t("record.readableHint")}</span>
      </p>
      <p className="muted">{t("accessLog.intro")}</p>
      {log.data.length === 0 ? (
        <p>{t("accessLog.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("accessLog.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accessLog.when")}</th>
                <th scope="col">{t("accessLog.who")}</th>
                <th scope="col">{t("accessLog.why")}</th>
                <th scope="col">{t("accessLog.what")}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.map((entry, index) => (
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
                  <td>
                    {t(`purpose.${entry.purpose}`)}
                    {/* The reason a system admin gave is the family's to read; an agreement is named by its provider. */}
                    {entry.purpose === "stated_reason" && entry.purposeDetail ? `: ${entry.purposeDetail}` : ""}
                  </td>
                  <td>{entry.dataElements.map((element) => t(`dataElement.${element}` as MessageKey)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
