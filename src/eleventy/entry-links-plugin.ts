// The event page's "Edit this entry" and "Report an error" links, as the
// filter `entryLinks` (src/archive/repository-links.ts makes them): undefined,
// and so no links, when site.json names no repository on GitHub or GitLab.
import type { ArchiveEvent } from "../archive/archive.ts";
import { entryLinksFor, repositoryRoot } from "../archive/repository-links.ts";
import type { BuildConfig } from "../config.ts";
import type { EleventyConfig } from "./types.ts";

export function entryLinksPlugin(eleventyConfig: EleventyConfig, { config }: { config: BuildConfig }): void {
  const linksOf = entryLinksFor(config.site, repositoryRoot(config.contentDir));
  eleventyConfig.addFilter("entryLinks", (event: ArchiveEvent) => linksOf?.(event));
}
