// The server that npm start's supervisor (serve.ts) runs: builds the site
// into OUTPUT_DIR and serves it with live reload. The first build is written
// in Eleventy runs like `npm run build`'s, so that a large archive fits in
// memory; then Eleventy watches, and rebuilds when an entry or a photo is
// added, changed or deleted, or a layout or the CSS changes, writing only the
// pages an entry's change touches.
import { watchContent } from "../build/content-watcher.ts";
import { LastBuild } from "../build/last-build.ts";
import { checkOutputFolder } from "../build/output-folder.ts";
import { contentFolders, ServeSession } from "../build/serve-session.ts";
import { eleventyFor, writePagesInRuns } from "../build/write-pages.ts";
import { type BuildConfig, configOfProcess } from "../config.ts";
import { ContentErrors } from "../content/problems.ts";
import { DEFAULT_HOST, listenOn } from "../eleventy/dev-server.ts";
import { displayPath } from "../util/display-path.ts";
import { plural, reportProblems, seconds } from "./report.ts";
import { runCli } from "./run-cli.ts";

// The supervisor gone (killed, even with SIGKILL), nobody would stop this server.
process.on("disconnect", () => process.exit(0));

await runCli(async () => {
  const config = configOfProcess();
  await checkOutputFolder(config.outputDir, { inPlace: true });
  // This server rewrites the output folder in place: the next npm run build builds it afresh.
  await LastBuild.discard(config);
  const session = new ServeSession(config);
  // Until the content is valid there is nothing to serve: wait for the fix.
  for (;;) {
    // Watched from before the attempt, so that a fix saved while it runs is not missed.
    const change = nextChange(contentFolders(config));
    try {
      if (await writeFirstBuild(session, config.outputDir, config)) break;
      await change.happened;
    } finally {
      change.stop();
    }
  }
  session.firstBuildWritten();
  const eleventy = eleventyFor(config, config.outputDir, session, { runMode: "serve", source: "cli" });
  // npm start wrote the first build above.
  eleventy.setIgnoreInitial(true);
  await eleventy.init();
  // Eleventy watches the layouts and the CSS; the content, this watcher (content-watcher.ts says why).
  const rebuild = await eleventy.watch();
  await watchContent(contentFolders(config), (file) => void rebuild(file)).ready;
  listenOn(process.env.HOST || DEFAULT_HOST);
  eleventy.serve(Number(process.env.PORT) || 8080);
  return 0;
});
// A server that could not start must end: its channel to the supervisor would keep it alive.
if (process.exitCode) process.exit();

/**
 * The pages now (Eleventy's first pass, which writes nothing, then has the API
 * and search finished in the background). On an error in the content, says
 * what is wrong and returns false; any other error stops npm start.
 */
async function writeFirstBuild(session: ServeSession, outputDir: string, config: BuildConfig): Promise<boolean> {
  const started = performance.now();
  try {
    const { archive } = await session.read(outputDir);
    const runs = await writePagesInRuns(archive, config, outputDir);
    console.log(
      `Wrote the pages of ${plural(archive.events.length, "event")} into ${displayPath(outputDir)}/ in ${seconds(started)} (${plural(runs, "run")}).`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    reportProblems(error.problems);
    console.error("Nothing to serve yet: fix the content and save, and the site is built.");
    return false;
  }
}

/** Watches `folders` from now on: `happened` resolves a moment after the first change. */
function nextChange(folders: readonly string[]): { happened: Promise<void>; stop(): void } {
  const { promise, resolve } = Promise.withResolvers<void>();
  const watcher = watchContent(folders, () => resolve());
  return { happened: promise, stop: () => watcher.close() };
}
