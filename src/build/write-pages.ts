// Eleventy in runs, for `npm run build` and the first build of `npm start`:
// Eleventy keeps every page of a run in memory until the run ends, so a large
// archive is written in runs of EVENTS_PER_RUN event pages, each run seeing
// the whole archive but paginating only its slice, with a full garbage
// collection after each when Node exposes it (`node --expose-gc`, as the npm
// scripts run).
import { statSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../archive/archive.ts";
import { copiedAdminFiles, hasAdminPage } from "../cms/admin-page.ts";
import type { BuildConfig } from "../config.ts";
import type { PageSource, RenderPlan } from "../eleventy/archive-plugin.ts";
import { configureSite, TEMPLATES_DIR } from "../eleventy/site-config.ts";
import type { SiteSize } from "../util/site-size.ts";
import { inRuns, renderRuns, type Shard } from "./render-plan.ts";

/**
 * Writes the archive's pages (a shard's, when given) into `outputDir`, adding
 * them and the assets Eleventy copies to `size` when given; returns the number of runs.
 */
export async function writePagesInRuns(
  archive: Archive,
  config: BuildConfig,
  outputDir: string,
  shard?: Shard,
  size?: SiteSize,
): Promise<number> {
  return writeRuns(archive, config, outputDir, renderRuns(archive, config.eventsPerRun, shard), size);
}

/** The pages of `plan` (src/build/render-plan.ts), in runs of EVENTS_PER_RUN event pages. */
export async function writePlannedPages(
  archive: Archive,
  config: BuildConfig,
  outputDir: string,
  plan: RenderPlan,
): Promise<void> {
  await writeRuns(archive, config, outputDir, inRuns(plan, config.eventsPerRun));
}

async function writeRuns(
  archive: Archive,
  config: BuildConfig,
  outputDir: string,
  runs: RenderPlan[],
  size?: SiteSize,
): Promise<number> {
  for (const plan of runs) {
    await writePages(config, outputDir, { archive, plan }, size);
    // Give back the finished run's pages now: left to itself, V8 lets the heap grow to twice the site.
    if (runs.length > 1) globalThis.gc?.();
  }
  // Every run copies the same assets (and the web editor's bundle), so they are counted once, where they are.
  size?.addFolder(outputDir, "assets");
  if (size && hasAdminPage(outputDir))
    for (const file of copiedAdminFiles()) size.add(file, statSync(path.join(outputDir, file)).size);
  return runs.length;
}

/**
 * Eleventy on this project's templates and configuration, writing `pages`
 * into `outputDir`. It loads no configuration file: .eleventy.ts is for
 * Eleventy's own command line.
 */
export function eleventyFor(
  config: BuildConfig,
  outputDir: string,
  pages: PageSource,
  options: { runMode?: "serve"; source?: "cli" } = {},
): Eleventy {
  return new Eleventy(TEMPLATES_DIR, outputDir, {
    configPath: false,
    config: (eleventyConfig) => configureSite(eleventyConfig, { config, pages }),
    quietMode: true,
    pathPrefix: config.site.pathPrefix,
    ...options,
  });
}

/** One Eleventy run. Neither it nor the pages it returns outlive this call, so a collection after it frees them. */
async function writePages(config: BuildConfig, outputDir: string, pages: PageSource, size?: SiteSize): Promise<void> {
  const [, written] = (await eleventyFor(config, outputDir, pages).write()) as [unknown, WrittenPage[]];
  if (!size) return;
  const inside = outputDir + path.sep;
  for (const { outputPath, content } of written.flat()) {
    if (typeof outputPath !== "string") continue;
    const file = outputPath.startsWith(inside) ? outputPath.slice(inside.length) : path.relative(outputDir, outputPath);
    size.add(file.split(path.sep).join("/"), Buffer.byteLength(content));
  }
}

/** What Eleventy's write() says of each page: where it went (false when it is not written) and what. */
interface WrittenPage {
  readonly outputPath: string | false;
  readonly content: string;
}
