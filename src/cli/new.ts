// npm run new -- --date "12 September 490 BC" --title "Battle of Marathon"
// Writes a valid entry with every optional field commented, prints its path,
// and says which day it understood.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configFromEnv } from "../config.ts";
import { PLACEHOLDER_BODY } from "../content/body-check.ts";
import { eventDateWords } from "../content/date-words.ts";
import {
  CALENDARS,
  type Calendar,
  dateInWords,
  edtfText,
  type HistoricalDate,
  isoDate,
  isPlainDay,
} from "../content/dates.ts";
import { listEntryFiles } from "../content/entry-files.ts";
import { parseEntry, slugFromFileName } from "../content/parse-entry.ts";
import { isKind, KINDS, SUMMARY_MAX } from "../content/schema.ts";
import { foldName, freeSlug } from "../content/slugs.ts";
import { isoYearNote, parseTypedEventDate } from "../content/typed-date.ts";
import { EntryExistsError, entryText, scaffoldSlug, writeNewEntry } from "../content/write-entry.ts";
import { displayPath } from "../util/display-path.ts";
import { visible } from "../util/visible.ts";
import { runCli } from "./run-cli.ts";

const USAGE = `Usage: npm run new -- --date DATE --title "Title" [options]

Writes content/events/<title>.md, an entry with every optional field as a comment to fill in,
and prints its path. The file is named after the title alone, so that correcting the date
keeps the event's address; a title another entry has gets a number (<title>-2.md).
Nothing is ever written over an existing file.

  --date DATE       the day it happened, as historians write it or as ISO 8601:
                      "12 September 490 BC", "15 March 44 BCE", "24 August AD 79", "20 July 1969";
                      2019-06-30, 0079-08-24, and --date=-0043-03-15 (ISO years count a year 0:
                      -0043 is 44 BC); the command says which day it understood
                    or known less well, as EDTF: "1757" or "1757-06" (day unknown), "1757?" or
                      "12 June 1757?" (uncertain), "c. 1 May 1500" or 1500-05-01~ (approximate),
                      1863-07-01/1863-07-03 (a span)
  --calendar NAME   julian or gregorian: the calendar the date is written in (default: Julian
                      before 15 October 1582, Gregorian after); julian for an Old Style date
  --title "…"       the headline, plain text
  --kind KIND       ${KINDS.join(", ")} (default: event)
  --summary "…"     one line, at most ${SUMMARY_MAX} characters (default: the title, which the check warns about)
  --location "…"    where it happened
  -h, --help        this help`;

/** After a mistake: the usage line, and where the rest is. */
const SHORT_USAGE = `${USAGE.split("\n")[0]}\n(npm run new -- --help says more)`;

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        date: { type: "string" },
        calendar: { type: "string" },
        title: { type: "string" },
        kind: { type: "string", default: "event" },
        summary: { type: "string" },
        location: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${SHORT_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problems: string[] = [];
  const calendar = values.calendar?.trim().toLowerCase();
  const knownCalendar = calendar === undefined || (CALENDARS as readonly string[]).includes(calendar);
  if (!knownCalendar) problems.push(`--calendar: "${values.calendar}" is not one of ${CALENDARS.join(", ")}`);
  const date =
    values.date && knownCalendar ? parseTypedEventDate(values.date, calendar as Calendar | undefined) : undefined;
  if (!values.date) problems.push("--date is missing");
  else if (date && !date.ok) problems.push(`--date: ${date.problem} (${date.fix})`);
  if (!values.title?.trim()) problems.push("--title is missing");
  const kind = isKind(values.kind) ? values.kind : undefined;
  if (!kind) problems.push(`--kind: "${values.kind}" is not one of ${KINDS.join(", ")}`);
  if (values.summary && values.summary.length > SUMMARY_MAX)
    problems.push(`--summary is longer than ${SUMMARY_MAX} characters`);
  if (problems.length || !date?.ok || !values.title || !kind) {
    console.error([...problems.map(visible), SHORT_USAGE].join("\n"));
    return 2;
  }

  const title = values.title.trim();
  const config = configFromEnv();
  const entry = {
    title,
    date: date.date,
    kind,
    // A placeholder that passes the checker; it warns until the summary says more than the title.
    summary: values.summary?.trim() || title,
    location: values.location?.trim() || undefined,
    body: PLACEHOLDER_BODY,
  };
  const eventsDir = path.join(config.contentDir, "events");
  // Slugs are unique across subfolders and regardless of case, and an entry's
  // former slugs (aliases) are its own. A slug another entry has (another
  // title that makes the same slug) gives way to the next free one; a file of
  // the same day and title, or one that is no entry yet (perhaps this one,
  // half written), is left for the editor.
  const files = (await listEntryFiles(eventsDir)) ?? [];
  const slugFiles = new Map(files.map((f) => [slugFromFileName(path.basename(f)).toLowerCase(), f]));
  const aliases = aliasesOf(files);
  let refusal: string | undefined;
  const slug = freeSlug(scaffoldSlug(title), (candidate) => {
    const file = slugFiles.get(candidate);
    refusal = file && refusalBy(file, candidate, date.date, title);
    return (file !== undefined && !refusal) || aliases.has(candidate);
  });
  if (refusal) {
    console.error(visible(`${refusal}: nothing was written (edit that file, or choose another title)`));
    return 1;
  }
  try {
    const file = await writeNewEntry(eventsDir, slug, entryText(entry, { template: true, today: config.buildDate }));
    console.log(displayPath(file));
    const note = isoYearNote(values.date!, date.date);
    const understood = isPlainDay(date.date)
      ? `${dateInWords(date.date)} (ISO ${isoDate(date.date)})`
      : `${eventDateWords(date.date)} (date: ${edtfText(date.date)}${date.date.calendar ? `, calendar: ${date.date.calendar}` : ""})`;
    console.error(`Understood the date as ${understood}.${note ? ` ${note}.` : ""}`);
    return 0;
  } catch (error) {
    if (error instanceof EntryExistsError) {
      console.error(`${error.message}: nothing was written (edit that file, or choose another title)`);
      return 1;
    }
    throw error;
  }
});

/** Why a file that has the slug stops the new entry, if it does: it is the same entry, or not an entry yet. */
function refusalBy(file: string, slug: string, date: HistoricalDate, title: string): string | undefined {
  const held = parseEntry(readFileSync(file, "utf8"), file, path.basename(file)).entry;
  const shown = displayPath(file);
  if (!held) return `${shown} already has the slug ${slug}`;
  if (isoDate(held.date) === isoDate(date) && foldName(held.title) === foldName(title))
    return `${shown} already has this day and title`;
  return undefined;
}

/**
 * Every entry's former slugs, which redirect to it: a new entry cannot take
 * one. Only the files that mention `aliases:` are parsed.
 */
function aliasesOf(files: readonly string[]): Set<string> {
  const aliases = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("aliases:")) continue;
    for (const alias of parseEntry(text, file, path.basename(file)).entry?.aliases ?? [])
      aliases.add(alias.toLowerCase());
  }
  return aliases;
}
