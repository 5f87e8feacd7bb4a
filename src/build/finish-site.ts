// What a built site needs beyond Eleventy's pages: the photos' images, the
// JSON API and calendar, the sitemap, _redirects and the search index. They are independent and
// run side by side (Pagefind indexes in a process of its own, and the build
// starts it before Eleventy); all of them are waited for before any failure is
// reported, so nothing is still writing when the build cleans up after it.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { writeApi } from "../api/write-api.ts";
import type { Archive, EventLink } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import { publishImages } from "../images/publish-images.ts";
import { type SearchIndexing, searchBundles, startSearchIndex } from "../search/search-index.ts";
import type { SiteSize } from "../util/site-size.ts";
import { REDIRECTS_FILE, redirectsFile } from "./redirects-file.ts";
import { sitemapFiles } from "./sitemap.ts";

/** A site updated in place (cli/build.ts): the events whose files are written again, by slug; the others' are there. */
export interface SiteUpdate {
  readonly events: ReadonlySet<string>;
}

/**
 * Writes the rest of the site into `outputDir`; with `size`, adds what it
 * wrote: the API and sitemap as they are written, the images and the search
 * bundles (written by the image cache and Pagefind) by walking their folders.
 */
export async function finishSite(
  archive: Archive,
  config: BuildConfig,
  outputDir: string,
  search?: SearchIndexing,
  size?: SiteSize,
  update?: SiteUpdate,
): Promise<void> {
  search ??= startSearchIndex(archive, config.site.language, outputDir, config.eventsPerSearchShard);
  search.pagesWritten();
  const rewritten = (event: EventLink) => update?.events.has(event.slug) ?? true;
  const writeText = async ([sitePath, xml]: [string, string]) => {
    await writeFile(path.join(outputDir, sitePath), xml);
    size?.add(sitePath, Buffer.byteLength(xml));
  };
  const redirects = redirectsFile(archive, config.site, { netlify: Boolean(process.env.NETLIFY) });
  const results = await Promise.allSettled([
    publishImages(
      archive.photos.filter((photo) => photo.usedOn.some(rewritten)).map(({ plan, origin }) => ({ plan, origin })),
      { outputDir, cacheDir: config.cacheDir },
    ),
    writeApi(archive, config.site, outputDir, size, update?.events),
    search.done,
    ...[
      ...sitemapFiles(archive, config.site),
      ...(redirects ? [[REDIRECTS_FILE, redirects] as [string, string]] : []),
    ].map(writeText),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  if (size)
    for (const folder of ["img", ...searchBundles(archive.events.length, config.eventsPerSearchShard)])
      size.addFolder(outputDir, folder);
  const [images] = results;
  const stats = images.status === "fulfilled" ? images.value : undefined;
  if (stats?.photos) {
    console.log(
      `Images: ${stats.photos} photos, ${stats.encoded} files encoded, ${stats.reused} from the cache, in ${stats.seconds.toFixed(2)} s.`,
    );
  }
}
