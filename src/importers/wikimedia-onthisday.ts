// The JSON of Wikimedia's "On this day" feed
// (https://api.wikimedia.org/feed/v1/wikipedia/en/onthisday/all/MM/DD, and
// this archive's own /api/feed/onthisday/…): lists of { text, year, pages }.
// The day is not in the JSON: it comes from --day, or from the file's path.
import path from "node:path";
import { isoDate, maxDaysInMonth, parseHistoricalDate } from "../content/dates.ts";
import type { Kind } from "../content/schema.ts";
import type { NewEntry } from "../content/write-entry.ts";
import { escapeMarkdown } from "./markdown.ts";
import { oneLine, summaryOf, truncateAtWord } from "./text.ts";
import type { ImportedEntry, ImportIssue, ParsedFile } from "./types.ts";

export const TITLE_MAX = 120;

/** The lists imported, and the kind of each. */
const LISTS = [
  ["events", "event"],
  ["births", "birth"],
  ["deaths", "death"],
  ["holidays", "holiday"],
] as const satisfies readonly (readonly [string, Kind])[];

export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/** "06-12" → June 12 (29 February allowed); anything else is undefined. */
export function parseMonthDay(text: string): MonthDay | undefined {
  const match = /^(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > maxDaysInMonth(month)) return undefined;
  return { month, day };
}

/**
 * The day in a file's path: ".../06/12.json" or a name with "06-12" in it
 * ("onthisday-06-12.json"), but not as part of a full date ("2018-06-12"),
 * which may be the day the file was saved.
 */
export function dayFromPath(file: string): MonthDay | undefined {
  const slashed = file.replaceAll("\\", "/");
  const nested = /(?:^|\/)(\d{2})\/(\d{2})\.json$/i.exec(slashed);
  if (nested) return parseMonthDay(`${nested[1]}-${nested[2]}`);
  const named = /(?<!\d|\d-)(\d{2})-(\d{2})(?!\d|-\d)/.exec(path.posix.basename(slashed));
  return named ? parseMonthDay(`${named[1]}-${named[2]}`) : undefined;
}

export function parseWikimediaOnThisDay(text: string, file: string, options: { day?: MonthDay } = {}): ParsedFile {
  const entries: ImportedEntry[] = [];
  const skipped: ImportIssue[] = [];
  const failed: ImportIssue[] = [];
  const fileFailure = (reason: string): ParsedFile => ({ entries, skipped, failed: [{ origin: { file }, reason }] });

  const monthDay = options.day ?? dayFromPath(file);
  if (!monthDay) {
    return fileFailure(
      "cannot tell which day this is (the feed's JSON has no date): give --day MM-DD, or name the file …/MM/DD.json or with MM-DD in its name (onthisday-06-12.json)",
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileFailure(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(data))
    return fileFailure("not an On this day feed: expected an object with events, births, deaths or holidays");
  if (!LISTS.some(([name]) => name in data) && !("selected" in data)) {
    return fileFailure("not an On this day feed: it has none of events, births, deaths, holidays");
  }

  // `selected` repeats picks from `events`; it is read only from a feed that has no `events` (…/onthisday/selected/…).
  const lists: (readonly [string, Kind])[] = "events" in data ? [...LISTS] : [["selected", "event"], ...LISTS];
  for (const [list, kind] of lists) {
    const items = data[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      failed.push({ origin: { file, item: list }, reason: `${list} is not a list` });
      continue;
    }
    for (const [i, item] of items.entries()) {
      const origin = { file, item: `${list}[${i}]` };
      const converted = convertItem(item, kind, monthDay);
      if ("skip" in converted) skipped.push({ origin, reason: converted.skip });
      else if ("problem" in converted) failed.push({ origin, reason: converted.problem });
      else entries.push({ entry: converted.entry, origin });
    }
  }
  return { entries, skipped, failed };
}

interface FeedPage {
  readonly title?: unknown;
  readonly normalizedtitle?: unknown;
  readonly titles?: { readonly normalized?: unknown };
  readonly content_urls?: { readonly desktop?: { readonly page?: unknown } };
}

function convertItem(
  item: unknown,
  kind: Kind,
  monthDay: MonthDay,
): { entry: NewEntry } | { skip: string } | { problem: string } {
  if (!isObject(item)) return { problem: "is not an object with text, year and pages" };
  const text = typeof item.text === "string" ? oneLine(item.text) : "";
  if (!text) return { problem: "has no text" };
  const quoted = `"${text}"`;
  if (item.year === undefined || item.year === null) {
    return kind === "holiday"
      ? { skip: `a holiday without a year (the archive dates every entry): ${quoted}` }
      : { problem: `has no year: ${quoted}` };
  }
  if (typeof item.year !== "number" || !Number.isInteger(item.year) || item.year === 0 || Math.abs(item.year) > 9999) {
    return { problem: `year ${JSON.stringify(item.year)} is not a year (Wikimedia writes 44 BC as -44): ${quoted}` };
  }
  // Wikimedia has no year 0: -44 is 44 BC, which is -43 in astronomical numbering.
  const year = item.year < 0 ? item.year + 1 : item.year;
  const checked = parseHistoricalDate(isoDate({ year, month: monthDay.month, day: monthDay.day }));
  if (!checked.ok) return { problem: `${checked.problem}: ${quoted}` };

  const pages = Array.isArray(item.pages) ? (item.pages as unknown[]).filter(isObject).map((p) => p as FeedPage) : [];
  const sources = pages.flatMap((page) => {
    const name = pageTitle(page);
    if (!name) return [];
    const url = page.content_urls?.desktop?.page;
    return [{ title: `${name} (Wikipedia)`, ...(typeof url === "string" && isHttpUrl(url) ? { url } : {}) }];
  });
  const firstPage = pages.map(pageTitle).find(Boolean);
  const title = text.length <= TITLE_MAX ? text : (firstPage ?? truncateAtWord(text, TITLE_MAX));
  const { summary, fullText } = summaryOf(text);
  const entry: NewEntry = {
    title,
    date: checked.date,
    kind,
    summary,
    ...(sources.length ? { sources } : {}),
    ...(fullText ? { body: escapeMarkdown(fullText) } : {}),
  };
  return { entry };
}

function pageTitle(page: FeedPage): string | undefined {
  for (const candidate of [page.normalizedtitle, page.titles?.normalized, page.title]) {
    if (typeof candidate === "string" && candidate.trim()) return oneLine(candidate.replace(/_/g, " "));
  }
  return undefined;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
