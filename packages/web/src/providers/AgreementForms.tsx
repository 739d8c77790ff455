import { SETTABLE_AGREEMENT_STATUSES, STUDENT_DATA_ELEMENTS, type StudentDataElement } from "@cairn/core";
import { type FormEvent, useId, useState } from "react";
import { useT } from "../i18n/context";
import { useSchools } from "../organization/api";
import { describeError, useCreateAgreement, useCreateProvider, useProviders } from "./api";

/** Records a new agreement: provider, purpose, data elements, schools, dates, retention, breach contact. */
export function NewAgreementForm() {
  const t = useT();
  const id = useId();
  const providers = useProviders();
  const schools = useSchools();
  const create = useCreateAgreement();
  const [elements, setElements] = useState<StudentDataElement[]>([]);
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (name: string) => String(new FormData(form).get(name) ?? "");
    const providerId = field("providerId");
    setDone(null);
    create.mutate(
      {
        providerId,
        purpose: field("purpose"),
        dataElements: elements,
        schoolIds,
        startsOn: field("startsOn"),
        endsOn: field("endsOn"),
        retention: field("retention"),
        destroyBy: field("destroyBy"),
        breachContact: field("breachContact"),
        status: field("status") as (typeof SETTABLE_AGREEMENT_STATUSES)[number],
      },
      {
        onSuccess: (agreement) => {
          form.reset();
          setElements([]);
          setSchoolIds([]);
          setDone(agreement.provider.name);
        },
      },
    );
  }

  const providerList = providers.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("newAgreement.title")}</h2>
      {providers.isSuccess && providerList.length === 0 ? (
        <p>{t("newAgreement.noProviders")}</p>
      ) : (
        <form className="provider-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-provider`}>{t("newAgreement.provider")}</label>
            <select id={`${id}-provider`} name="providerId" required defaultValue="">
              <option value="" disabled>
                {t("newAgreement.chooseProvider")}
              </option>
              {providerList.map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-purpose`}>{t("providers.purpose")}</label>
            <textarea id={`${id}-purpose`} name="purpose" rows={2} required maxLength={2000} />
          </div>
          <fieldset>
            <legend>{t("providers.elements")}</legend>
            {STUDENT_DATA_ELEMENTS.map((element) => (
              <label key={element} className="choice">
                <input
                  type="checkbox"
                  checked={elements.includes(element)}
                  onChange={() => setElements(toggle(elements, element))}
                />
                {t(`dataElement.${element}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("providers.schools")}</legend>
            {(schools.data?.schools ?? []).map((school) => (
              <label key={school.id} className="choice">
                <input
                  type="checkbox"
                  checked={schoolIds.includes(school.id)}
                  onChange={() => setSchoolIds(toggle(schoolIds, school.id))}
                />
                {school.name}
              </label>
            ))}
          </fieldset>
          <div className="inline-form">
            <DateField id={`${id}-starts`} name="startsOn" label={t("newAgreement.startsOn")} />
            <DateField id={`${id}-ends`} name="endsOn" label={t("newAgreement.endsOn")} />
            <DateField id={`${id}-destroy`} name="destroyBy" label={t("newAgreement.destroyBy")} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-retention`}>{t("newAgreement.retention")}</label>
            <input id={`${id}-retention`} name="retention" required maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-breach`}>{t("providers.breachContact")}</label>
            <input id={`${id}-breach`} name="breachContact" required maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t("newAgreement.initialStatus")}</label>
            <select id={`${id}-status`} name="status" defaultValue="draft">
              {SETTABLE_AGREEMENT_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`agreementStatus.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t("providers.saving") : t("newAgreement.submit")}
          </button>
          {create.isError && (
            <p role="alert" className="form-message">
              {t("providers.failed", { message: describeError(create.error) })}
            </p>
          )}
          {done && (
            <p role="status" className="success">
              {t("newAgreement.created", { provider: done })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function DateField({ id, name, label }: { id: string; name: string; label: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="date" required />
    </div>
  );
}

/** Adds a provider to the district, so an agreement can name it. */
export function NewProviderForm() {
  const t = useT();
  const id = useId();
  const create = useCreateProvider();
  const [added, setAdded] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const optional = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    setAdded(null);
    create.mutate(
      { name: String(data.get("name") ?? ""), website: optional("website"), contactEmail: optional("contactEmail") },
      {
        onSuccess: (provider) => {
          form.reset();
          setAdded(provider.name);
        },
      },
    );
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("newProvider.title")}</h2>
      <form className="provider-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("newProvider.name")}</label>
          <input id={`${id}-name`} name="name" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-website`}>{t("newProvider.website")}</label>
          <input id={`${id}-website`} name="website" type="url" maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("newProvider.contactEmail")}</label>
          <input id={`${id}-email`} name="contactEmail" type="email" maxLength={254} />
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t("providers.saving") : t("newProvider.submit")}
        </button>
        {create.isError && (
          <p role="alert" className="form-message">
            {t("providers.failed", { message: describeError(create.error) })}
          </p>
        )}
        {added && (
          <p role="status" className="success">
            {t("newProvider.added", { name: added })}
          </p>
        )}
      </form>
    </section>
  );
}
