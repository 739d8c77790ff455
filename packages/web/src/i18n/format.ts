import type { GradeLevel } from "@cairn/core";
import type { Translate } from "./context";

export function gradeLabel(t: Translate, grade: GradeLevel): string {
  if (grade === "PK") return t("grade.PK");
  if (grade === "KG") return t("grade.KG");
  return t("grade.number", { number: Number(grade) });
}

export function gradeRange(t: Translate, low: GradeLevel, high: GradeLevel): string {
  return t("gradeRange.to", { low: gradeLabel(t, low), high: gradeLabel(t, high) });
}

export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

export function formatNumber(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Dates from the API are ISO days; show them in the reader's language without shifting time zone. */
export function formatDate(language: string, isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(date);
}
