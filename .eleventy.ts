// For Eleventy's own command line (`npx @11ty/eleventy --config=.eleventy.ts`,
// with `--serve` or not): the site's configuration (src/eleventy/site-config.ts),
// with Eleventy reading the content itself, as npm start's rebuilds do.
// npm run build and npm start give Eleventy that configuration directly and
// do not load this file.

import { ServeSession } from "./src/build/serve-session.ts";
import { configOfProcess } from "./src/config.ts";
import { configureSite } from "./src/eleventy/site-config.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";

export default function (eleventyConfig: EleventyConfig): void {
  const config = configOfProcess();
  configureSite(eleventyConfig, { config, pages: new ServeSession(config) });
}
