// Eleventy's configuration for this site: wiring only; each concern is a
// plugin in this folder. npm run build and npm start give it to Eleventy
// directly, with the pages to write (write-pages.ts); .eleventy.ts gives it to
// Eleventy's own command line.
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { BuildConfig } from "../config.ts";
import { adminPlugin, adminWithoutLiveReload } from "./admin-plugin.ts";
import { archivePlugin, type PageSource } from "./archive-plugin.ts";
import { refuseMalformedPaths } from "./dev-server.ts";
import { entryLinksPlugin } from "./entry-links-plugin.ts";
import { i18nPlugin } from "./i18n-plugin.ts";
import { metadataPlugin } from "./metadata-plugin.ts";
import { paginatedPagesPlugin } from "./paginated-pages.ts";
import { readerPlugin } from "./reader-plugin.ts";
import type { EleventyConfig } from "./types.ts";

/**
 * The templates, one for each kind of page: the single pages', with their
 * addresses in front matter, and those of the pages made one per event, day,
 * month, year and topic (paginated-pages.ts). Their base and macros are in _includes/.
 */
export const TEMPLATES_DIR = "layouts";

export function configureSite(
  eleventyConfig: EleventyConfig,
  { config, pages }: { config: BuildConfig; pages: PageSource },
): void {
  // Eleventy 3.1 makes this benchmark group before quiet mode applies, so a slow
  // filter's timing reaches stderr ("[11ty] Benchmark … Nunjucks Filter") at random.
  eleventyConfig.benchmarks.config.setIsVerbose(false);
  eleventyConfig.setInputDirectory(TEMPLATES_DIR);
  eleventyConfig.setTemplateFormats(["njk", "11ty.js"]);
  // The path prefix on every address in every page. Added here, before the RSS
  // plugin adds it too: Eleventy skips a unique plugin added again only when
  // the first was added here, not from inside another plugin.
  eleventyConfig.addPlugin(HtmlBasePlugin, {});
  eleventyConfig.addPlugin(archivePlugin, { config, pages });
  eleventyConfig.addPlugin(i18nPlugin, { site: config.site });
  eleventyConfig.addPlugin(metadataPlugin, { site: config.site });
  eleventyConfig.addPlugin(entryLinksPlugin, { config });
  eleventyConfig.addPlugin(paginatedPagesPlugin, undefined);
  eleventyConfig.addPlugin(readerPlugin, { site: config.site });
  eleventyConfig.addPlugin(adminPlugin, { config });
  eleventyConfig.addPassthroughCopy({ assets: "assets" });
  eleventyConfig.setServerOptions({
    port: Number(process.env.PORT) || 8080,
    middleware: [refuseMalformedPaths, adminWithoutLiveReload],
  });
}
