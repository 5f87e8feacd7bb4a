// npm run new -- --date 2019-06-30 --title "Trump steps into North Korea"
// Writes a valid entry with every optional field commented, and prints its path.
import path from "node:path";
import { parseArgs } from "node:util";
import { configFromEnv } from "../config.ts";
import { parseHistoricalDate } from "../content/dates.ts";
import { listEntryFiles } from "../content/entry-files.ts";
import { KINDS, SUMMARY_MAX, type Kind } from "../content/schema.ts";
import { entrySlug, entryText, EntryExistsError, writeNewEntry } from "../content/write-entry.ts";
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
  if (!(KINDS as readonly string[]).includes(values.kind)) problems.push(`--kind: "${values.kind}" is not one of ${KINDS.join(", ")}`);
  if (values.summary && values.summary.length > SUMMARY_MAX) problems.push(`--summary is longer than ${SUMMARY_MAX} characters`);
  if (problems.length || !date?.ok || !values.title) {
    console.error([...problems, USAGE].join("\n"));
    return 2;
  }

  const title = values.title.trim();
  const entry = {
    title,
    date: date.date,
    kind: values.kind as Kind,
    // A placeholder that passes the checker; it warns until the summary says more than the title.
    summary: values.summary?.trim() || title,
    location: values.location?.trim() || undefined,
    body: "Write the historical context here, in Markdown: what happened, why it mattered, and what followed.",
  };
  const slug = entrySlug(date.date, title);
  const eventsDir = path.join(configFromEnv().contentDir, "events");
  // Slugs are unique across subfolders and regardless of case.
  const taken = ((await listEntryFiles(eventsDir)) ?? []).find((f) => path.basename(f, ".md").toLowerCase() === slug);
  if (taken) {
    console.error(`${path.relative(process.cwd(), taken)} already has the slug ${slug}: nothing was written (edit that file, or choose another title)`);
    return 1;
  }
  try {
    const file = await writeNewEntry(eventsDir, slug, entryText(entry, { template: true }));
    console.log(path.relative(process.cwd(), file));
    return 0;
  } catch (error) {
    if (error instanceof EntryExistsError) {
      console.error(`${error.message}: nothing was written (edit that file, or choose another title)`);
      return 1;
    }
    throw error;
  }
});
