/** Encodes one value for PostgreSQL `COPY … (FORMAT csv)`: an unquoted empty field is NULL. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCopyCsv(rows: Iterable<readonly unknown[]>): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(csvField).join(","));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** The operations available inside one bulk-load transaction. */
export interface BulkTransaction {
  /** Loads rows into a table with COPY. */
  copy(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void>;
  /** Runs one parameterised statement. */
  exec(statement: string, params?: unknown[]): Promise<void>;
  /** Runs one parameterised query and returns its rows. */
  query<Row>(statement: string, params?: unknown[]): Promise<Row[]>;
}

/** A text[] value in PostgreSQL's array literal form, for COPY. */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}
