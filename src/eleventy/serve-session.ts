// What `npm start` keeps between rebuilds so that an edit shows in about the
// time it takes to write the pages it touches: the entries already read (by
// modification time), the last good archive to compare with, and the
// finishing work (API, sitemap, search), which runs after the pages are
// served, one at a time, always on the newest archive.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/archive.ts";
import { loadArchive } from "../archive/load-archive.ts";
import { pagePaths } from "../archive/sitemap.ts";
import type { BuildConfig } from "../config.ts";
import { EntryCache } from "../content/load.ts";
import { slugFromFileName } from "../content/parse-entry.ts";
import { ContentErrors, formatProblem } from "../content/problems.ts";
import { finishSite } from "./finish-site.ts";
import { NOTHING, touchedBy, wholeSite, type RenderPlan } from "./render-plan.ts";

const FINISH_DELAY_MS = 300;

export class ServeSession {
  private readonly cache = new EntryCache();
  private previous: Archive | undefined;
  /** Entries changed since the last build that succeeded. */
  private readonly pending = new Set<string>();
  private everything = true;
  private finishing: Promise<void> | undefined;
  private finishAgain = false;
  private finishSoon: NodeJS.Timeout | undefined;

  private skipNextRead = false;
  /** The last read found errors: there is nothing new to finish. */
  private failed = false;

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
    if (files.some((file) => !isContentFile(this.config, file))) this.everything = true;
  }

  /** Reads the content again (only what changed) and plans the pages to write. */
  async read(outputDir: string): Promise<{ archive: Archive; plan: RenderPlan }> {
    if (this.skipNextRead && this.previous) {
      this.skipNextRead = false;
      return { archive: this.previous, plan: NOTHING };
    }
    const { archive, problems } = await loadArchive(this.config.contentDir, { ...this.config, cache: this.cache });
    for (const file of this.cache.changed) this.pending.add(slugFromFileName(path.basename(file)));
    this.failed = !archive;
    if (!archive && this.previous) {
      // Said once, in the editor's terms; Eleventy writes nothing and the last good pages stay.
      for (const problem of problems) console.error(formatProblem(problem));
      console.error("Still serving the last good pages: fix the content and save.");
      return { archive: this.previous, plan: NOTHING };
    }
    for (const problem of problems) if (problem.severity === "warning") console.warn(formatProblem(problem));
    if (!archive) throw new ContentErrors(problems);

    const plan = this.everything || !this.previous ? wholeSite(archive) : touchedBy(this.previous, archive, this.pending);
    if (this.previous) await removePagesGone(this.previous, archive, outputDir);
    this.previous = archive;
    this.pending.clear();
    this.everything = false;
    return { archive, plan };
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
        try {
          await finishSite(this.previous!, this.config, outputDir);
        } catch (error) {
          // Keep serving the last good site; say what is wrong, the way the build would.
          if (error instanceof ContentErrors) for (const problem of error.problems) console.error(formatProblem(problem));
          else console.error(error);
        }
      } while (this.finishAgain);
      this.finishing = undefined;
    })();
  }
}

/** An entry, a photo or site.json, as against a layout, the CSS or code. */
export function isContentFile(config: Pick<BuildConfig, "contentDir">, file: string): boolean {
  return path.resolve(file).startsWith(config.contentDir + path.sep);
}

/** Pages of events, years or topics that no longer exist. */
async function removePagesGone(previous: Archive, next: Archive, outputDir: string): Promise<void> {
  const now = new Set(pagePaths(next));
  const gone = pagePaths(previous).filter((page) => !now.has(page));
  await Promise.all(gone.map((page) => rm(path.join(outputDir, ...page.split("/"), "index.html"), { force: true })));
}
