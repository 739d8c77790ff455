import { PRIVACY_SETTING_BOUNDS, type PrivacySettingsBody } from "@cairn/core";
import { type FormEvent, useId } from "react";
import { useMe } from "../auth/session";
import { useT } from "../i18n/context";
import { ErrorState, Loading } from "../ui/states";
import { usePageTitle } from "../ui/usePageTitle";
import { usePrivacySettings, useSavePrivacySettings } from "./api";

const FIELDS = ["minimumGroupSize", "pastStudentAccessDays", "retentionYearsAfterExit"] as const;

/** The district's three privacy decisions, each with its allowed range and what it changes. */
export function PrivacySettingsPage() {
  const t = useT();
  const id = useId();
  const districtId = useMe().data?.roles.find((grant) => grant.role === "district_admin")?.districtId ?? undefined;
  const settings = usePrivacySettings(districtId);
  const save = useSavePrivacySettings(districtId);
  usePageTitle(t("admin.settings.title"));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = Object.fromEntries(FIELDS.map((name) => [name, Number(form.get(name))])) as PrivacySettingsBody;
    save.mutate(body);
  }

  return (
    <>
      <h1>{t("admin.settings.title")}</h1>
      <p className="lead">{t("admin.settings.intro")}</p>
      {!districtId ? (
        <p>{t("state.notFound")}</p>
      ) : settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <form onSubmit={submit} className="settings-form">
          {FIELDS.map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`${id}-${name}`}>{t(`admin.settings.${name}`)}</label>
              <input
                id={`${id}-${name}`}
                name={name}
                type="number"
                required
                min={PRIVACY_SETTING_BOUNDS[name].min}
                max={PRIVACY_SETTING_BOUNDS[name].max}
                step={1}
                defaultValue={settings.data[name]}
                aria-describedby={`${id}-${name}-hint`}
              />
              <p className="muted" id={`${id}-${name}-hint`}>
                {t(`admin.settings.${name}Hint`, PRIVACY_SETTING_BOUNDS[name])}
              </p>
            </div>
          ))}
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("admin.settings.save")}
          </button>
          <div role="status">{save.isSuccess && <p>{t("admin.settings.saved")}</p>}</div>
          {save.isError && <ErrorState error={save.error} />}
        </form>
      )}
    </>
  );
}
