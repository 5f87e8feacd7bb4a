// Everything a page says about itself to machines: full addresses for
// canonical links and social cards, JSON-LD, and the filters of the Atom feed
// (the Eleventy RSS plugin's dates). The path prefix is applied to every HTML
// URL by Eleventy's HTML base plugin (site-config.ts).
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { ArchiveEvent } from "../archive/archive.ts";
import { dateSentence, dateWordsIn } from "../content/date-words.ts";
import { messagesFor } from "../i18n/messages.ts";
import { absoluteUrl, CONTENT_SECURITY_POLICY, type SiteInfo, sitePath } from "../site.ts";
import { withoutUnwritable } from "../util/unwritable.ts";
import { absoluteLinks } from "./absolute-links.ts";
import { eventJsonLd } from "./structured-data.ts";
import type { EleventyConfig } from "./types.ts";

export function metadataPlugin(eleventyConfig: EleventyConfig, { site }: { site: SiteInfo }): void {
  eleventyConfig.addPlugin(rssPlugin as (config: EleventyConfig, options: object) => void, {});
  eleventyConfig.addGlobalData("contentSecurityPolicy", CONTENT_SECURITY_POLICY);
  eleventyConfig.addFilter("fullUrl", (pagePath: string) => absoluteUrl(site, pagePath));
  // For files the HTML base plugin does not rewrite, such as _headers.
  eleventyConfig.addFilter("underPrefix", (pagePath: string) => sitePath(site, pagePath));
  eleventyConfig.addFilter("eventJsonLd", (event: ArchiveEvent) => eventJsonLd(event, site));
  eleventyConfig.addFilter("dateSentence", dateSentence);
  eleventyConfig.addFilter("yearWords", dateWordsIn(messagesFor(site.language)).yearWords);
  /** "2026-06-12" → a Date at UTC midnight, for the RSS plugin's date filters. */
  eleventyConfig.addFilter("utcDate", (iso: string) => new Date(`${iso}T00:00:00Z`));
  eleventyConfig.addFilter("absoluteLinks", (html: string, base: string) =>
    absoluteLinks(html, base, absoluteUrl(site, "/")),
  );
  // The feed is written by a template: whatever got past the check, it never holds a character XML cannot carry.
  eleventyConfig.addTransform("xml-characters", (content: string, outputPath: unknown) =>
    typeof outputPath === "string" && outputPath.endsWith(".xml") ? withoutUnwritable(content) : content,
  );
}
