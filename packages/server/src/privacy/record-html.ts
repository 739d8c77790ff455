import type { Language } from "@cairn/core";
import type { FullRecord } from "@cairn/db";

/** Where the readable copy's stylesheet is served (same origin, so the CSP lets it load). */
export const RECORD_STYLESHEET_PATH = "/api/v1/privacy/record.css";

const WORDS = {
  en: {
    title: "Full record of {name}",
    intro:
      "Everything Cairn keeps about this student, module by module, as of {date}. The same record is available as a JSON file.",
    keeps: "What this part keeps, and why",
    data: "What it holds",
    none: "none",
    yes: "yes",
    no: "no",
  },
  es: {
    title: "Expediente completo de {name}",
    intro:
      "Todo lo que Cairn guarda sobre este estudiante, por módulo, a fecha de {date}. El mismo expediente está disponible como archivo JSON.",
    keeps: "Qué guarda esta parte y por qué",
    data: "Qué contiene",
    none: "ninguno",
    yes: "sí",
    no: "no",
  },
} as const;

type Words = (typeof WORDS)[Language];

/** Every value put in the page goes through this: nothing in a record can become markup. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** `givenName` → "Given name", `school_id` → "School id": field names a person can read. */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Plain = string | number | boolean | null;
const isPlain = (value: unknown): value is Plain | undefined =>
  value === null || value === undefined || ["string", "number", "boolean"].includes(typeof value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function renderValue(value: unknown, words: Words): string {
  if (value === null || value === undefined) return `<span class="empty">${words.none}</span>`;
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (isPlain(value)) return escapeHtml(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return `<span class="empty">${words.none}</span>`;
    if (value.every((item) => isRecord(item))) return renderTable(value as Record<string, unknown>[], words);
    return `<ul>${value.map((item) => `<li>${renderValue(item, words)}</li>`).join("")}</ul>`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return `<span class="empty">${words.none}</span>`;
  return `<dl>${entries
    .map(([key, item]) => `<div><dt>${escapeHtml(humanize(key))}</dt><dd>${renderValue(item, words)}</dd></div>`)
    .join("")}</dl>`;
}

/** A list of like rows as a table, one column per field any row has. */
function renderTable(rows: Record<string, unknown>[], words: Words): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((column) => `<th scope="col">${escapeHtml(humanize(column))}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${columns.map((column) => `<td>${renderValue(row[column], words)}</td>`).join("")}</tr>`)
    .join("");
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function studentName(record: FullRecord): string {
  const person = record.modules.people?.data.person;
  if (isRecord(person) && typeof person.givenName === "string" && typeof person.familyName === "string") {
    return `${person.givenName} ${person.familyName}`;
  }
  return record.studentId;
}

/**
 * The full record as one printable HTML page: semantic markup, a same-origin stylesheet,
 * no script and no inline style (the Content-Security-Policy allows neither).
 */
export function renderRecordHtml(record: FullRecord, language: Language): string {
  const words = WORDS[language];
  const name = escapeHtml(studentName(record));
  const date = escapeHtml(record.generatedAt.slice(0, 10));
  const title = words.title.replace("{name}", name);
  const modules = Object.entries(record.modules)
    .map(([module, { keeps, data }]) => {
      const id = `module-${escapeHtml(module)}`;
      const kept = keeps
        .map(({ table, purpose }) => `<li><code>${escapeHtml(table)}</code>: ${escapeHtml(purpose)}</li>`)
        .join("");
      return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(humanize(module))}</h2><h3>${words.keeps}</h3><ul>${kept}</ul><h3>${words.data}</h3>${renderValue(data, words)}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Cairn</title>
<link rel="stylesheet" href="${RECORD_STYLESHEET_PATH}">
</head>
<body>
<header><h1>${title}</h1><p>${words.intro.replace("{date}", date)}</p></header>
<main>
${modules}
</main>
</body>
</html>
`;
}

/** Plain and print-friendly: black on white, tables that do not split a row across pages. */
export const RECORD_STYLESHEET = `body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.75rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1a1a1a; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0; }
dl > div { display: contents; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #eee; }
.empty { color: #595959; font-style: italic; }
@media print {
  body { padding: 0; font-size: 11pt; }
  tr, dl > div { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
`;
