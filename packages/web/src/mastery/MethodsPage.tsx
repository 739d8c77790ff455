import { evaluateMastery, MASTERY_METHODS, type MasteryMethod, type MasteryMethodName } from "@cairn/core";
import { useId, useState } from "react";
import { useMe } from "../auth/session";
import { useLanguage, useT } from "../i18n/context";
import { usePageTitle } from "../ui/usePageTitle";
import { DistrictChoice } from "./DistrictChoice";

const SCALE = { min: 1, max: 4, mastery: 3 };

/**
 * Every mastery method, explained, with a live example: the reader types scores and sees
 * what the method makes of them, computed by the same function Cairn stores mastery with.
 */
export function MethodsPage() {
  const t = useT();
  const [language] = useLanguage();
  usePageTitle(t("mastery.methods.title"));
  const [name, setName] = useState<MasteryMethodName>("decaying-average");
  const [scoresText, setScoresText] = useState("2, 3, 3, 4");
  const [weight, setWeight] = useState("0.65");
  const [n, setN] = useState("3");
  const [minObservations, setMinObservations] = useState("1");
  const ids = { method: useId(), scores: useId(), weight: useId(), n: useId(), min: useId(), about: useId() };

  const scores = scoresText
    .split(",")
    .map((text) => text.trim())
    .filter((text) => text !== "")
    .map(Number);
  const scoresValid = scores.every((score) => Number.isFinite(score) && score >= SCALE.min && score <= SCALE.max);
  const method = methodOf(name, Number(weight), Number(n), Number(minObservations));
  const result = scoresValid && method ? evaluateMastery(scores, method, SCALE) : null;
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const isDistrictAdmin = useMe().data?.roles.some((grant) => grant.role === "district_admin") ?? false;

  return (
    <>
      <h1>{t("mastery.methods.title")}</h1>
      <p className="muted">{t("mastery.methods.intro")}</p>
      <p>{t("mastery.methods.scale")}</p>
      <form className="editor" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.method}>{t("mastery.methods.method")}</label>
          <select
            id={ids.method}
            value={name}
            aria-describedby={ids.about}
            onChange={(event) => setName(event.target.value as MasteryMethodName)}
          >
            {MASTERY_METHODS.map((option) => (
              <option key={option} value={option}>
                {t(`mastery.method.${option}`)}
              </option>
            ))}
          </select>
          <p id={ids.about} className="muted">
            {t(`mastery.method.${name}.about`)}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.scores}>{t("mastery.methods.scores")}</label>
          <input
            id={ids.scores}
            value={scoresText}
            inputMode="decimal"
            onChange={(event) => setScoresText(event.target.value)}
          />
        </div>
        {name.endsWith("decaying-average") && (
          <div className="field">
            <label htmlFor={ids.weight}>{t("mastery.methods.weight")}</label>
            <input
              id={ids.weight}
              type="number"
              step="0.05"
              min={name === "standard-decaying-average" ? 0.5 : 0}
              max={name === "standard-decaying-average" ? 0.99 : 1}
              value={weight}
              onChange={(event) => setWeight(event.target.value)}
            />
          </div>
        )}
        {name === "n-mastery" && (
          <div className="field">
            <label htmlFor={ids.n}>{t("mastery.methods.n")}</label>
            <input id={ids.n} type="number" min={1} max={20} value={n} onChange={(event) => setN(event.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.min}>{t("mastery.methods.minObservations")}</label>
          <input
            id={ids.min}
            type="number"
            min={1}
            max={20}
            value={minObservations}
            onChange={(event) => setMinObservations(event.target.value)}
          />
        </div>
      </form>
      <section aria-live="polite" aria-labelledby={`${ids.method}-result`}>
        <h2 id={`${ids.method}-result`}>{t("mastery.methods.result")}</h2>
        {!scoresValid ? (
          <p className="alert">{t("mastery.methods.badScores")}</p>
        ) : result?.value === null || result === null ? (
          <p>{t("mastery.methods.noValue")}</p>
        ) : (
          <p className="mastery-result">
            {t("mastery.methods.value", { value: format.format(result.value) })} ·{" "}
            <strong>{result.mastered ? t("mastery.methods.mastered") : t("mastery.methods.notMastered")}</strong>
          </p>
        )}
      </section>
      {isDistrictAdmin && <DistrictChoice method={method} />}
    </>
  );
}

/** The method as configured on the page; out-of-range inputs fall back to the method's defaults. */
function methodOf(name: MasteryMethodName, weight: number, n: number, minObservations: number): MasteryMethod | null {
  const min = Number.isInteger(minObservations) && minObservations >= 1 ? minObservations : 1;
  switch (name) {
    case "decaying-average":
      return { name, weight: weight >= 0 && weight <= 1 ? weight : 0.65, minObservations: min };
    case "standard-decaying-average":
      return { name, weight: weight >= 0.5 && weight <= 0.99 ? weight : 0.5, minObservations: min };
    case "n-mastery":
      return { name, n: Number.isInteger(n) && n >= 1 ? n : 3, minObservations: min };
    default:
      return { name, minObservations: min };
  }
}
