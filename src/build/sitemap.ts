// sitemap.xml, made from the archive rather than from Eleventy's collections,
// because a large archive's pages are written over several Eleventy runs.
// The protocol allows 50,000 addresses a file: beyond that, sitemap.xml is an
// index of numbered sitemaps (sitemaps.org/protocol.html#index).

import type { Archive } from "../archive/archive.ts";
import { absoluteUrl, type SiteInfo } from "../site.ts";
import { escapeHtml } from "../util/escape-html.ts";
import { withoutUnwritable } from "../util/unwritable.ts";
import { listedPages } from "./render-plan.ts";

/** The pages that are not paginated from the archive (the 404 page is not listed). */
export const SINGLE_PAGES = ["/", "/calendar/", "/years/", "/topics/", "/search/", "/random/", "/credits/"] as const;

export const URLS_PER_SITEMAP = 50_000;

/** Every HTML page's site path, each page of a long year or topic included. */
export function pagePaths(archive: Archive): string[] {
  const { months, days, events } = archive;
  const { years, topics } = listedPages(archive);
  return [...SINGLE_PAGES, ...[...months, ...days, ...years, ...topics, ...events].map((page) => page.url)];
}

/** Site path → file content: sitemap.xml, and under an index the numbered parts. */
export function sitemapFiles(archive: Archive, site: SiteInfo, perFile = URLS_PER_SITEMAP): Map<string, string> {
  const locs = pagePaths(archive).map((p) => `<url><loc>${escapeHtml(absoluteUrl(site, p))}</loc></url>`);
  const files = new Map<string, string>();
  if (locs.length <= perFile) {
    files.set("/sitemap.xml", urlset(locs));
    return files;
  }
  const parts: string[] = [];
  for (let i = 0; i * perFile < locs.length; i++) {
    const part = `/sitemap-${i + 1}.xml`;
    files.set(part, urlset(locs.slice(i * perFile, (i + 1) * perFile)));
    parts.push(`<sitemap><loc>${escapeHtml(absoluteUrl(site, part))}</loc></sitemap>`);
  }
  files.set("/sitemap.xml", xml("sitemapindex", parts));
  return files;
}

const urlset = (locs: string[]) => xml("urlset", locs);

/** Addresses are parsed and encoded before they get here; a character XML cannot carry is dropped all the same. */
function xml(root: string, children: string[]): string {
  return withoutUnwritable(
    `<?xml version="1.0" encoding="utf-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${children.join("\n")}\n</${root}>\n`,
  );
}
