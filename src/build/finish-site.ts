// What a built site needs beyond Eleventy's pages: the photos' images, the
// JSON API and calendar, the sitemap and the search index. They are independent and
// run side by side (Pagefind indexes in a process of its own, and the build
// starts it before Eleventy); all of them are waited for before any failure is
// reported, so nothing is still writing when the build cleans up after it.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { writeApi } from "../api/write-api.ts";
import type { Archive } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import { publishImages } from "../images/publish-images.ts";
import { type SearchIndexing, startSearchIndex } from "../search/search-index.ts";
import { sitemapFiles } from "./sitemap.ts";

export async function finishSite(
  archive: Archive,
  config: BuildConfig,
  outputDir: string,
  search?: SearchIndexing,
): Promise<void> {
  search ??= startSearchIndex(archive, config.site.language, outputDir, config.eventsPerSearchShard);
  const results = await Promise.allSettled([
    publishImages(
      archive.photos.map(({ plan, origin }) => ({ plan, origin })),
      { outputDir, cacheDir: config.cacheDir },
    ),
    writeApi(archive, config.site, outputDir),
    search.done,
    ...[...sitemapFiles(archive, config.site)].map(([sitePath, xml]) => writeFile(path.join(outputDir, sitePath), xml)),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  const [images] = results;
  const stats = images.status === "fulfilled" ? images.value : undefined;
  if (stats?.photos) {
    console.log(
      `Images: ${stats.photos} photos, ${stats.encoded} files encoded, ${stats.reused} from the cache, in ${stats.seconds.toFixed(2)} s.`,
    );
  }
}
