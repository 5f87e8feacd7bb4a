// Where the content is, where the site goes, and which day is "today".
// Everything a test or a host may change comes from the environment.
import path from "node:path";
import { DateTime } from "luxon";
import { type HistoricalDate, parseHistoricalDate } from "./content/dates.ts";
import { DEFAULT_MAX_PHOTO_BYTES, DEFAULT_MAX_PHOTO_PIXELS } from "./content/photo-files.ts";
import { readSite, SiteConfigError, type SiteInfo } from "./site.ts";
import { isPlaceholder } from "./site-address.ts";

export type { SiteInfo } from "./site.ts";

export interface BuildConfig {
  readonly contentDir: string;
  readonly outputDir: string;
  readonly buildDate: HistoricalDate;
  readonly site: SiteInfo;
  /** Encoded images are kept here between builds (CACHE_DIR, default .cache). */
  readonly cacheDir: string;
  /** Photos over this many pixels are refused (MAX_PHOTO_PIXELS). */
  readonly maxPhotoPixels: number;
  /** Photo files over this many bytes are refused before they are read (MAX_PHOTO_BYTES). */
  readonly maxPhotoBytes: number;
  /** Event pages per Eleventy run (EVENTS_PER_RUN): bounds the build's memory. */
  readonly eventsPerRun: number;
  /** Events per search index shard (EVENTS_PER_SEARCH_SHARD): bounds Pagefind's memory. */
  readonly eventsPerSearchShard: number;
}

/** Eleventy keeps each run's pages in memory until the run ends: about 200 MB for this many event pages. */
const EVENTS_PER_RUN = 10_000;
/**
 * Pagefind holds a shard's index in memory until it writes it, about 30 MB per
 * thousand events: 20,000 keep it near 700 MB, and an archive up to that size
 * has one index.
 */
const EVENTS_PER_SEARCH_SHARD = 20_000;

export class ConfigError extends Error {
  override name = "ConfigError";
}

let processConfig: BuildConfig | undefined;

/**
 * This process's configuration, read once: Eleventy runs its config file
 * again for every run, and each must see what the command saw, even if
 * site.json changes meanwhile (npm start restarts for that).
 */
export function configOfProcess(): BuildConfig {
  return (processConfig ??= configFromEnv());
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): BuildConfig {
  const contentDir = path.resolve(env.CONTENT_DIR || "content");
  return {
    contentDir,
    outputDir: path.resolve(env.OUTPUT_DIR || "_site"),
    buildDate: buildDateFrom(env.BUILD_DATE),
    site: siteFrom(contentDir, env),
    cacheDir: path.resolve(env.CACHE_DIR || ".cache"),
    maxPhotoPixels: positiveInteger("MAX_PHOTO_PIXELS", env.MAX_PHOTO_PIXELS, DEFAULT_MAX_PHOTO_PIXELS),
    maxPhotoBytes: positiveInteger("MAX_PHOTO_BYTES", env.MAX_PHOTO_BYTES, DEFAULT_MAX_PHOTO_BYTES),
    eventsPerRun: positiveInteger("EVENTS_PER_RUN", env.EVENTS_PER_RUN, EVENTS_PER_RUN),
    eventsPerSearchShard: positiveInteger(
      "EVENTS_PER_SEARCH_SHARD",
      env.EVENTS_PER_SEARCH_SHARD,
      EVENTS_PER_SEARCH_SHARD,
    ),
  };
}

function siteFrom(contentDir: string, env: NodeJS.ProcessEnv): SiteInfo {
  try {
    return readSite(contentDir, env);
  } catch (e) {
    if (e instanceof SiteConfigError) throw new ConfigError(e.message);
    throw e;
  }
}

/** A positive whole number from the environment ("10_000" allowed), else `fallback`, which the error shows as the example. */
function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new ConfigError(`${name}: "${value}" is not a positive whole number (e.g. ${name}=${fallback})`);
  return n;
}

/** BUILD_DATE=YYYY-MM-DD fixes "today"; otherwise it is today's date in UTC, so every machine agrees. */
function buildDateFrom(value: string | undefined): HistoricalDate {
  if (!value) {
    const now = DateTime.utc();
    return { year: now.year, month: now.month, day: now.day };
  }
  const parsed = parseHistoricalDate(value);
  if (!parsed.ok) throw new ConfigError(`BUILD_DATE: ${parsed.problem} (${parsed.fix})`);
  return parsed.date;
}

/**
 * On CI a placeholder address is almost always a forgotten setting: every
 * canonical link, feed, the sitemap and the API would point at it.
 */
export function addressWarning(site: Pick<SiteInfo, "url">, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.CI || !isPlaceholder(site.url)) return undefined;
  return (
    `warning: the site's address is ${site.url}, a placeholder, so canonical links, feeds, the sitemap and the API point there. ` +
    `Set "url" in site.json, or SITE_URL in the CI's settings (e.g. SITE_URL=https://history.example.museum); ` +
    `Netlify and Cloudflare Pages are recognised by themselves, and the GitHub Pages workflow sets SITE_URL.`
  );
}
