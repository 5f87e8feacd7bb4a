// The BSD calendar(1) files (FreeBSD's usr.bin/calendar/calendars, Debian's
// /usr/share/calendar): one event per line, "MM/DD<TAB>text, YEAR", with
// continuation lines that start with a tab, C comments and preprocessor
// lines. Only lines with a year become entries: the rest are anniversaries of
// no particular year, reported as skipped.
import path from "node:path";
import { bcYear, isoDate, MONTH_NAMES, parseHistoricalDate } from "../content/dates.ts";
import type { Kind } from "../content/schema.ts";
import type { NewEntry } from "../content/write-entry.ts";
import { escapeMarkdown } from "./markdown.ts";
import { oneLine, summaryOf } from "./text.ts";
import type { ImportedEntry, ImportIssue, Origin, ParsedFile } from "./types.ts";

/** "calendar.history from the BSD calendar(1) distribution (BSD license)". */
export function bsdCalendarSourceTitle(file: string): string {
  return `${path.basename(file)} from the BSD calendar(1) distribution (BSD license)`;
}

interface CalendarLine {
  readonly line: number;
  readonly dateField: string;
  readonly parts: string[];
}

export function parseBsdCalendar(text: string, file: string): ParsedFile {
  const entries: ImportedEntry[] = [];
  const skipped: ImportIssue[] = [];
  const failed: ImportIssue[] = [];
  const sources = [{ title: bsdCalendarSourceTitle(file) }];
  for (const record of calendarLines(text, file, skipped, failed)) {
    const origin: Origin = { file, line: record.line };
    const read = recordEntry(record, sources);
    if ("entry" in read) entries.push({ entry: read.entry, origin });
    else if ("skipped" in read) skipped.push({ origin, reason: read.skipped });
    else failed.push({ origin, reason: read.failed });
  }
  const byLine = (a: ImportIssue, b: ImportIssue) => (a.origin.line ?? 0) - (b.origin.line ?? 0);
  return { entries, skipped: skipped.sort(byLine), failed: failed.sort(byLine) };
}

/** The dated lines with their continuation lines; what is no entry goes to `skipped` or `failed`. */
function calendarLines(text: string, file: string, skipped: ImportIssue[], failed: ImportIssue[]): CalendarLine[] {
  const records: CalendarLine[] = [];
  const at = (line: number): Origin => ({ file, line });
  let current: CalendarLine | undefined;
  let inComment = false;
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const stripped = stripComments(raw, inComment);
    inComment = stripped.inComment;
    const line = stripped.text;
    if (!line.trim() || /^\s*\/\//.test(line)) continue;

    // Preprocessor (#include, #ifndef, #define, #endif…) and settings (LANG=UTF-8, Easter=…).
    const directive = /^\s*#\s*(\w*)\s*(.*)$/.exec(line);
    if (directive) {
      current = undefined;
      if (directive[1] === "include") {
        skipped.push({
          origin: at(i + 1),
          reason: `#include ${directive[2]!.trim()} is not followed: import that file as well`,
        });
      }
      continue;
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(line) || /^\s*UTF-8\s*$/i.test(line)) {
      current = undefined;
      continue;
    }

    if (/^\s/.test(line)) {
      if (current) current.parts.push(line.trim());
      else
        skipped.push({ origin: at(i + 1), reason: `a continuation line without an entry before it: "${line.trim()}"` });
      continue;
    }
    const split = splitDate(line);
    if (!split) {
      current = undefined;
      failed.push({
        origin: at(i + 1),
        reason: `no date at the start of the line: "${line.trim()}" (write MM/DD, a tab, then the text)`,
      });
      continue;
    }
    current = { line: i + 1, dateField: split.date, parts: [split.text] };
    records.push(current);
  }

  return records;
}

