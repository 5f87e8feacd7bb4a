// A build after a few entries changed: when the output folder still holds the
// last build's site (src/build/last-build.ts), only the pages, API documents,
// images and search bundles those entries touch are written, into a staging
// folder that then updates the site in place (site-swap.ts). What it writes is
// what a clean build would write at those paths; the rest of the site already
// is (tests/integration/update-site.test.ts compares the two after random edits).
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { type Archive, buildArchive } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import type { LoadedEntry } from "../content/load.ts";
import type { RenderPlan } from "../eleventy/archive-plugin.ts";
import { searchBundles } from "../search/search-index.ts";
import type { SiteSize } from "../util/site-size.ts";
import { siteSize } from "./host-limits.ts";
import type { LastBuild } from "./last-build.ts";
import { REDIRECTS_FILE } from "./redirects-file.ts";
import { touchedBy } from "./render-plan.ts";
import type { SiteChanges } from "./site-swap.ts";
import { sitemapFiles } from "./sitemap.ts";
import { writtenFor } from "./written-for.ts";

export interface SiteUpdatePlan {
  /** The archive of the site in the output folder. */
  readonly previous: Archive;
  /** The entries that changed, by slug (added, edited or deleted). */
  readonly changed: ReadonlySet<string>;
  /** The pages to write. */
  readonly plan: RenderPlan;
  /** The size of each file of the site in the output folder. */
  readonly sizes: ReadonlyMap<string, number>;
}

/**
 * How to bring the site in the output folder up to `archive`, or undefined
 * when it must be built afresh: no last build of that site with this code and
 * these settings, or more event pages to write than one Eleventy run takes.
 */
export function planUpdate(
  last: LastBuild,
  archive: Archive,
  entries: readonly LoadedEntry[],
  addedDates: ReadonlyMap<string, string>,
  config: BuildConfig,
): SiteUpdatePlan | undefined {
  const before = last.previous();
  if (!before) return undefined;
  const changed = last.changedSlugs(entries, addedDates);
  if (changed.size > config.eventsPerRun) return undefined;
  const previous = buildArchive(before.entries, {
    ...config,
    addedDates: before.addedDates,
    renderBody: last.renderBody,
  });
  const plan = touchedBy(previous, archive, changed);
  if (plan.events.length > config.eventsPerRun) return undefined;
  return { previous, changed, plan, sizes: before.sizes };
}

/**
 * What the staging folder changes in the site: the search bundles written
 * afresh replace theirs whole, and the files of entries, sitemaps, bundles
 * and _redirects that are gone are removed.
 */
export function siteChanges(
  update: SiteUpdatePlan,
  archive: Archive,
  config: BuildConfig,
  staging: string,
): SiteChanges {
  const { previous } = update;
  const gone = <T>(before: Iterable<T>, now: Iterable<T>) => {
    const kept = new Set(now);
    return [...before].filter((item) => !kept.has(item));
  };
  const bundles = (of: Archive) => searchBundles(of.events.length, config.eventsPerSearchShard);
  return {
    replaced: bundles(archive).filter((bundle) => existsSync(path.join(staging, bundle))),
    removed: [
      ...gone(writtenFor(previous), writtenFor(archive)),
      ...gone(sitemapFiles(previous, config.site).keys(), sitemapFiles(archive, config.site).keys()),
      ...gone(bundles(previous), bundles(archive)),
      // Written only while some entry has an alias.
      ...(previous.redirects.length && !archive.redirects.length ? [REDIRECTS_FILE] : []),
    ],
  };
}

/** The site's files and sizes once the staging folder's changes are made. */
export function sizeAfter(update: SiteUpdatePlan, changes: SiteChanges, staging: string): SiteSize {
  const sizes = new Map(update.sizes);
  const sitePath = (p: string) => p.replace(/^\/+/, "");
  const folders = [...changes.replaced, ...changes.removed.filter((p) => p.endsWith("/"))].map(sitePath);
  for (const file of sizes.keys()) if (folders.some((folder) => file.startsWith(folder))) sizes.delete(file);
  for (const removed of changes.removed) sizes.delete(sitePath(removed));
  const walk = (relative: string) => {
    for (const item of readdirSync(path.join(staging, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${item.name}` : item.name;
      if (item.isDirectory()) walk(child);
      else sizes.set(child, statSync(path.join(staging, child)).size);
    }
  };
  walk("");
  const size = siteSize();
  for (const [file, bytes] of sizes) size.add(file, bytes);
  return size;
}
