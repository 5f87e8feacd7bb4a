// npm run new -- --date 2019-06-30 --title "Trump steps into North Korea"
// Writes a valid entry with every optional field commented, and prints its path.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configFromEnv } from "../config.ts";
import { type HistoricalDate, isoDate, parseHistoricalDate } from "../content/dates.ts";
import { listEntryFiles } from "../content/entry-files.ts";
import { parseEntry, slugFromFileName } from "../content/parse-entry.ts";
import { isKind, KINDS, SUMMARY_MAX } from "../content/schema.ts";
import { foldName, freeSlug } from "../content/slugs.ts";
import { EntryExistsError, entrySlug, entryText, writeNewEntry } from "../content/write-entry.ts";
import { displayPath } from "../util/display-path.ts";
import { visible } from "../util/visible.ts";
import { runCli } from "./run-cli.ts";

const USAGE = [
  `Usage: npm run new -- --date YYYY-MM-DD --title "Title" [--kind event|birth|death|holiday] [--summary "One line"] [--location "Where"]`,
  "A BCE date starts with a minus sign: write it with an equals sign, --date=-0043-03-15.",
].join("\n");

await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        date: { type: "string" },
        title: { type: "string" },
        kind: { type: "string", default: "event" },
        summary: { type: "string" },
        location: { type: "string" },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const date = values.date ? parseHistoricalDate(values.date) : undefined;
  if (!values.date) problems.push("--date is missing");
  else if (date && !date.ok) problems.push(`--date: ${date.problem} (${date.fix})`);
  if (!values.title?.trim()) problems.push("--title is missing");
  const kind = isKind(values.kind) ? values.kind : undefined;
  if (!kind) problems.push(`--kind: "${values.kind}" is not one of ${KINDS.join(", ")}`);
  if (values.summary && values.summary.length > SUMMARY_MAX)
    problems.push(`--summary is longer than ${SUMMARY_MAX} characters`);
  if (problems.length || !date?.ok || !values.title || !kind) {
    console.error([...problems, USAGE].join("\n"));
    return 2;
  }

  const title = values.title.trim();
  const entry = {
    title,
    date: date.date,
    kind,
    // A placeholder that passes the checker; it warns until the summary says more than the title.
    summary: values.summary?.trim() || title,
    location: values.location?.trim() || undefined,
    body: "Write the historical context here, in Markdown: what happened, why it mattered, and what followed.",
  };
  const eventsDir = path.join(configFromEnv().contentDir, "events");
  // Slugs are unique across subfolders and regardless of case. A slug another
  // entry has (another title that makes the same slug) gives way to the next
  // free one; a file of the same day and title, or one that is no entry yet
  // (perhaps this one, half written), is left for the editor.
  const slugFiles = new Map(
    ((await listEntryFiles(eventsDir)) ?? []).map((f) => [slugFromFileName(path.basename(f)).toLowerCase(), f]),
  );
  let refusal: string | undefined;
  const slug = freeSlug(entrySlug(date.date, title), (candidate) => {
    const file = slugFiles.get(candidate);
    refusal = file && refusalBy(file, candidate, date.date, title);
    return file !== undefined && !refusal;
  });
  if (refusal) {
    console.error(visible(`${refusal}: nothing was written (edit that file, or choose another title)`));
    return 1;
  }
  try {
    const file = await writeNewEntry(eventsDir, slug, entryText(entry, { template: true }));
    console.log(displayPath(file));
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
