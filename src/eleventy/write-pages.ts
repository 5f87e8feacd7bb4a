// Eleventy in runs, for `npm run build` and the first build of `npm start`:
// Eleventy keeps every page of a run in memory until the run ends, so a large
// archive is written in runs of EVENTS_PER_RUN event pages, each run seeing
// the whole archive but paginating only its slice, with a full garbage
// collection after each.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type { Archive } from "../archive/archive.ts";
import type { BuildConfig } from "../config.ts";
import { handOverArchive } from "./archive-plugin.ts";
import { renderRuns, type Shard } from "./render-plan.ts";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Writes the archive's pages (a shard's, when given) into `outputDir`; returns the number of runs. */
export async function writePagesInRuns(archive: Archive, config: BuildConfig, outputDir: string, shard?: Shard): Promise<number> {
  const runs = renderRuns(archive, config.eventsPerRun, shard);
  try {
    for (const plan of runs) {
      handOverArchive({ archive, plan });
      await writePages(config, outputDir);
      // Give back the finished run's pages now: left to itself, V8 lets the heap grow to twice the site.
      if (runs.length > 1) collectGarbage();
    }
  } finally {
    handOverArchive(undefined);
  }
  return runs.length;
}

/** Eleventy on this project's templates and configuration, writing into `outputDir`. */
export function eleventyFor(config: BuildConfig, outputDir: string, options: { runMode?: "serve"; source?: "cli" } = {}): Eleventy {
  return new Eleventy("layouts", outputDir, { configPath: ".eleventy.ts", quietMode: true, pathPrefix: config.site.pathPrefix, ...options });
}

/** One Eleventy run. Neither it nor the pages it returns outlive this call, so a collection after it frees them. */
async function writePages(config: BuildConfig, outputDir: string): Promise<void> {
  await eleventyFor(config, outputDir).write();
}
