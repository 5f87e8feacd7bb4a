// Hands the Archive to Eleventy as global data (`archive`, `site`). Eleventy
// never reads content/ itself. Under `npm start` it also finishes the site
// after each rebuild; `npm run build` does that itself, outside Eleventy, so
// that a failure is reported once and stops the build before the swap.
import { loadArchive } from "../archive/load-archive.ts";
import type { Archive } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import { ContentErrors, formatProblem } from "../content/problems.ts";
import { finishSite } from "./finish-site.ts";
import type { EleventyConfig } from "./types.ts";

let handedOver: Archive | undefined;

/** The build CLI validates the content before Eleventy starts and hands the result over, so it is read once. */
export function handOverArchive(archive: Archive): void {
  handedOver = archive;
}

export function archivePlugin(eleventyConfig: EleventyConfig, { config }: { config: BuildConfig }): void {
  let current: Archive | undefined;

  eleventyConfig.addGlobalData("site", config.site);
  // A function, so that `npm start` reads the content again on every rebuild.
  eleventyConfig.addGlobalData("archive", async () => {
    if (handedOver) return (current = handedOver);
    const { archive, problems } = await loadArchive(config.contentDir, config);
    for (const problem of problems) if (problem.severity === "warning") console.warn(formatProblem(problem));
    if (!archive) throw new ContentErrors(problems);
    return (current = archive);
  });
  eleventyConfig.addWatchTarget(config.contentDir);

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!current || handedOver) return;
    try {
      await finishSite(current, config, directories.output);
    } catch (error) {
      // Keep serving the last good pages; say what is wrong, the way the build would.
      if (error instanceof ContentErrors) for (const problem of error.problems) console.error(formatProblem(problem));
      else console.error(error);
    }
  });
}
