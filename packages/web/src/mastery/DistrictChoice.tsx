import type { MasteryMethod, RollupRule } from "@cairn/core";
import { useId, useState } from "react";
import { useFrameworks } from "../framework/api";
import { useT } from "../i18n/context";
import { ErrorState } from "../ui/states";
import { useMethodSettings, useRollupRules, useSetMethod, useSetRollupRule } from "./api";

/** The `cairn mastery preview --param` form of a method's parameters, as the API takes them. */
function paramsOf(method: MasteryMethod): Record<string, string> {
  const params: Record<string, string> = { "min-observations": String(method.minObservations ?? 1) };
  if ("weight" in method && method.weight !== undefined) params.weight = String(method.weight);
  if ("n" in method && method.n !== undefined) params.n = String(method.n);
  return params;
}

/**
 * For district admins: make the method tried above the district's (or one framework's), and
 * choose how mastery rolls up to competencies and traits. Stored mastery the choice changes
 * is recomputed at once by the server.
 */
export function DistrictChoice({ method }: { method: MasteryMethod | null }) {
  const t = useT();
  const frameworks = useFrameworks();
  const settings = useMethodSettings(true);
  const rules = useRollupRules(true);
  const setMethod = useSetMethod();
  const setRule = useSetRollupRule();
  const [scope, setScope] = useState("");
  const [rule, setRuleName] = useState<RollupRule["rule"]>("all");
  const [share, setShare] = useState("0.8");
  const ids = { scope: useId(), rule: useId(), share: useId(), heading: useId() };
  const published = (frameworks.data?.frameworks ?? []).filter((framework) => framework.status === "published");
  const nameOf = (frameworkId: string | null) =>
    frameworkId === null
      ? t("mastery.choice.district")
      : (published.find((framework) => framework.id === frameworkId)?.title ?? frameworkId);
  const chosenRule: RollupRule = rule === "share" ? { rule, share: Number(share) } : { rule };

  return (
    <section aria-labelledby={ids.heading} className="panel">
      <h2 id={ids.heading}>{t("mastery.choice.title")}</h2>
      <div className="field">
        <label htmlFor={ids.scope}>{t("mastery.choice.scope")}</label>
        <select id={ids.scope} value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="">{t("mastery.choice.district")}</option>
          {published.map((framework) => (
            <option key={framework.id} value={framework.id}>
              {framework.title}
            </option>
          ))}
        </select>
      </div>
      <p className="actions">
        <button
          type="button"
          className="primary"
          disabled={!method || setMethod.isPending}
          onClick={() =>
            method &&
            setMethod.mutate({
              scope: scope ? "framework" : "district",
              ...(scope ? { frameworkId: scope } : {}),
              method: method.name,
              params: paramsOf(method),
            })
          }
        >
          {t("mastery.choice.useMethod", { method: method ? t(`mastery.method.${method.name}`) : "" })}
        </button>
      </p>
      {setMethod.isSuccess && <p role="status">{t("mastery.choice.saved", { count: setMethod.data.recomputed })}</p>}
      {setMethod.isError && <ErrorState error={setMethod.error} />}
      {settings.data && settings.data.settings.length > 0 && (
        <ul className="plain-list">
          {settings.data.settings.map((setting) => (
            <li key={`${setting.frameworkId}-${setting.itemId}`}>
              {setting.itemId ? t("mastery.choice.item") : nameOf(setting.frameworkId)}:{" "}
              <strong>{t(`mastery.method.${setting.method.name}`)}</strong>
            </li>
          ))}
        </ul>
      )}

      <h3>{t("mastery.rollup.title")}</h3>
      <p className="muted">{t("mastery.rollup.intro")}</p>
      <div className="field">
        <label htmlFor={ids.rule}>{t("mastery.rollup.rule")}</label>
        <select id={ids.rule} value={rule} onChange={(event) => setRuleName(event.target.value as RollupRule["rule"])}>
          {(["all", "share", "mean"] as const).map((name) => (
            <option key={name} value={name}>
              {t(`mastery.rollup.${name}`)}
            </option>
          ))}
        </select>
      </div>
      {rule === "share" && (
        <div className="field">
          <label htmlFor={ids.share}>{t("mastery.rollup.share")}</label>
          <input
            id={ids.share}
            type="number"
            min={0.05}
            max={1}
            step={0.05}
            value={share}
            onChange={(event) => setShare(event.target.value)}
          />
        </div>
      )}
      <p className="actions">
        <button
          type="button"
          disabled={setRule.isPending}
          onClick={() => setRule.mutate({ frameworkId: scope || null, rule: chosenRule })}
        >
          {t("mastery.rollup.save", { scope: nameOf(scope || null) })}
        </button>
      </p>
      {setRule.isSuccess && <p role="status">{t("mastery.rollup.saved")}</p>}
      {setRule.isError && <ErrorState error={setRule.error} />}
      {rules.data && rules.data.rules.length > 0 && (
        <ul className="plain-list">
          {rules.data.rules.map((entry) => (
            <li key={entry.frameworkId ?? "district"}>
              {nameOf(entry.frameworkId)}: <strong>{t(`mastery.rollup.${entry.rule.rule}`)}</strong>
              {entry.rule.rule === "share" ? ` (${entry.rule.share})` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
