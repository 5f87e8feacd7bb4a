// npm run build: validate the content, then build the site into a staging
// folder and swap it in only when everything succeeded. A failed build never
// leaves a half-written site behind.
import { rm } from "node:fs/promises";
import type { Archive } from "../archive/archive.ts";
import { loadArchive } from "../archive/load-archive.ts";
import { finishSite } from "../build/finish-site.ts";
import { hostWarnings, siteSize, sizeLine } from "../build/host-limits.ts";
import { LastBuild, SiteChangedMeanwhile, type SiteIdentity, siteIdentity } from "../build/last-build.ts";
import { checkOutputFolder } from "../build/output-folder.ts";
import { parseShard, type Shard } from "../build/render-plan.ts";
import { createStaging, recoverSite, swapIn, updateInPlace } from "../build/site-swap.ts";
import { planUpdate, type SiteUpdatePlan, siteChanges, sizeAfter } from "../build/update-site.ts";
import { writePagesInRuns, writePlannedPages } from "../build/write-pages.ts";
import { addressWarning, ConfigError, configOfProcess } from "../config.ts";
import { gitAddedDates } from "../content/added-dates.ts";
import { ContentErrors } from "../content/problems.ts";
import { type SearchIndexing, startSearchIndex } from "../search/search-index.ts";
import { displayPath } from "../util/display-path.ts";
import type { SiteSize } from "../util/site-size.ts";
import { visible } from "../util/visible.ts";
import { plural, reportProblems, seconds } from "./report.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const started = performance.now();
  const config = configOfProcess();
  const shard = shardFromArgs(process.argv.slice(2));
  const whole = shard.count === 1;
  const warning = addressWarning(config.site);
  if (warning) console.warn(warning);
  await checkOutputFolder(config.outputDir);
  await recoverSite(config.outputDir);
  // The last build's entries are reused and its site updated in place, unless the site is built in shards.
  const last = whole ? await LastBuild.open(config) : undefined;
  const addedDates = gitAddedDates(config.contentDir);
  const {
    archive,
    problems,
    entries = [],
  } = await loadArchive(config.contentDir, { ...config, addedDates, cache: last });
  const update = last && archive && planUpdate(last, archive, entries, addedDates, config);
  const read = performance.now();
  const { errors } = reportProblems(problems);
  const shown = displayPath(config.outputDir);
  if (errors || !archive) {
    console.error(`Nothing was built; ${shown}/ is unchanged.`);
    return 1;
  }

  const staging = await createStaging(config.outputDir);
  // Shard 1 of a split build writes everything but the other shards' event pages.
  const writesAll = shard.index === 1;
  let search: SearchIndexing | undefined;
  const startSearch = (previous?: Archive) =>
    writesAll
      ? startSearchIndex(archive, config.site.language, staging, config.eventsPerSearchShard, previous)
      : undefined;
  /** Only what changed, moved into the site; undefined if another build changed the site meanwhile. */
  const updateSite = async (update: SiteUpdatePlan): Promise<Done | undefined> => {
    // Pagefind indexes the changed shards in its own process while Eleventy writes the pages.
    search = startSearch(update.previous);
    await writePlannedPages(archive, config, staging, update.plan);
    const paged = performance.now();
    await finishSite(archive, config, staging, search, undefined, {
      events: new Set(update.plan.events.map((e) => e.slug)),
    });
    const changes = siteChanges(update, archive, config, staging);
    const size = sizeAfter(update, changes, staging);
    const built = siteIdentity(config.outputDir);
    try {
      await updateInPlace(staging, config.outputDir, changes, () => last!.claim(config));
    } catch (error) {
      // Then the staging folder, which holds only what this build writes anyway, is filled and swapped in whole.
      if (error instanceof SiteChangedMeanwhile) return undefined;
      throw error;
    }
    const report =
      `Updated ${shown}/ for ${plural(update.changed.size, "changed entry", "changed entries")} in ${seconds(started)} ` +
      `(content ${seconds(started, read)}, pages ${seconds(read, paged)}: ${plural(update.plan.events.length, "event page")} and the pages that list them, then the rest ${seconds(paged)}).`;
    return { size, built, report };
  };
  const buildAfresh = async (): Promise<Done> => {
    // Pagefind indexes the archive in its own process while Eleventy writes the pages.
    search = startSearch();
    const size = siteSize();
    const runs = await writePagesInRuns(archive, config, staging, shard, size);
    const paged = performance.now();
    if (writesAll) await finishSite(archive, config, staging, search, size);
    const built = siteIdentity(staging, config.outputDir);
    await swapIn(staging, config.outputDir);
    const what = whole
      ? `${plural(archive.events.length, "event")} and 366 day pages`
      : `shard ${shard.index} of ${shard.count}`;
    const report =
      `Built ${what} into ${shown}/ in ${seconds(started)} ` +
      `(content ${seconds(started, read)}, pages ${seconds(read, paged)} in ${plural(runs, "run")}, then the rest ${seconds(paged)}).`;
    return { size, built, report };
  };
  try {
    const { size, built, report } = (update && (await updateSite(update))) ?? (await buildAfresh());
    await last?.save(config, built, entries, addedDates, size.files);
    console.log(report);
    console.log(sizeLine(size, whole ? "The site" : `Shard ${shard.index} of ${shard.count}`));
    // A shard is only part of the site the hosts will get: the limits apply to the merged folder, which no shard sees.
    if (whole) for (const warning of hostWarnings(size)) console.warn(warning);
    return 0;
  } catch (error) {
    await search?.cancel();
    // Eleventy may still be closing files it was writing when it failed: retry the removal.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    if (error instanceof ContentErrors) reportProblems(error.problems);
    else
      console.error(
        `${visible(String((error as Error).message ?? error))}${process.env.DEBUG ? `\n${(error as Error).stack}` : ""}`,
      );
    console.error(`The build failed; ${shown}/ is unchanged.`);
    return 1;
  }
});

/** What a build leaves: the site's size, the folder that is now the site, and what to say. */
interface Done {
  readonly size: SiteSize;
  readonly built: SiteIdentity;
  readonly report: string;
}

/** `--shard K/N`: this build writes the K-th of N parts, to be merged with the others (see README). */
function shardFromArgs(args: string[]): Shard {
  const at = args.indexOf("--shard");
  if (at < 0) return { index: 1, count: 1 };
  const shard = parseShard(args[at + 1] ?? "");
  if (!shard)
    throw new ConfigError(`--shard: "${args[at + 1] ?? ""}" is not a shard: give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
  return shard;
}
