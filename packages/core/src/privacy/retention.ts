/**
 * Dates of the retention rules, on ISO days (YYYY-MM-DD) so no time zone can shift them.
 * Pure: today is an argument.
 */

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day a record is due for erasure: the exit day plus the retention years. A student who
 * left on 29 February is due on 1 March of a year that is not a leap year.
 */
export function erasureDueOn(exitedOn: string, retentionYears: number): string {
  const exit = parseDay(exitedOn);
  const due = new Date(Date.UTC(exit.getUTCFullYear() + retentionYears, exit.getUTCMonth(), exit.getUTCDate()));
  return formatDay(due);
}

/** Whether a record is due for erasure on `today` (due on or before it). */
export function isPastRetention(exitedOn: string, retentionYears: number, today: string): boolean {
  return erasureDueOn(exitedOn, retentionYears) <= today;
}

/**
 * The earliest term end that still lets teachers read a section's students: a term that
 * ended on this day or later is within the district's past-student window.
 */
export function pastStudentCutoff(today: string, pastStudentAccessDays: number): string {
  const date = parseDay(today);
  date.setUTCDate(date.getUTCDate() - pastStudentAccessDays);
  return formatDay(date);
}
