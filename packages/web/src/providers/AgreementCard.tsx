import { type Agreement, mayChangeAgreementStatus, SETTABLE_AGREEMENT_STATUSES } from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { useLanguage, useT } from "../i18n/context";
import { formatDate } from "../i18n/format";
import { describeError, useUpdateAgreement } from "./api";
import { TokenPanel } from "./TokenPanel";

type SettableStatus = (typeof SETTABLE_AGREEMENT_STATUSES)[number];

/** One agreement: its terms, whether a provider can use it today, its status and its tokens. */
export function AgreementCard({ agreement }: { agreement: Agreement }) {
  const t = useT();
  const [language] = useLanguage();
  const headingId = useId();
  const day = (iso: string) => formatDate(language, iso);
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>{agreement.provider.name}</h3>
      <dl className="agreement-terms">
        <dt>{t("providers.purpose")}</dt>
        <dd>{agreement.purpose}</dd>
        <dt>{t("providers.status")}</dt>
        <dd>{t(`agreementStatus.${agreement.status}`)}</dd>
        <dt>{t("providers.inForce")}</dt>
        <dd>{agreement.inForce ? t("providers.inForce.yes") : t("providers.inForce.no")}</dd>
        <dt>{t("providers.elements")}</dt>
        <dd>
          {agreement.dataElements.map((element) => t(`dataElement.${element}` as "dataElement.profile")).join(", ")}
        </dd>
        <dt>{t("providers.schools")}</dt>
        <dd>{agreement.schools.map((school) => school.name).join(", ")}</dd>
        <dt>{t("providers.term")}</dt>
        <dd>{t("providers.termRange", { start: day(agreement.startsOn), end: day(agreement.endsOn) })}</dd>
        <dt>{t("providers.retention")}</dt>
        <dd>{agreement.retention}</dd>
        <dt>{t("providers.destroyBy")}</dt>
        <dd>{day(agreement.destroyBy)}</dd>
        <dt>{t("providers.breachContact")}</dt>
        <dd>{agreement.breachContact}</dd>
      </dl>
      {agreement.status !== "destroyed" && agreement.status !== "terminated" && <StatusForm agreement={agreement} />}
      <TokenPanel agreement={agreement} />
    </article>
  );
}

function StatusForm({ agreement }: { agreement: Agreement }) {
  const t = useT();
  const id = useId();
  const update = useUpdateAgreement(agreement.id);
  const [status, setStatus] = useState<SettableStatus>(agreement.status as SettableStatus);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ status });
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={t("providers.changeStatus")}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t("providers.newStatus")}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as SettableStatus)}
        >
          {SETTABLE_AGREEMENT_STATUSES.filter((option) => mayChangeAgreementStatus(agreement.status, option)).map(
            (option) => (
              <option key={option} value={option}>
                {t(`agreementStatus.${option}`)}
              </option>
            ),
          )}
        </select>
      </div>
      <button type="submit" disabled={update.isPending || status === agreement.status}>
        {update.isPending ? t("providers.saving") : t("providers.saveStatus")}
      </button>
      {update.isError && (
        <p role="alert" className="form-message">
          {t("providers.failed", { message: describeError(update.error) })}
        </p>
      )}
    </form>
  );
}
