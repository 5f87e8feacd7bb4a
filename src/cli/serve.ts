// npm start: builds the site into OUTPUT_DIR and serves it with live reload.
// Eleventy rebuilds when an entry, a photo, a layout or the CSS changes.
// TypeScript changes restart this whole process (`node --watch-path` in
// package.json), because Node's module cache would otherwise keep old code.
import Eleventy from "@11ty/eleventy";
import { configFromEnv } from "../config.ts";
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
  await eleventy.watch();
  eleventy.serve(Number(process.env.PORT) || 8080);
  return 0;
});
