import type { Language } from "../people/vocabulary";

/**
 * The district's annual notice to families (seeds 001:2731): what Cairn collects, why,
 * and who sees it, published once per school year in English and, ideally, Spanish.
 */
export const NOTICE_BODY_MAX = 20_000;

/** The notice text to show a reader: theirs if published, else English, else none. */
export function chooseNoticeLanguage(published: readonly Language[], wanted: Language): Language | null {
  if (published.includes(wanted)) return wanted;
  if (published.includes("en")) return "en";
  return published[0] ?? null;
}

/**
 * The latest school year with a notice. School years are written "YYYY-YYYY", so their
 * text order is their time order.
 */
export function latestSchoolYear(years: readonly string[]): string | null {
  return years.reduce<string | null>((latest, year) => (latest === null || year > latest ? year : latest), null);
}
