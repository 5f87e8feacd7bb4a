// npm run import -- --format <format> [--day MM-DD] [--dry-run] FILE…
//
// ## Importing entries
//
// `npm run import` turns existing lists into entry files in
// `$CONTENT_DIR/events/` (default `content/events/`):
//
//     npm run import -- --format bsd-calendar /usr/share/calendar/calendar.history
//     npm run import -- --format csv --dry-run my-events.csv
//     npm run import -- --format wikimedia-onthisday --day 06-12 feed.json
//
// It never replaces or repeats an entry: one whose slug is already taken (by
// any file under events/, in any subfolder), or whose day and title (ignoring
// case, accents and punctuation) match an entry already in the archive or one
// imported earlier in the same run, is skipped. Every entry is checked as
// `npm run check` would before it is written; one that would not pass is a
// failure and is not written. `--dry-run` lists the files and titles it would
// write and writes nothing. It ends with the counts, `created N, skipped N,
// failed N`, after one line per skipped or failed item naming its file and
// line, row or item (failures on stderr). Exit status: 0, or 1 if anything
// failed (the good entries are still written), or 2 for bad usage (unknown
// --format, no files, a bad --day).
//
// ### `--format bsd-calendar`: BSD calendar(1) files
//
// The files of FreeBSD's calendar(1) (on Debian, `apt-get install calendar`
// puts them in /usr/share/calendar/): `MM/DD<TAB>text, YEAR`.
//
// - Dates: `07/20`, `Jul 20`, `20 Jul`, `jul/20`, English month names
//   (`Sept`, `July`). A `*` after a date (`03/20*`, a date that varies) is read
//   as the date and noted in the body. Wildcards (`*/15`, `* 15`), movable
//   feasts (`Easter-2`, `05/MonFirst`, `10/SunLast`) and weekdays are skipped;
//   other dates (month names in other languages, `Apr` alone) are failures.
// - Years: the last `, YEAR` or `(YEAR)` of the text (continuation lines
//   included), else the first `, YEAR` followed by more text (`X born, 1797,
//   first astronomer to map Mars`). A bare number needs 3 or 4 digits; with
//   BC/B.C./BCE or AD any number counts, and BC years become astronomical
//   (`44BC` → `-0043`). A `?` after the year (`1757?`) is kept, and the body
//   says the year is uncertain. Lines without a year are skipped.
// - Lines that start with a tab continue the entry above. C comments
//   (`/* … */`), `//` lines, preprocessor lines (`#ifndef`, `#define`,
//   `#endif`…) and settings (`LANG=UTF-8`) are ignored; each `#include` is
//   reported as skipped (import the included file itself).
// - Title: the text without its year. "X born …" (or "is born") becomes a
//   birth titled "Birth of X"; "X dies …" or "X died …" a death titled
//   "Death of X". Summary: the whole text, year included; over 280 characters
//   it is cut at a word with "…" and the whole text goes in the body.
// - Sources: `calendar.history from the BSD calendar(1) distribution (BSD license)`.
//
// ### `--format csv`: a spreadsheet
//
// A header row, then one entry per row; quoted fields may hold commas, `""`
// and line breaks (line breaks in the title, summary and other one-line
// fields become spaces).
//
// | column | required | meaning |
// |---|---|---|
// | `date` | yes | `YYYY-MM-DD`, as in an entry (`-0043-03-15` is 15 March 44 BC) |
// | `title` | yes | the headline |
// | `summary` | yes | one line, at most 280 characters (longer is a failure, not cut) |
// | `kind` | no | `event` (default), `birth`, `death` or `holiday` |
// | `topics` | no | topic names separated by `;` |
// | `source` | no | a title, an `https://` address, or `Title \| https://address` |
// | `location` | no | where it happened |
// | `body` | no | Markdown: the historical context |
//
// Columns may come in any order; an unknown column name fails the file
// (with a "did you mean"). A bad row (bad date, missing title or summary,
// unknown kind, summary too long, bad address, too many fields) is a failure
// naming its row (the header is row 1) and, when it differs, its line.
//
// ### `--format wikimedia-onthisday`: Wikimedia's "On this day" feed
//
// The JSON of `https://api.wikimedia.org/feed/v1/wikipedia/en/onthisday/all/MM/DD`
// (or this site's own `/api/feed/onthisday/…`). The JSON has no month or day:
// give `--day MM-DD`, or name the file `…/MM/DD.json` or with `MM-DD` in its
// name (`onthisday-06-12.json`); otherwise the file fails.
//
// - `events`, `births`, `deaths` and `holidays` become entries of kind event,
//   birth, death and holiday. `selected` repeats items of `events` and is
//   ignored, except in a feed without `events` (`…/onthisday/selected/…`),
//   where its items are imported as events.
//   Holidays without a year (most of them) are skipped.
// - Years: Wikimedia writes 44 BC as `-44`; it becomes `-0043`.
// - Title: the text when it is at most 120 characters, else the first page's
//   title. Summary: the text (over 280 characters: cut, whole text in the body).
// - Sources: each page, as `<page title> (Wikipedia)` with its desktop address.
import { parseArgs } from "node:util";
import { configFromEnv } from "../config.ts";
import { FORMAT_NAMES, isFormatName } from "../importers/formats.ts";
import { formatReport, importFiles } from "../importers/import-entries.ts";
import { parseMonthDay } from "../importers/wikimedia-onthisday.ts";
import { runCli } from "./run-cli.ts";

const USAGE = `Usage: npm run import -- --format ${FORMAT_NAMES.join("|")} [--day MM-DD] [--dry-run] FILE…
  --format   the files' format (see the README)
  --day      for wikimedia-onthisday: the day of the feed, when the file name does not say it (e.g. 06-12)
  --dry-run  show what would be written, write nothing`;

await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: "string" },
        day: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problems: string[] = [];
  const format = values.format;
  if (!format) problems.push("--format is missing");
  else if (!isFormatName(format)) problems.push(`--format: "${format}" is not one of ${FORMAT_NAMES.join(", ")}`);
  const day = values.day === undefined ? undefined : parseMonthDay(values.day);
  if (values.day !== undefined && !day) problems.push(`--day: "${values.day}" is not a day of the year as MM-DD (e.g. 06-12)`);
  if (values.day !== undefined && format !== "wikimedia-onthisday") problems.push("--day is only for --format wikimedia-onthisday");
  if (!files.length) problems.push("no files to import");
  if (problems.length || !format || !isFormatName(format)) {
    console.error([...problems, USAGE].join("\n"));
    return 2;
  }

  const report = await importFiles(format, files, {
    contentDir: configFromEnv().contentDir,
    dryRun: values["dry-run"],
    ...(day ? { day } : {}),
  });
  const { stdout, stderr } = formatReport(report);
  for (const line of stdout.slice(0, -1)) console.log(line);
  for (const line of stderr) console.error(line);
  console.log(stdout.at(-1));
  return report.failed.length ? 1 : 0;
});