/** One dated line's entry, or why it is skipped or failed. */
function recordEntry(
  record: CalendarLine,
  sources: NewEntry["sources"],
): { entry: NewEntry } | { skipped: string } | { failed: string } {
  const fullText = oneLine(record.parts.join(" "));
  const quoted = `"${fullText}"`;
  if (!fullText) return { failed: `the date ${record.dateField} has no text after it` };
  const day = parseDateField(record.dateField);
  if (day.kind === "movable") return { skipped: `${day.reason}: ${quoted}` };
  if (day.kind === "unknown")
    return {
      failed: `cannot read the date "${record.dateField}" (write MM/DD, e.g. 07/20, or an English month name, e.g. Jul 20): ${quoted}`,
    };
  const year = findYear(fullText);
  if (!year) return { skipped: `no year: ${quoted}` };
  const date = { year: year.year, month: day.month, day: day.day };
  const checked = parseHistoricalDate(isoDate(date));
  if (!checked.ok) return { failed: `${record.dateField}, ${year.text}: ${checked.problem}: ${quoted}` };

  const { kind, title } = kindAndTitle(year.rest);
  const { summary, fullText: longText } = summaryOf(fullText);
  const body: string[] = [];
  if (longText) body.push(escapeMarkdown(longText));
  if (day.variable) body.push("The source marks this date as one that varies from year to year.");
  const entry: NewEntry = {
    title,
    // "1757?": EDTF's 1757-01-11? (the whole date uncertain; 1757?-01-11, the year alone, is EDTF level 2, which entries do not take).
    date: year.uncertain ? { ...checked.date, uncertain: true } : checked.date,
    kind,
    summary,
    sources,
    ...(body.length ? { body: body.join("\n\n") } : {}),
  };
  return { entry };
}

/** Removes C comments, which may span lines. */
function stripComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let out = "";
  let rest = line;
  for (;;) {
    if (inComment) {
      const end = rest.indexOf("*/");
      if (end < 0) return { text: out, inComment: true };
      rest = rest.slice(end + 2);
      inComment = false;
    }
    const start = rest.indexOf("/*");
    if (start < 0) return { text: out + rest, inComment: false };
    out += rest.slice(0, start);
    rest = rest.slice(start + 2);
    inComment = true;
  }
}

/** The date field and the text: split at the first tab, or after a date written with spaces. */
function splitDate(line: string): { date: string; text: string } | undefined {
  const tab = line.indexOf("\t");
  if (tab > 0) return { date: line.slice(0, tab).trim(), text: line.slice(tab + 1).trim() };
  const spaced =
    /^(\d{1,2}\/\d{1,2}\*?|\*\/?\s*\d{1,2}|[A-Za-z]{3,}\.?(?:\/|\s+)\d{1,2}\*?|\d{1,2}\s+[A-Za-z]{3,}\.?\*?)\s+(\S.*)$/.exec(
      line,
    );
  return spaced ? { date: spaced[1]!, text: spaced[2]!.trim() } : undefined;
}

type DateField =
  | { kind: "day"; month: number; day: number; variable: boolean }
  | { kind: "movable"; reason: string }
  | { kind: "unknown" };

const WEEKDAY = "(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*";

/** "07/20", "Jul 20", "20 Jul", "jul/20", "03/20*" (a date that varies); wildcards and movable feasts are not one day. */
export function parseDateField(field: string): DateField {
  const f = field.trim();
  if (/^\*/.test(f)) return { kind: "movable", reason: `"${f}" repeats every month (the * wildcard)` };
  if (/[/\s]\*$/.test(f)) return { kind: "movable", reason: `"${f}" repeats every day of the month (the * wildcard)` };
  const variable = f.endsWith("*");
  const d = f.replace(/\*$/, "").trim();

  let match = /^(\d{1,2})\/(\d{1,2})$/.exec(d);
  if (match) return day(Number(match[1]), Number(match[2]), variable);
  match = /^([A-Za-z]+)\.?(?:\/|\s+)(\d{1,2})$/.exec(d);
  if (match && monthNumber(match[1]!)) return day(monthNumber(match[1]!)!, Number(match[2]), variable);
  match = /^(\d{1,2})(?:\/|\s+)([A-Za-z]+)\.?$/.exec(d);
  if (match && monthNumber(match[2]!)) return day(monthNumber(match[2]!)!, Number(match[1]), variable);

  if (new RegExp(`^${WEEKDAY}$`, "i").test(d)) return { kind: "movable", reason: `"${f}" repeats every week` };
  if (
    /easter|paskha|pasen|chinesenewyear|newmoon|fullmoon|equinox|solstice|advent/i.test(d) ||
    new RegExp(
      `${WEEKDAY}\\s*(?:[+-]\\d|first|second|third|fourth|fifth|last)|(?:first|second|third|fourth|fifth|last)\\s*${WEEKDAY}`,
      "i",
    ).test(d) ||
    /[+-]\d+$/.test(d)
  ) {
    return { kind: "movable", reason: `"${f}" is a movable date, on a different day each year` };
  }
  return { kind: "unknown" };
}

