// Eleventy's configuration: wiring only. Each concern is a plugin in src/eleventy/.
import { configOfProcess } from "./src/config.ts";
import { archivePlugin } from "./src/eleventy/archive-plugin.ts";
import { refuseMalformedPaths } from "./src/eleventy/dev-server.ts";
import { metadataPlugin } from "./src/eleventy/metadata-plugin.ts";
import { paginatedPagesPlugin } from "./src/eleventy/paginated-pages.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";

export default function (eleventyConfig: EleventyConfig): void {
  const config = configOfProcess();
  // Eleventy 3.1 makes this benchmark group before quiet mode applies, so a slow
  // filter's timing reaches stderr ("[11ty] Benchmark … Nunjucks Filter") at random.
  eleventyConfig.benchmarks.config.setIsVerbose(false);
  eleventyConfig.addPlugin(archivePlugin, { config });
  eleventyConfig.addPlugin(metadataPlugin, { site: config.site });
  eleventyConfig.addPlugin(paginatedPagesPlugin, undefined);
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
  eleventyConfig.setServerOptions({ port: Number(process.env.PORT) || 8080, middleware: [refuseMalformedPaths] });
}

export const config = {
  dir: { input: "layouts", includes: "_includes" },
  templateFormats: ["njk", "11ty.js"],
  htmlTemplateEngine: "njk",
};
