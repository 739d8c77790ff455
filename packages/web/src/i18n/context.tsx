import { LANGUAGES, type Language } from "@cairn/core";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { MESSAGES, type MessageKey } from "./messages";

const STORAGE_KEY = "cairn.language";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The language is the one chosen on this device if any, else the signed-in person's
 * preferred language, else English.
 */
export function I18nProvider({ preferred, children }: { preferred: string | undefined; children: ReactNode }) {
  const [chosen, setChosen] = useState<Language | null>(storedLanguage);
  const language: Language = chosen ?? (isLanguage(preferred) ? preferred : "en");

  const setLanguage = useCallback((next: Language) => {
    setChosen(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice still holds for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[language];
    const t: Translate = (key, values) => {
      const template = messages[key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
    };
    return { language, setLanguage, t };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT must be used inside <I18nProvider>");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}
