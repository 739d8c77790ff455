import { Link } from "react-router";
import { useMe } from "../auth/session";
import { hasAnyRole } from "../home/roles";
import { useLanguage, useT } from "../i18n/context";
import { formatNumber } from "../i18n/format";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import "./framework.css";
import { useFrameworks } from "./api";
import { CaseUpload } from "./CaseUpload";
import { NewFrameworkForm } from "./NewFrameworkForm";
import { StatusBadge } from "./StatusBadge";

/** Every framework the reader may see, with its version and status. */
export function FrameworksPage() {
  const t = useT();
  const [language] = useLanguage();
  const frameworks = useFrameworks();
  const me = useMe().data;
  usePageTitle(t("framework.listTitle"));
  return (
    <>
      <h1>{t("framework.listTitle")}</h1>
      <p className="muted">{t("framework.listIntro")}</p>
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.isError ? (
        <ErrorState error={frameworks.error} onRetry={() => frameworks.refetch()} />
      ) : frameworks.data.frameworks.length === 0 ? (
        <p>{t("framework.none")}</p>
      ) : (
        <table>
          <caption>{t("framework.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("framework.title")}</th>
              <th scope="col">{t("framework.version")}</th>
              <th scope="col">{t("framework.status")}</th>
              <th scope="col" className="numeric">
                {t("framework.items")}
              </th>
            </tr>
          </thead>
          <tbody>
            {frameworks.data.frameworks.map((framework) => (
              <tr key={framework.id}>
                <th scope="row">
                  <Link to={`/frameworks/${framework.id}`}>{framework.title}</Link>
                </th>
                <td>{framework.version ?? "—"}</td>
                <td>
                  <StatusBadge status={framework.status} />
                </td>
                <td className="numeric">{formatNumber(language, framework.items)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {me && hasAnyRole(me, ["district_admin"]) && (
        <>
          <NewFrameworkForm />
          <CaseUpload />
        </>
      )}
    </>
  );
}
