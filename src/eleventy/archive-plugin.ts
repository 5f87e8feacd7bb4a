// Hands the Archive to Eleventy as global data (`archive`, `site`) with the
// plan of which of its pages this run writes (`render`). Eleventy never reads
// content/ itself. Under `npm start` a live source (src/build/serve-session.ts)
// reads the content, plans each rebuild and finishes the site after it;
// `npm run build` does those itself, outside Eleventy, so that a failure is
// reported once and stops the build before the swap. Both give this plugin
// their source through the configuration they give Eleventy (site-config.ts).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Archive, ArchiveEvent, Day, Month } from "../archive/archive.ts";
import type { ListPage } from "../archive/list-pages.ts";
import type { TopicPage } from "../archive/topics.ts";
import type { YearPage } from "../archive/years.ts";
import type { BuildConfig } from "../config.ts";
import { searchBundles } from "../search/search-index.ts";
import type { EleventyConfig } from "./types.ts";

/**
 * Where a run's archive and plan come from. `npm run build`, and the first
 * build of `npm start`, validate the content before Eleventy starts and give
 * each run its part (src/build/write-pages.ts), so the content is read once.
 * Then `npm start` gives Eleventy a live source, which reads the content and
 * plans the pages at each rebuild.
 */
export type PageSource = PlannedPages | LivePages;

/** Which of the archive's pages one Eleventy run writes (src/build/render-plan.ts makes them). */
export interface RenderPlan {
  readonly events: readonly ArchiveEvent[];
  readonly days: readonly Day[];
  readonly months: readonly Month[];
  /** Each page of a year's or a topic's list of events: the long ones have several. */
  readonly years: readonly ListPage<YearPage>[];
  readonly topics: readonly ListPage<TopicPage>[];
  /** The pages that are not paginated: home, indexes, feeds, robots.txt, 404. */
  readonly singles: boolean;
}

export interface PlannedPages {
  readonly archive: Archive;
  readonly plan: RenderPlan;
}

/** What `npm start` keeps between rebuilds (src/build/serve-session.ts). */
export interface LivePages {
  /** Reads the content again and plans the pages of this rebuild. */
  read(outputDir: string): Promise<PlannedPages>;
  /** Eleventy's list of the files changed since the last build. */
  noteChanges(files: readonly string[]): void;
  /** After a build that read the content without errors. */
  finishInBackground(outputDir: string): void;
}

const isLive = (pages: PageSource): pages is LivePages => "read" in pages;

export function archivePlugin(
  eleventyConfig: EleventyConfig,
  { config, pages }: { config: BuildConfig; pages: PageSource },
): void {
  const serving = isLive(pages) ? pages : undefined;
  // Read once per build, for all the data that needs it.
  let thisBuild: Promise<PlannedPages> | undefined;
  const state = () =>
    (thisBuild ??= serving ? serving.read(eleventyConfig.directories.output) : Promise.resolve(pages as PlannedPages));
  eleventyConfig.on("eleventy.before", () => {
    thisBuild = undefined;
  });
  eleventyConfig.on("eleventy.beforeWatch", (changed) => serving?.noteChanges(changed));
  // Eleventy watches the layouts and the CSS (npm start watches the content itself: content-watcher.ts).
  // It waits 150 ms for a saved file to stop changing; editors write whole files at once.
  eleventyConfig.setChokidarConfig({
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 },
    followSymlinks: false,
  });

  eleventyConfig.addGlobalData("site", config.site);
  eleventyConfig.addGlobalData("archive", async () => (await state()).archive);
  eleventyConfig.addGlobalData("render", async () => (await state()).plan);
  // The search page merges these bundles: more than one on a large archive.
  eleventyConfig.addGlobalData("searchBundles", async () =>
    searchBundles((await state()).archive.events.length, config.eventsPerSearchShard),
  );
  // A run without the single pages ignores every template file: each is a single
  // page's, or a paginated page's, which paginated-pages.ts renders (and ignores) itself.
  if (!isLive(pages) && !pages.plan.singles) {
    const input = eleventyConfig.directories.input;
    for (const file of readdirSync(input)) {
      if (file.endsWith(".njk")) eleventyConfig.ignores.add(path.join(input, file));
    }
  }

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    // Only after a build that read the content without errors.
    if (
      serving &&
      (await thisBuild?.then(
        () => true,
        () => false,
      ))
    )
      serving.finishInBackground(directories.output);
  });
}
