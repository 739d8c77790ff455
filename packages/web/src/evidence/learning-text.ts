import type { Me } from "@cairn/core";

/** "Recognize and represent proportional relationships (7.RP.A.2)": a code never stands without its words. */
export function itemName(item: { code: string | null; statement: string }): string {
  const words = statementText(item.statement);
  return item.code ? `${words} (${item.code})` : words;
}

/** A statement without its closing full stop, to be followed by more words. */
export function statementText(statement: string): string {
  return statement.trim().replace(/\.$/, "");
}

/** The label of the highest level a score reaches on a scale, as the API labels mastery. */
export function scaleLabel(levels: readonly { label: string; value: number }[], value: number): string | null {
  const reached = levels.filter((level) => level.value <= value).sort((a, b) => a.value - b.value);
  return reached.at(-1)?.label ?? null;
}

/** The UTC day of an API moment, for `formatDate`. */
export function dayOf(moment: string): string {
  return moment.slice(0, 10);
}

/** Today on the reader's own calendar, as the date input writes it. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day chosen in a date input, as a moment: its local noon, or now if noon has not come yet. */
export function momentOfDay(day: string, now = new Date()): string {
  const noon = new Date(`${day}T12:00:00`);
  return (noon > now ? now : noon).toISOString();
}

/**
 * Whether the reader records evidence about this student as family (the student themself or
 * their guardian), so it waits for a teacher. Staff record from the gradebook instead.
 */
export function readsAsFamily(me: Me | null | undefined, studentId: string): boolean {
  if (!me) return false;
  if (me.person.id === studentId) return true;
  return me.roles.some((grant) => grant.role === "guardian") && me.scope.studentIds.includes(studentId);
}
