// Where the content is, where the site goes, and which day is "today".
// Everything a test or a host may change comes from the environment.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parseHistoricalDate, type HistoricalDate } from "./content/dates.ts";
import { DEFAULT_MAX_PHOTO_PIXELS } from "./content/photo-files.ts";

export interface SiteInfo {
  readonly title: string;
  readonly description: string;
  readonly language: string;
}

export interface BuildConfig {
  readonly contentDir: string;
  readonly outputDir: string;
  readonly buildDate: HistoricalDate;
  readonly site: SiteInfo;
  /** Encoded images are kept here between builds (CACHE_DIR, default .cache). */
  readonly cacheDir: string;
  /** Photos over this many pixels are refused (MAX_PHOTO_PIXELS). */
  readonly maxPhotoPixels: number;
}

const DEFAULT_SITE: SiteInfo = {
  title: "On This Day",
  description: "What happened on every day of the year.",
  language: "en",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): BuildConfig {
  const contentDir = path.resolve(env.CONTENT_DIR || "content");
  return {
    contentDir,
    outputDir: path.resolve(env.OUTPUT_DIR || "_site"),
    buildDate: buildDateFrom(env.BUILD_DATE),
    site: readSiteInfo(contentDir),
    cacheDir: path.resolve(env.CACHE_DIR || ".cache"),
    maxPhotoPixels: positiveInteger("MAX_PHOTO_PIXELS", env.MAX_PHOTO_PIXELS) ?? DEFAULT_MAX_PHOTO_PIXELS,
  };
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new ConfigError(`${name}: "${value}" is not a positive whole number (e.g. ${name}=100000000)`);
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

/** `<content>/site.json` names the archive; every field is optional. */
function readSiteInfo(contentDir: string): SiteInfo {
  const file = path.join(contentDir, "site.json");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return DEFAULT_SITE;
  }
  try {
    const data = JSON.parse(text) as Partial<SiteInfo>;
    return {
      title: String(data.title ?? DEFAULT_SITE.title),
      description: String(data.description ?? DEFAULT_SITE.description),
      language: String(data.language ?? DEFAULT_SITE.language),
    };
  } catch (e) {
    throw new ConfigError(`${path.relative(process.cwd(), file)}: ${(e as Error).message} (fix the JSON syntax)`);
  }
}
