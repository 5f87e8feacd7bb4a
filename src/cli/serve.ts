// npm start: builds the site into OUTPUT_DIR and serves it with live reload.
// Eleventy rebuilds when an entry or a photo is added, changed or deleted, or
// a layout or the CSS changes, writing only the pages an entry's change touches.
// TypeScript changes restart this whole process (`node --watch-path` in
// package.json), because Node's module cache would otherwise keep old code.
import Eleventy from "@11ty/eleventy";
import { configFromEnv } from "../config.ts";
import { isContentFile } from "../eleventy/serve-session.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const config = configFromEnv();
  const eleventy = new Eleventy("layouts", config.outputDir, {
    configPath: ".eleventy.ts",
    runMode: "serve",
    source: "cli",
    quietMode: true,
    pathPrefix: config.site.pathPrefix,
  });
  await eleventy.init();
  // What Eleventy 3.1 does but does not declare: watch() returns its rebuild function.
  const watching = eleventy as unknown as Watching;
  const rebuild = await watching.watch();
  // Eleventy only forgets a deleted file; a deleted entry must leave the site too.
  watching.watcher.on("unlink", (file) => {
    if (isContentFile(config, file)) void rebuild(file);
  });
  eleventy.serve(Number(process.env.PORT) || 8080);
  return 0;
});

interface Watching {
  watch(): Promise<(file: string) => Promise<void>>;
  readonly watcher: { on(event: "unlink", listener: (file: string) => void): void };
}
