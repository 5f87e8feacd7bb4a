// From parsed files to entry files: drops what the archive (or this run)
// already has (the same day and title), checks each entry as `npm run check`
// would, and writes it without ever replacing a file: a title whose slug is
// taken by another entry gets the next free one. With dryRun, it only says what it would write.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type HistoricalDate, isoDate } from "../content/dates.ts";
import { listEntryFiles } from "../content/entry-files.ts";
import { loadEntries } from "../content/load.ts";
import { parseEntry, slugFromFileName } from "../content/parse-entry.ts";
import { freeSlug } from "../content/slugs.ts";
import { EntryExistsError, entrySlug, entryText, writeNewEntry } from "../content/write-entry.ts";
import { displayPath as display } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";
import { type FormatName, type ParseOptions, parseFile } from "./formats.ts";
import { titleKey } from "./text.ts";
import { formatOrigin, type ImportIssue, type Origin, type ParsedFile } from "./types.ts";

export interface ImportOptions {
  /** The folder that holds events/. */
  readonly contentDir: string;
  /** Report what would be written, and write nothing. */
  readonly dryRun?: boolean;
}

export interface CreatedEntry {
  /** The entry file, relative to the working folder. */
  readonly file: string;
  readonly title: string;
  readonly origin: Origin;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly created: CreatedEntry[];
  readonly skipped: ImportIssue[];
  readonly failed: ImportIssue[];
}

/** Reads and parses each file; a file that cannot be read is one failure. */
export async function parseFiles(
  format: FormatName,
  files: readonly string[],
  options: ParseOptions = {},
): Promise<ParsedFile[]> {
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const name = display(path.resolve(file));
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
    } catch (error) {
      const code = errorCode(error);
      const reason =
        code === "ENOENT"
          ? "no such file"
          : code === "EISDIR"
            ? "is a folder, not a file"
            : error instanceof TypeError
              ? "is not UTF-8 text (convert it first, e.g. iconv -f latin1 -t utf-8)"
              : `cannot be read: ${(error as Error).message}`;
      parsed.push({ entries: [], skipped: [], failed: [{ origin: { file: name }, reason }] });
      continue;
    }
    parsed.push(parseFile(format, text, name, options));
  }
  return parsed;
}

/** Entries by day and title, compared ignoring case and punctuation. */
function dayTitleKey(date: HistoricalDate, title: string): string {
  return `${isoDate(date)} ${titleKey(title)}`;
}

