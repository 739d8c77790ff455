import type { Language } from "@cairn/core";
import { useLanguage, useT } from "./context";

const NAMES: Record<Language, string> = { en: "English", es: "Español" };

/** Two toggle buttons, each named in its own language so a reader of either can find it. */
export function LanguageSwitcher() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <fieldset className="language-switcher">
      <legend className="visually-hidden">{t("nav.language")}</legend>
      {(Object.keys(NAMES) as Language[]).map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          {NAMES[code]}
        </button>
      ))}
    </fieldset>
  );
}
