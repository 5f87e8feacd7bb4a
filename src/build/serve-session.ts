// What `npm start` keeps between rebuilds so that an edit shows in about the
// time it takes to write the pages it touches: the entries already read (by
// modification time), the last good archive to compare with, and the
// finishing work (API, sitemap, search), which runs after the pages are
// served, one at a time, always on the newest archive. What was written for
// an entry that has gone (deleted, or renamed) is removed. An edit that moves
// no event (a title, a summary, a body fixed) rereads only the edited files
// and patches the archive, instead of looking at every entry again: seconds
// saved at 100,000 events.
import { existsSync, lstatSync, realpathSync } from "node:fs";
import { readdir, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { apiPaths } from "../api/documents.ts";
import type { Archive } from "../archive/archive.ts";
import { loadArchive } from "../archive/load-archive.ts";
import { patchArchive } from "../archive/patch-archive.ts";
import type { BuildConfig } from "../config.ts";
import { compareDates } from "../content/dates.ts";
import { lintEntries } from "../content/lint.ts";
import { EntryCache, hasErrors, type LoadedEntry, readEntryFile } from "../content/load.ts";
import { slugFromFileName } from "../content/parse-entry.ts";
import { ContentErrors, type ContentProblem, formatProblem, sortProblems } from "../content/problems.ts";
import type { LivePages, PlannedPages, RenderPlan } from "../eleventy/archive-plugin.ts";
import { startSearchIndex } from "../search/search-index.ts";
import { finishSite } from "./finish-site.ts";
import { NOTHING, touchedBy, wholeSite } from "./render-plan.ts";
import { writtenFor } from "./written-for.ts";

const FINISH_DELAY_MS = 300;

export class ServeSession implements LivePages {
  private readonly cache = new EntryCache();
  private previous: Archive | undefined;
  /** The entries of `previous`, in the order the loader read them, and by slug and by path. */
  private entries: readonly LoadedEntry[] = [];
  private entryBySlug = new Map<string, LoadedEntry>();
  private entryByPath = new Map<string, LoadedEntry>();
  /** The problems of the last read, for the warnings of a patched one. */
  private problems: readonly ContentProblem[] = [];
  /** The content files Eleventy saw change since the last read. */
  private readonly changedFiles = new Set<string>();
  /** writtenFor(previous). */
  private previousWritten = new Set<string>();
  /** Entries changed since the last build that succeeded. */
  private readonly pending = new Set<string>();
  private everything = true;
  private finishing: Promise<void> | undefined;
  /** The events whose pages were written since the last finishing began, by slug; undefined: maybe any. */
  private unfinished: Set<string> | undefined;
  /** The archive of the last finishing that succeeded: the search bundles on disk are its. */
  private finished: Archive | undefined;
  private finishAgain = false;
  private finishSoon: NodeJS.Timeout | undefined;

  private skipNextRead = false;
  /** The last read found errors: there is nothing new to finish. */
  private failed = false;
  /** The warnings of the last read: each is said once, not again at every save. */
  private warned = new Set<string>();
  /** What may have been written for the archives read since the last cleanup (site paths). */
  private written = new Set<string>();

  private readonly config: BuildConfig;

  constructor(config: BuildConfig) {
    this.config = config;
  }

  /**
   * npm start wrote the pages of the last read itself: Eleventy's first pass,
   * which writes nothing, gets that archive again rather than reading anew
   * (content broken in between would stop Eleventy before it watches).
   */
  firstBuildWritten(): void {
    this.skipNextRead = true;
  }

  /** Eleventy's list of changed files: anything but an entry or a photo (a layout, the CSS) rewrites every page. */
  noteChanges(files: readonly string[]): void {
    for (const file of files)
      if (!isContentFile(this.config, file)) this.everything = true;
      else if (this.matters(path.resolve(file))) this.changedFiles.add(path.resolve(file));
  }

  /** A file that came and went (an editor's temporary file) is no entry and no photo: reading everything again would find nothing new. */
  private matters(file: string): boolean {
    if (this.failed || !this.previous || existsSync(file) || this.entryByPath.has(file)) return true;
    return this.entries.some((entry) => Object.values(entry.photoFiles).some((photo) => photo.path === file));
  }

  /** Reads the content again (only what changed) and plans the pages to write. */
  async read(outputDir: string): Promise<PlannedPages> {
    if (this.skipNextRead && this.previous) {
      this.skipNextRead = false;
      return { archive: this.previous, plan: NOTHING };
    }
    const changedFiles = [...this.changedFiles];
    this.changedFiles.clear();
    if (!changedFiles.length && !this.everything && !this.failed && this.previous)
      return { archive: this.previous, plan: NOTHING };
    const patched = this.patch(changedFiles);
    if (patched) return patched;
    // Read again below, the changed files may be in the cache already: their pages are rewritten all the same.
    for (const file of changedFiles) if (file.endsWith(".md")) this.pending.add(slugFromFileName(path.basename(file)));
    const { archive, problems, entries } = await loadArchive(this.config.contentDir, {
      ...this.config,
      cache: this.cache,
    });
    for (const file of this.cache.changed) this.pending.add(slugFromFileName(path.basename(file)));
    this.failed = !archive;
    if (!archive && this.previous) {
      // Said once, in the editor's terms; Eleventy writes nothing and the last good pages stay.
      this.report(problems);
      console.error("Still serving the last good pages: fix the content and save.");
      return { archive: this.previous, plan: NOTHING };
    }
    if (!archive) throw new ContentErrors(problems);
    this.report(problems);
    this.keep(entries!, problems);

    const whole = this.everything || !this.previous;
    const plan = whole ? wholeSite(archive) : touchedBy(this.previous!, archive, this.pending);
    this.toFinish(whole ? undefined : plan);
    // At once, so that the server stops serving them; again after the finishing (see finish).
    // The first time, what an earlier npm start or build left for entries deleted since.
    const written = writtenFor(archive);
    await removeGone(outputDir, this.previous ? this.previousWritten : await foundIn(outputDir), written);
    for (const sitePath of written) this.written.add(sitePath);
    [this.previous, this.previousWritten] = [archive, written];
    this.pending.clear();
    this.everything = false;
    return { archive, plan };
  }

  /**
   * The pages of an edit of entry files only that moves no event (see
   * patchArchive), from those files alone; undefined for any other change,
   * which the whole content is read again for.
   */
  private patch(files: readonly string[]): PlannedPages | undefined {
    const previous = this.previous;
    if (!previous || this.everything || this.failed || !files.length) return undefined;
    const edited: LoadedEntry[] = [];
    for (const file of files) {
      const was = this.entryByPath.get(file);
      // Gone, a link now (which the loader leaves out), or not an entry: read everything.
      if (!was || !lstatSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
      const { entry, problems } = this.cache.parse(file, () => readEntryFile(file));
      if (!entry || hasErrors(problems)) return undefined;
      // The photos' files are checked again only when they change, and then Eleventy names them too.
      edited.push({ ...entry, path: file, photoFiles: was.photoFiles });
    }
    const archive = patchArchive(previous, this.entryBySlug, edited, { renderBody: this.cache.renderBody });
    if (!archive) return undefined;
    const byPath = new Map(edited.map((entry) => [entry.path, entry]));
    this.entries = this.entries.map((entry) => byPath.get(entry.path) ?? entry);
    for (const entry of edited) {
      this.entryBySlug.set(entry.slug, entry);
      this.entryByPath.set(entry.path, entry);
    }
    this.problems = this.problemsAfter(this.entries, edited);
    this.report(this.problems);
    const plan = touchedBy(previous, archive, new Set([...this.pending, ...edited.map((entry) => entry.slug)]));
    this.toFinish(plan);
    // The same entries, years and topics: the same files written, none gone.
    this.previous = archive;
    this.pending.clear();
    return { archive, plan };
  }

  /**
   * The problems of the last read with those of the edited entries read anew:
   * what each file gave, and the warnings of the entries of the same dates,
   * which lint compares (the loader's other checks are of what a patch keeps).
   */
  private problemsAfter(entries: readonly LoadedEntry[], edited: readonly LoadedEntry[]): ContentProblem[] {
    const sameDates = entries.filter((entry) => edited.some((e) => compareDates(e.date, entry.date) === 0));
    const files = new Set(sameDates.map((entry) => entry.file));
    return sortProblems([
      ...this.problems.filter((problem) => !files.has(problem.file)),
      ...sameDates.flatMap((entry) => this.cache.lastRead(entry.path)?.problems ?? []),
      ...lintEntries(sameDates),
    ]);
  }

  /** The events whose API documents and search records the next finishing writes again (all of them without a plan). */
  private toFinish(plan: RenderPlan | undefined): void {
    if (!plan) this.unfinished = undefined;
    else for (const event of plan.events) this.unfinished?.add(event.slug);
  }

  /** What a patch starts from: the entries of the archive read, and their problems. */
  private keep(entries: readonly LoadedEntry[], problems: readonly ContentProblem[]): void {
    this.entries = entries;
    this.entryBySlug = new Map(entries.map((entry) => [entry.slug, entry]));
    this.entryByPath = new Map(entries.map((entry) => [entry.path, entry]));
    this.problems = problems;
  }

  /**
   * Finishes the site for the newest archive, a moment after the pages are
   * written, so that the browser reloads first and quick saves in a row are
   * finished once; and after the current finishing, if one runs.
   */
  finishInBackground(outputDir: string): void {
    if (this.failed) return;
    clearTimeout(this.finishSoon);
    this.finishSoon = setTimeout(() => this.finish(outputDir), FINISH_DELAY_MS);
  }

  private finish(outputDir: string): void {
    if (this.finishing) {
      this.finishAgain = true;
      return;
    }
    this.finishing = (async () => {
      do {
        this.finishAgain = false;
        const archive = this.previous!;
        // Only what changed since: an event's API document shows what its page does.
        const events = this.unfinished;
        this.unfinished = new Set();
        try {
          const { site, eventsPerSearchShard } = this.config;
          const since = events && this.finished;
          const search = startSearchIndex(archive, site.language, outputDir, eventsPerSearchShard, since);
          await finishSite(archive, this.config, outputDir, search, undefined, since && { events });
          this.finished = archive;
          // A finishing still on an older archive may have written an entry's API document after the read removed it.
          if (archive === this.previous && !this.finishAgain) {
            const before = this.written;
            this.written = new Set(this.previousWritten);
            await removeGone(outputDir, before, this.written);
          }
        } catch (error) {
          // What this finishing did not write, the next writes.
          [this.unfinished, this.finished] = [undefined, undefined];
          // Keep serving the last good site; say what is wrong, the way the build would.
          if (error instanceof ContentErrors)
            for (const problem of error.problems) console.error(formatProblem(problem));
          else console.error(error);
        }
      } while (this.finishAgain);
      this.finishing = undefined;
      // A full collection now, while nothing waits, rather than in the middle of the next edit (1.5 s at 100,000 events).
      globalThis.gc?.();
    })();
  }

  /** Errors always; a warning only if the last read did not give it too. */
  private report(problems: readonly ContentProblem[]): void {
    const warned = this.warned;
    this.warned = new Set();
    for (const problem of problems) {
      const line = formatProblem(problem);
      if (problem.severity === "error") console.error(line);
      else {
        if (!warned.has(line)) console.warn(line);
        this.warned.add(line);
      }
    }
  }
}

/** An entry, a photo or site.json, as against a layout, the CSS or code. */
export function isContentFile(config: Pick<BuildConfig, "contentDir">, file: string): boolean {
  const resolved = path.resolve(file);
  return [config.contentDir, ...contentFolders(config)].some((folder) => resolved.startsWith(folder + path.sep));
}

/**
 * What npm start watches for content: the content folder, and the events
 * folder if it lies elsewhere, with links to them resolved. The watcher
 * follows no link below them, as the loader does not (entry-files.ts).
 */
export function contentFolders(config: Pick<BuildConfig, "contentDir">): string[] {
  const real = (folder: string) => {
    try {
      return realpathSync(folder);
    } catch {
      return folder; // not there (yet): the loader says so
    }
  };
  const content = real(config.contentDir);
  const events = real(path.join(config.contentDir, "events"));
  return events.startsWith(content + path.sep) ? [content] : [content, events];
}

/** What the output folder holds in the folders of one file or page per event, year, topic or photo (see writtenFor). */
async function foundIn(outputDir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const folder of ["/events/", "/years/", "/topics/", `${path.posix.dirname(apiPaths.event("x"))}/`, "/img/"]) {
    const names = await readdir(path.join(outputDir, ...folder.split("/")), { withFileTypes: true }).catch(() => []);
    for (const name of names) found.add(`${folder}${name.name}${name.isDirectory() ? "/index.html" : ""}`);
  }
  return found;
}

/** Removes what was written and is no longer, with the page's folder when it is left empty. */
async function removeGone(outputDir: string, before: ReadonlySet<string>, now: ReadonlySet<string>): Promise<void> {
  const gone = [...before]
    .filter((sitePath) => !now.has(sitePath))
    .map((sitePath) => path.join(outputDir, ...sitePath.split("/")));
  await Promise.all(
    gone.map(async (file) => {
      await rm(file, { force: true });
      if (path.basename(file) === "index.html") await rmdir(path.dirname(file)).catch(() => {});
    }),
  );
}