export async function importEntries(parsed: readonly ParsedFile[], options: ImportOptions): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const eventsDir = path.join(path.resolve(options.contentDir), "events");
  const created: CreatedEntry[] = [];
  const skipped: ImportIssue[] = [];
  const failed: ImportIssue[] = [];

  // What is there already: every file's slug (valid entry or not), and every valid entry's slug, day and title.
  const fileBySlug = new Map<string, string>();
  for (const file of (await listEntryFiles(eventsDir)) ?? [])
    fileBySlug.set(slugFromFileName(path.basename(file)).toLowerCase(), display(file));
  const entrySlugs = new Set<string>();
  // An entry's former slugs (aliases) are addresses it keeps: no new entry takes one.
  const aliases = new Set<string>();
  const byDayTitle = new Map<string, string>();
  for (const entry of (await loadEntries(options.contentDir)).entries) {
    entrySlugs.add(entry.slug);
    for (const alias of entry.aliases ?? []) aliases.add(alias);
    byDayTitle.set(dayTitleKey(entry.date, entry.title), entry.file);
  }

  for (const file of parsed) {
    skipped.push(...file.skipped);
    failed.push(...file.failed);
    for (const { entry, origin } of file.entries) {
      const key = dayTitleKey(entry.date, entry.title);
      const what = `"${entry.title}" (${isoDate(entry.date)})`;
      const sameDay = byDayTitle.get(key);
      if (sameDay !== undefined) {
        skipped.push({ origin, reason: `${what} is already there: ${sameDay} has the same day and title` });
        continue;
      }
      // Another entry may have this title's slug (another title of the day made it): this one takes the
      // next free one. A file that is no valid entry may be this one, broken: it is left to the editor.
      let broken: string | undefined;
      const slug = freeSlug(entrySlug(entry.date, entry.title), (candidate) => {
        broken = entrySlugs.has(candidate) ? undefined : fileBySlug.get(candidate);
        return (fileBySlug.has(candidate) && !broken) || aliases.has(candidate);
      });
      if (broken) {
        failed.push({
          origin,
          reason: `${what} was not imported: ${broken} has its slug ${slug} and is not a valid entry (fix that file, then import again)`,
        });
        continue;
      }
      const target = path.join(eventsDir, `${slug}.md`);
      const text = entryText(entry);
      const checked = parseEntry(text, display(target), `${slug}.md`);
      if (!checked.entry) {
        const problems = checked.problems.map((p) => `${p.field ? `${p.field}: ` : ""}${p.message}`).join("; ");
        failed.push({ origin, reason: `${what} would not pass npm run check: ${problems}` });
        continue;
      }
      if (!dryRun) {
        try {
          await writeNewEntry(eventsDir, slug, text);
        } catch (error) {
          // Only a file made since the import looked: nothing is replaced.
          if (error instanceof EntryExistsError)
            skipped.push({ origin, reason: `${what} is already there: ${display(target)} exists` });
          else
            failed.push({
              origin,
              reason: `${what} could not be written to ${display(target)}: ${(error as Error).message}`,
            });
          continue;
        }
      }
      const here = `${formatOrigin(origin)} (earlier in this import)`;
      fileBySlug.set(slug, here);
      entrySlugs.add(slug);
      byDayTitle.set(key, here);
      created.push({ file: display(target), title: entry.title, origin });
    }
  }

  const fileOrder = new Map(parsed.map((file, i) => [originFile(file), i]));
  return { dryRun, created, skipped: inSourceOrder(skipped, fileOrder), failed: inSourceOrder(failed, fileOrder) };
}

/** Reads, parses and imports: the whole of `npm run import`. */
export async function importFiles(
  format: FormatName,
  files: readonly string[],
  options: ImportOptions & ParseOptions,
): Promise<ImportReport> {
  return importEntries(await parseFiles(format, files, options), options);
}

function originFile(file: ParsedFile): string | undefined {
  return (file.entries[0] ?? file.skipped[0] ?? file.failed[0])?.origin.file;
}

/** By file (in the order given), then by line or row; JSON items keep their order. */
function inSourceOrder(
  issues: readonly ImportIssue[],
  fileOrder: ReadonlyMap<string | undefined, number>,
): ImportIssue[] {
  const position = (o: Origin) => o.line ?? o.row ?? 0;
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.issue.origin.file) ?? 0) - (fileOrder.get(b.issue.origin.file) ?? 0) ||
        position(a.issue.origin) - position(b.issue.origin) ||
        a.i - b.i,
    )
    .map(({ issue }) => issue);
}

/** The lines `npm run import` prints: what it wrote (stdout), what it skipped (stdout), what failed (stderr), then the counts. */
export function formatReport(report: ImportReport): { stdout: string[]; stderr: string[] } {
  const stdout = report.created.map((c) => `${report.dryRun ? "would create" : "created"} ${c.file}: ${c.title}`);
  stdout.push(...report.skipped.map((s) => `skipped ${formatOrigin(s.origin)}: ${s.reason}`));
  const stderr = report.failed.map((f) => `failed ${formatOrigin(f.origin)}: ${f.reason}`);
  const counts = `skipped ${report.skipped.length}, failed ${report.failed.length}`;
  stdout.push(
    report.dryRun
      ? `Dry run: would create ${report.created.length}, ${counts}; nothing was written.`
      : `created ${report.created.length}, ${counts}.`,
  );
  return { stdout, stderr };
}
