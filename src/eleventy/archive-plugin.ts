// Hands the Archive to Eleventy as global data (`archive`, `site`) with the
// plan of which of its pages this run writes (`render`). Eleventy never reads
// content/ itself. Under `npm start` it also finishes the site
// after each rebuild; `npm run build` does that itself, outside Eleventy, so
// that a failure is reported once and stops the build before the swap.
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadArchive } from "../archive/load-archive.ts";
import type { Archive } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import { ContentErrors, formatProblem } from "../content/problems.ts";
import { searchBundles } from "../search/search-index.ts";
import { finishSite } from "./finish-site.ts";
import { wholeSite, type RenderPlan } from "./render-plan.ts";
import type { EleventyConfig } from "./types.ts";

/** The templates that paginate the plan's lists; every other one is a single page. */
const PAGINATED = new Set(["event.njk", "day.njk", "month.njk", "year.njk", "topic.njk"]);

let handedOver: { archive: Archive; plan: RenderPlan } | undefined;

/**
 * The build CLI validates the content before Eleventy starts and hands the
 * result over, so it is read once; it runs Eleventy once per plan.
 */
export function handOverArchive(archive: Archive, plan: RenderPlan = wholeSite(archive)): void {
  handedOver = { archive, plan };
}

export function archivePlugin(eleventyConfig: EleventyConfig, { config }: { config: BuildConfig }): void {
  // Under `npm start` the content is read again for every rebuild, once for all the data that needs it.
  let thisBuild: Promise<{ archive: Archive; plan: RenderPlan }> | undefined;
  const state = () => (thisBuild ??= handedOver ? Promise.resolve(handedOver) : readForServe(config));
  eleventyConfig.on("eleventy.before", () => {
    thisBuild = undefined;
  });

  eleventyConfig.addGlobalData("site", config.site);
  eleventyConfig.addGlobalData("archive", async () => (await state()).archive);
  eleventyConfig.addGlobalData("render", async () => (await state()).plan);
  // The search page merges these bundles: more than one on a large archive.
  eleventyConfig.addGlobalData("searchBundles", async () => searchBundles((await state()).archive.events.length, config.eventsPerSearchShard));
  if (handedOver && !handedOver.plan.singles) {
    const input = eleventyConfig.directories.input;
    for (const file of readdirSync(input)) {
      if (file.endsWith(".njk") && !PAGINATED.has(file)) eleventyConfig.ignores.add(path.join(input, file));
    }
  }
  eleventyConfig.addWatchTarget(config.contentDir);

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (handedOver || !thisBuild) return;
    try {
      await finishSite((await thisBuild).archive, config, directories.output);
    } catch (error) {
      // Keep serving the last good pages; say what is wrong, the way the build would.
      if (error instanceof ContentErrors) for (const problem of error.problems) console.error(formatProblem(problem));
      else console.error(error);
    }
  });
}

async function readForServe(config: BuildConfig): Promise<{ archive: Archive; plan: RenderPlan }> {
  const { archive, problems } = await loadArchive(config.contentDir, config);
  for (const problem of problems) if (problem.severity === "warning") console.warn(formatProblem(problem));
  if (!archive) throw new ContentErrors(problems);
  return { archive, plan: wholeSite(archive) };
}
