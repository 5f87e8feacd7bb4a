// What a built site needs beyond Eleventy's pages, in order: the photos'
// images, the JSON API and calendar, then the search index over the finished
// pages. One step at a time, so a failure stops everything after it.
import * as pagefind from "pagefind";
import type { Archive } from "../archive/archive.ts";
import { writeApi } from "../api/write-api.ts";
import type { BuildConfig } from "../config.ts";
import { publishImages } from "../images/publish-images.ts";

export async function finishSite(archive: Archive, config: BuildConfig, outputDir: string): Promise<void> {
  const stats = await publishImages(
    archive.photos.map(({ plan, origin }) => ({ plan, origin })),
    { outputDir, cacheDir: config.cacheDir },
  );
  if (stats.photos) {
    console.log(
      `Images: ${stats.photos} photos, ${stats.encoded} files encoded, ${stats.reused} from the cache, in ${stats.seconds.toFixed(2)} s.`,
    );
  }
  await writeApi(archive, config.site, outputDir);
  await indexForSearch(outputDir);
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
