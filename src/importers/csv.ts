// A spreadsheet of entries, one per row, with a header row naming the
// columns: date, title and summary (required), kind, topics, source, and
// location and body (optional). Parsed by csv-parse, so quoted fields may hold
// commas, quotes ("") and newlines.
import { parse } from "csv-parse/sync";
import { parseHistoricalDate } from "../content/dates.ts";
import { closestField } from "../content/field-help.ts";
import { isKind, KINDS, SUMMARY_MAX } from "../content/schema.ts";
import type { NewEntry } from "../content/write-entry.ts";
import { oneLine } from "./text.ts";
import type { ImportedEntry, ImportIssue, ParsedFile } from "./types.ts";

export const CSV_COLUMNS = ["date", "title", "summary", "kind", "topics", "source", "location", "body"] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["date", "title", "summary"];

function isColumn(name: string): name is Column {
  return (CSV_COLUMNS as readonly string[]).includes(name);
}

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number; readonly records: number };
}

export function parseCsv(text: string, file: string): ParsedFile {
  const entries: ImportedEntry[] = [];
  const failed: ImportIssue[] = [];

  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    return {
      entries,
      skipped: [],
      failed: [{ origin: { file, line: e.lines }, reason: `not readable as CSV: ${e.message}` }],
    };
  }

  const [header, ...rows] = records;
  if (!header)
    return {
      entries,
      skipped: [],
      failed: [
        {
          origin: { file },
          reason: "the file is empty: it needs a header row (date,title,summary,…) and one row per entry",
        },
      ],
    };
  const columns = wrongSeparator(header.record) ?? readHeader(header.record);
  if ("problem" in columns) {
    return {
      entries,
      skipped: [],
      failed: [{ origin: { file, row: 1, line: startLine(header) }, reason: columns.problem }],
    };
  }

  for (const { record, info } of rows) {
    const origin = { file, row: info.records, line: startLine({ record, info }) };
    const cell = (column: Column): string => {
      const i = columns.index.get(column);
      return i === undefined ? "" : (record[i] ?? "").trim();
    };
    if (record.length > columns.count) {
      failed.push({
        origin,
        reason: `has ${record.length} fields but the header has ${columns.count} (put a field that contains a comma in double quotes)`,
      });
      continue;
    }
    const row = rowEntry(cell);
    if ("reason" in row) failed.push({ origin, reason: row.reason });
    else entries.push({ entry: row.entry, origin });
  }
  return { entries, skipped: [], failed };
}

/** The entry a row's cells make, or every reason they make none. */
function rowEntry(cell: (column: Column) => string): { entry: NewEntry } | { reason: string } {
  const problems: string[] = [];
  const date = parseHistoricalDate(cell("date"));
  if (!cell("date")) problems.push("date is missing");
  else if (!date.ok) problems.push(`date: ${date.problem} (${date.fix})`);
  const title = oneLine(cell("title"));
  if (!title) problems.push("title is missing");
  const summary = oneLine(cell("summary"));
  if (!summary) problems.push("summary is missing");
  else if (summary.length > SUMMARY_MAX) {
    problems.push(
      `summary is ${summary.length} characters long; the limit is ${SUMMARY_MAX} (shorten it and move the detail into the body column)`,
    );
  }
  const kindText = cell("kind").toLowerCase();
  if (kindText && !isKind(kindText)) {
    problems.push(`kind: "${cell("kind")}" is not one of ${KINDS.join(", ")}`);
  }
  const source = cell("source") ? parseSource(oneLine(cell("source"))) : undefined;
  if (source && "problem" in source) problems.push(`source: ${source.problem}`);

  if (problems.length || !date.ok || (source && "problem" in source)) return { reason: problems.join("; ") };
  const topics = cell("topics").split(";").map(oneLine).filter(Boolean);
  const location = oneLine(cell("location"));
  const body = cell("body");
  const entry: NewEntry = {
    title,
    date: date.date,
    kind: isKind(kindText) ? kindText : "event",
    summary,
    ...(location ? { location } : {}),
    ...(topics.length ? { topics } : {}),
    ...(source ? { sources: [source] } : {}),
    ...(body ? { body } : {}),
  };
  return { entry };
}

/** Separators spreadsheets write instead of commas: a European locale's Excel writes ";", "tab-separated" exports a tab. */
const OTHER_SEPARATORS = [
  { separator: ";", name: "semicolons" },
  { separator: "\t", name: "tabs" },
  { separator: "|", name: "vertical bars" },
] as const;

/** A header read as one column that another separator would split into ours: say which, and how to convert. */
function wrongSeparator(names: readonly string[]): { problem: string } | undefined {
  if (names.length !== 1) return undefined;
  const found = OTHER_SEPARATORS.find(({ separator }) =>
    names[0]!.split(separator).some((name) => isColumn(name.trim().toLowerCase())),
  );
  if (!found) return undefined;
  return {
    problem:
      `the columns are separated by ${found.name} (${JSON.stringify(found.separator)}), not commas: save the file again as CSV with commas ` +
      `(LibreOffice Calc: File › Save As, "Text CSV", "Edit filter settings", field delimiter ","; Google Sheets: File › Download › CSV), ` +
      "or replace each separator by a comma and put fields that contain a comma in double quotes",
  };
}

function readHeader(names: string[]): { index: Map<Column, number>; count: number } | { problem: string } {
  const index = new Map<Column, number>();
  const problems: string[] = [];
  for (const [i, raw] of names.entries()) {
    const name = raw.trim().toLowerCase();
    if (!isColumn(name)) {
      const guess = closestField(name, CSV_COLUMNS);
      problems.push(`the header has an unknown column "${raw.trim()}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
    } else if (index.has(name)) problems.push(`the header names the column "${name}" twice`);
    else index.set(name, i);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) problems.push(`the header has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}`);
  if (problems.length)
    return {
      problem: `${problems.join("; ")} (the columns are ${CSV_COLUMNS.join(",")}; date, title and summary are required)`,
    };
  return { index, count: names.length };
}

/** The line a record starts on: csv-parse counts the line it ends on. */
function startLine({ record, info }: CsvRecord): number {
  const breaks = record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return info.lines - breaks;
}

/** "https://…", "A title", or "A title | https://…". Only http(s) addresses are allowed. */
export function parseSource(text: string): { title: string; url?: string } | { problem: string } {
  const bar = text.lastIndexOf("|");
  if (bar >= 0) {
    const title = text.slice(0, bar).trim();
    const url = text.slice(bar + 1).trim();
    const checked = checkUrl(url);
    if (checked) return { problem: checked };
    return title ? { title, url } : { title: titleFromUrl(url), url };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const checked = checkUrl(text);
    return checked ? { problem: checked } : { title: titleFromUrl(text), url: text };
  }
  return { title: text };
}

function checkUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a web address (write "Title | https://…", or only the title)`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `"${text}" uses ${url.protocol}; only https:// and http:// addresses are allowed`;
  return undefined;
}

/** "https://en.wikipedia.org/wiki/Apollo_11" → "Apollo 11 (en.wikipedia.org)". */
function titleFromUrl(text: string): string {
  const url = new URL(text);
  const last = url.pathname.split("/").filter(Boolean).at(-1);
  let name: string | undefined;
  try {
    name =
      last &&
      decodeURIComponent(last)
        .replace(/_/g, " ")
        .replace(/\.[a-z0-9]{2,5}$/i, "");
  } catch {
    name = last;
  }
  return name ? `${name} (${url.hostname})` : url.hostname;
}
