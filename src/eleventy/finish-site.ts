// What a built site needs beyond Eleventy's pages: the photos' images, the
// JSON API and calendar, and the search index over the pages. The three are
// independent and run side by side (Pagefind indexes in a process of its own);
// all of them are waited for before any failure is reported, so nothing is
// still writing when the build cleans up after it.
import * as pagefind from "pagefind";
import type { Archive } from "../archive/archive.ts";
import { writeApi } from "../api/write-api.ts";
import type { BuildConfig } from "../config.ts";
import { publishImages } from "../images/publish-images.ts";

export async function finishSite(archive: Archive, config: BuildConfig, outputDir: string): Promise<void> {
  const results = await Promise.allSettled([
    publishImages(archive.photos.map(({ plan, origin }) => ({ plan, origin })), { outputDir, cacheDir: config.cacheDir }),
    writeApi(archive, config.site, outputDir),
    indexForSearch(outputDir),
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

/** Pagefind indexes only what is marked data-pagefind-body: the events, not the lists around them. */
async function indexForSearch(outputDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    // Its service process would otherwise keep Node alive.
    await pagefind.close();
  }
}