function day(month: number, dayOfMonth: number, variable: boolean): DateField {
  return { kind: "day", month, day: dayOfMonth, variable };
}

/** "Jul", "July", "Sept", "jul." → 7; other languages are not read. */
function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  if (n.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(n));
  return i < 0 ? undefined : i + 1;
}

export interface FoundYear {
  /** Astronomical: 44 BC is -43. */
  readonly year: number;
  /** As written: "1757?", "44BC". */
  readonly text: string;
  /** Marked with "?". */
  readonly uncertain: boolean;
  /** The text without the year. */
  readonly rest: string;
}

const ERA = String.raw`B\.?\s?C\.?(?:\s?E\.?)?|A\.?\s?D\.?|C\.?\s?E\.?`;
// (lead)(AD before)(number)(era after)(?), followed by a comma, a semicolon, a parenthesis, a full stop or the end.
const YEAR_CANDIDATE = new RegExp(
  String.raw`(,\s*|\(\s*)(?:(A\.?\s?D\.?)\s*)?(\d{1,4})(?:\s*(${ERA}))?(?![\w])\s*(\?)?(?=\s*(?:[,();]|\.(?:\s|$)|$))`,
  "g",
);

/**
 * The year of a calendar line: "…, 1969", "… (1966)", "…, 44BC", "…, 323 B.C.",
 * "…, 1757?" (uncertain), or a year followed by more text ("X born, 1797, first
 * astronomer to map Mars"). A year at the end wins; else the first one. A bare
 * number needs three or four digits to count ("injure 25" is not a year);
 * with BC or AD any number does.
 */
export function findYear(text: string): FoundYear | undefined {
  let first: FoundYear | undefined;
  let last: FoundYear | undefined;
  for (const m of text.matchAll(YEAR_CANDIDATE)) {
    const [whole, lead, ad, digits, era, question] = m as unknown as [
      string,
      string,
      string?,
      string?,
      string?,
      string?,
    ];
    const n = Number(digits);
    if (n === 0 || (!ad && !era && digits!.length < 3)) continue;
    const bce = era !== undefined && /^B/.test(era);
    const after = text.slice(m.index + whole.length);
    const parenthesised = lead.startsWith("(");
    const closing = parenthesised ? /^\s*\)/.exec(after) : null;
    if (parenthesised && !closing) continue;
    const tail = closing ? after.slice(closing[0].length) : after;
    const atEnd = /^\s*\.?\s*$/.test(tail);
    const rest = cleanTitle(`${text.slice(0, m.index)}${atEnd ? "" : tail}`);
    const found: FoundYear = {
      year: bce ? bcYear(n) : n,
      text: whole.slice(lead.length).trim(),
      uncertain: question !== undefined,
      rest,
    };
    first ??= found;
    if (atEnd) last = found;
  }
  return last ?? first;
}

function cleanTitle(text: string): string {
  return oneLine(text).replace(/[\s,;:]+$/, "");
}

/** "X born in Boston" → a birth, "Birth of X"; "X dies" or "X died" → a death, "Death of X". */
export function kindAndTitle(text: string): { kind: Kind; title: string } {
  const born = /^(.+?)[\s,]+(?:is\s+|was\s+)?born\b/i.exec(text);
  const died = /^(.+?)[\s,]+(?:dies|died)\b/i.exec(text);
  const bornAt = born ? born[1]!.length : /\bborn\b/i.test(text) ? 0 : Infinity;
  const diedAt = died ? died[1]!.length : /\b(?:dies|died)\b/i.test(text) ? 0 : Infinity;
  if (bornAt < Infinity && bornAt <= diedAt) return { kind: "birth", title: personTitle("Birth of", born?.[1], text) };
  if (diedAt < Infinity) return { kind: "death", title: personTitle("Death of", died?.[1], text) };
  if (/^birth of\b/i.test(text)) return { kind: "birth", title: text };
  if (/^death of\b/i.test(text)) return { kind: "death", title: text };
  return { kind: "event", title: text };
}

/**
 * "Birth of X" when the words before "born" name someone; the text as it is
 * when they end a clause instead ("… reached the North Pole and died").
 */
function personTitle(prefix: string, subject: string | undefined, text: string): string {
  const who = subject === undefined ? "" : cleanTitle(subject);
  if (!who || /\b(?:and|or|but|who|which|that|has|have|had|was|were|is|are|not|never|been|being)$/i.test(who))
    return text;
  return `${prefix} ${who}`;
}
