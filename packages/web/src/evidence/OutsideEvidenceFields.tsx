/** The fields of the form for evidence from outside school, as errors name them. */
export type FormField = "title" | "kind" | "setting" | "date" | "skill" | "level" | "reflection" | "file";

/**
 * The field an API problem is about, from its path (`["body", "scores", 0, "level"]`), or
 * null when it names none of them. Problems with an upload are about the file.
 */
export function fieldOfDetail(path: readonly (string | number)[] | undefined): FormField | null {
  if (path?.[0] !== "body") return null;
  const [, name, , part] = path;
  switch (name) {
    case "title":
    case "kind":
    case "setting":
    case "reflection":
      return name;
    case "occurredAt":
      return "date";
    case "scores":
      return part === "itemId" || path.length <= 2 ? "skill" : "level";
    case "attachmentIds":
      return "file";
    default:
      return null;
  }
}

/** A field's problem, next to it, in words and with a sign (never by colour alone). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="learning-field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
