import type { PrivacyNotice } from "@cairn/core";
import { Link } from "react-router";
import { useMe } from "../auth/session";
import { hasAnyRole } from "../home/roles";
import { useLanguage, useT } from "../i18n/context";
import { formatDate } from "../i18n/format";
import type { MessageKey } from "../i18n/messages";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { usePrivacyNotice } from "./api";
import "./privacy.css";

/** The district's annual privacy notice and, beside it, the providers that receive student data. */
export function PrivacyNoticePage() {
  const t = useT();
  const [language] = useLanguage();
  const me = useMe().data;
  const notice = usePrivacyNotice(language);
  usePageTitle(t("notice.title"));
  return (
    <>
      <h1>{t("notice.title")}</h1>
      {me && hasAnyRole(me, ["district_admin"]) && (
        <p>
          <Link to="/privacy-notice/edit">{t("notice.edit")}</Link>
        </p>
      )}
      {notice.isPending ? (
        <Loading />
      ) : notice.isError ? (
        <ErrorState error={notice.error} onRetry={() => notice.refetch()} />
      ) : (
        <>
          <NoticeText notice={notice.data.notice} />
          <ProviderList providers={notice.data.providers} />
        </>
      )}
    </>
  );
}

function NoticeText({ notice }: { notice: PrivacyNotice["notice"] }) {
  const t = useT();
  const [language] = useLanguage();
  if (!notice) return <p className="notice-body">{t("notice.notPublished")}</p>;
  return (
    <section aria-labelledby="notice-year" className="notice-body">
      <h2 id="notice-year">{t("notice.schoolYear", { year: notice.schoolYear })}</h2>
      <p className="muted">{t("notice.published", { date: formatDate(language, notice.publishedAt.slice(0, 10)) })}</p>
      {notice.language !== language && <p className="muted">{t("notice.fallback")}</p>}
      <div lang={notice.language}>
        {notice.body.split(/\n\s*\n/).map((paragraph, index) => (
          // Paragraphs of one published text never reorder, so their position is their identity.
          <p key={index} className="written">
            {paragraph.trim()}
          </p>
        ))}
      </div>
    </section>
  );
}

function ProviderList({ providers }: { providers: PrivacyNotice["providers"] }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <section aria-labelledby="notice-providers">
      <h2 id="notice-providers">{t("notice.providersTitle")}</h2>
      <p className="muted">{t("notice.providersIntro")}</p>
      {providers.length === 0 ? (
        <p>{t("notice.providersEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("notice.providersCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("notice.provider")}</th>
                <th scope="col">{t("notice.purpose")}</th>
                <th scope="col">{t("notice.elements")}</th>
                <th scope="col">{t("notice.schools")}</th>
                <th scope="col">{t("notice.dates")}</th>
              </tr>
            </thead>
            <tbody>
              {providers.map((provider, index) => (
                <tr key={`${provider.providerName}-${provider.startsOn}-${index}`}>
                  <th scope="row">{provider.providerName}</th>
                  <td className="written">{provider.purpose}</td>
                  <td>{provider.dataElements.map((element) => elementName(t, element)).join(", ")}</td>
                  <td>{provider.schools.length === 0 ? t("notice.allSchools") : provider.schools.join(", ")}</td>
                  <td>
                    {formatDate(language, provider.startsOn)} – {formatDate(language, provider.endsOn)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A data element's name in words; an element added by a later module shows as written until it has one. */
function elementName(t: (key: MessageKey) => string, element: string): string {
  const key = `dataElement.${element}` as MessageKey;
  const name = t(key);
  return name === undefined ? element : name;
}
