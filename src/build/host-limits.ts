// The site's size against what the static hosts the README names will publish.
// Their published limits (looked up December 2026; README "Fits the hosts"):
// - GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB"
//   (docs.github.com, pages/getting-started-with-github-pages/github-pages-limits).
// - Cloudflare Pages: 20,000 files per site on the Free plan, 100,000 on paid
//   plans (developers.cloudflare.com/changelog, 2026-01-23, "Increased Pages file
//   limit to 100,000 for paid plans"), and 25 MiB per file
//   (developers.cloudflare.com/pages/platform/limits/, as the Workers static
//   assets docs repeat it).
import { SiteSize } from "../util/site-size.ts";

/** 1 GB read as 10⁹ bytes, the stricter of its two readings: the warning comes early rather than late. */
export const GITHUB_PAGES_BYTES = 1e9;
export const CLOUDFLARE_FREE_FILES = 20_000;
export const CLOUDFLARE_PAID_FILES = 100_000;
export const CLOUDFLARE_FILE_BYTES = 25 * 1024 * 1024;

/** The parts a site is told apart by, first match wins; the API's heavy parts each on their own, as site.json can leave each out. */
const PARTS: [string, (sitePath: string) => boolean][] = [
  ["event pages", (p) => p.startsWith("events/")],
  ["search index", (p) => /^pagefind(-\d+)?\//.test(p)],
  ["images", (p) => p.startsWith("img/")],
  ["API event documents", (p) => p.startsWith("api/v1/events/")],
  ["API export", (p) => p === "api/v1/export.ndjson"],
  ["On this day feed", (p) => p.startsWith("api/feed/")],
  ["calendar", (p) => p === "calendar.ics"],
  ["API days, index and schemas", (p) => p.startsWith("api/")],
];

export function partOf(sitePath: string): string {
  return PARTS.find(([, matches]) => matches(sitePath))?.[0] ?? "other pages";
}

/** A tally for a site, by the parts above, remembering the files too large for Cloudflare Pages. */
export function siteSize(): SiteSize {
  return new SiteSize({ partOf, noteFilesOver: CLOUDFLARE_FILE_BYTES });
}

const count = (n: number) => n.toLocaleString("en-US");

/** Bytes in decimal units, with two or three figures: "840 B", "4.3 MB", "412 MB", "2.1 GB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let [value, unit] = [bytes, 0];
  while (value >= 999.5 && unit < units.length - 1) [value, unit] = [value / 1000, unit + 1];
  return `${unit && value < 9.95 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The line the build ends with: "The site is 412 MB in 31,204 files." */
export function sizeLine(size: SiteSize, what = "The site"): string {
  const { bytes, files } = size.total;
  return `${what} is ${formatBytes(bytes)} in ${count(files)} ${files === 1 ? "file" : "files"}.`;
}

const HOW =
  'Leave out what the site can do without: site.json\'s "api" setting switches off parts of the open data (README: "Fits the hosts").';

/** A `warning: …` line for each host limit the site is over; none when it fits them all. */
export function hostWarnings(size: SiteSize): string[] {
  const { bytes, files } = size.total;
  const parts = size.parts();
  const largest = (by: "bytes" | "files", show: (n: number) => string) =>
    [...parts]
      .sort(([, a], [, b]) => b[by] - a[by])
      .slice(0, 3)
      .map(([name, tally]) => `${name} ${show(tally[by])}`)
      .join(", ");
  const warnings: string[] = [];
  if (bytes > GITHUB_PAGES_BYTES)
    warnings.push(
      `warning: the site is ${formatBytes(bytes)}, more than GitHub Pages publishes (1 GB a site). ` +
        `The largest parts: ${largest("bytes", formatBytes)}. ${HOW}`,
    );
  if (files > CLOUDFLARE_FREE_FILES) {
    const over =
      files > CLOUDFLARE_PAID_FILES
        ? `more than Cloudflare Pages takes (${count(CLOUDFLARE_FREE_FILES)} files a site on the free plan, ${count(CLOUDFLARE_PAID_FILES)} on paid plans)`
        : `more than Cloudflare Pages takes on its free plan (${count(CLOUDFLARE_FREE_FILES)} files a site; ${count(CLOUDFLARE_PAID_FILES)} on paid plans)`;
    warnings.push(
      `warning: the site has ${count(files)} files, ${over}. The most files: ${largest("files", (n) => `${count(n)}`)}. ${HOW}`,
    );
  }
  if (size.largeFiles.length) {
    const named = [...size.largeFiles]
      .sort((a, b) => b.bytes - a.bytes)
      .map((file) => `${file.sitePath} (${formatBytes(file.bytes)})`)
      .join(", ");
    const which = size.largeFiles.length === 1 ? "file is" : "files are";
    warnings.push(
      `warning: ${size.largeFiles.length} ${which} larger than the 25 MiB Cloudflare Pages takes in one file: ${named}. ${HOW}`,
    );
  }
  return warnings;
}
