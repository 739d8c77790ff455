import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { AgreementCard } from "./AgreementCard";
import { NewAgreementForm, NewProviderForm } from "./AgreementForms";
import { useAgreements } from "./api";
import "./providers.css";

/** The district admin's register of providers, their agreements and their API tokens. */
export function ProvidersPage() {
  const t = useT();
  const agreements = useAgreements();
  usePageTitle(t("providers.title"));
  return (
    <>
      <h1>{t("providers.title")}</h1>
      <p className="muted">{t("providers.intro")}</p>
      <h2>{t("providers.agreements")}</h2>
      {agreements.isPending ? (
        <Loading />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => agreements.refetch()} />
      ) : agreements.data.length === 0 ? (
        <p>{t("providers.none")}</p>
      ) : (
        <ul className="agreement-list">
          {agreements.data.map((agreement) => (
            <li key={agreement.id} data-agreement-id={agreement.id}>
              <AgreementCard agreement={agreement} />
            </li>
          ))}
        </ul>
      )}
      <NewAgreementForm />
      <NewProviderForm />
    </>
  );
}
