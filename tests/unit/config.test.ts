import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv } from "../../src/config.ts";
import { makeContentDir, makeTempDir } from "../support/helpers.ts";

const DEFAULT_SITE = {
  title: "On This Day",
  description: "What happened on every day of the year.",
  language: "en",
  url: "http://localhost:8080",
  pathPrefix: "/",
  dataLicense: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
  api: { eventDocuments: false, export: false, onThisDay: false, calendar: false, body: "html" },
};

/** The error configFromEnv throws for `env`, failing the test if it does not throw. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    configFromEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error("configFromEnv did not throw");
}

describe("configFromEnv", () => {
  describe("BUILD_DATE", () => {
    it("fixes the build date", async () => {
      const dir = await makeTempDir();
      expect(configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2024-02-29" }).buildDate).toEqual({
        year: 2024,
        month: 2,
        day: 29,
      });
    });

    it("rejects an impossible day with a ConfigError naming BUILD_DATE", async () => {
      const dir = await makeTempDir();
      const error = configError({ CONTENT_DIR: dir, BUILD_DATE: "2021-02-30" });
      expect(error.name).toBe("ConfigError");
      expect(error.message).toBe(
        'BUILD_DATE: "2021-02-30" is not a real day: February has 28 days (check the source; the day must be 01 to 28)',
      );
    });

    it("rejects a date that is not in YYYY-MM-DD form", async () => {
      const dir = await makeTempDir();
      expect(configError({ CONTENT_DIR: dir, BUILD_DATE: "12/06/2018" }).message).toMatch(
        /^BUILD_DATE: "12\/06\/2018" is not a date in YYYY-MM-DD form \(write it as YYYY-MM-DD/,
      );
    });

    it("defaults to today's date in UTC", async () => {
      const dir = await makeTempDir();
      const utcToday = () => {
        const now = new Date();
        return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
      };
      const before = utcToday();
      const { buildDate } = configFromEnv({ CONTENT_DIR: dir });
      const after = utcToday();
      // Equal to one of the two, in case the test runs across midnight UTC.
      expect([before, after]).toContainEqual(buildDate);
    });
  });

  describe("folders", () => {
    it("resolves relative CONTENT_DIR and OUTPUT_DIR against the working folder", async () => {
      const dir = await makeTempDir();
      const relative = path.relative(process.cwd(), dir);
      const config = configFromEnv({ CONTENT_DIR: relative, OUTPUT_DIR: "build/out", BUILD_DATE: "2018-06-12" });
      expect(config.contentDir).toBe(dir);
      expect(config.outputDir).toBe(path.join(process.cwd(), "build", "out"));
      expect(path.isAbsolute(config.contentDir)).toBe(true);
      expect(path.isAbsolute(config.outputDir)).toBe(true);
    });

    it("keeps absolute folders as they are", async () => {
      const dir = await makeTempDir();
      const out = path.join(dir, "site");
      const config = configFromEnv({ CONTENT_DIR: dir, OUTPUT_DIR: out, BUILD_DATE: "2018-06-12" });
      expect(config.contentDir).toBe(dir);
      expect(config.outputDir).toBe(out);
    });

    it("defaults to ./content and ./_site (also when the variables are empty)", () => {
      for (const env of [{ BUILD_DATE: "2018-06-12" }, { CONTENT_DIR: "", OUTPUT_DIR: "", BUILD_DATE: "2018-06-12" }]) {
        const config = configFromEnv(env);
        expect(config.contentDir).toBe(path.join(process.cwd(), "content"));
        expect(config.outputDir).toBe(path.join(process.cwd(), "_site"));
      }
    });
  });

  describe("site.json", () => {
    it("uses the defaults when the content folder has no site.json", async () => {
      const dir = await makeTempDir();
      expect(configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" }).site).toEqual(DEFAULT_SITE);
    });

    it("reads site.json from the content folder", async () => {
      const dir = await makeContentDir({
        "site.json": JSON.stringify({
          title: "Today in Korea",
          description: "Korean history, day by day.",
          language: "es",
        }),
      });
      expect(configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" })).toEqual({
        contentDir: dir,
        outputDir: path.join(process.cwd(), "_site"),
        buildDate: { year: 2018, month: 6, day: 12 },
        site: { ...DEFAULT_SITE, title: "Today in Korea", description: "Korean history, day by day.", language: "es" },
        cacheDir: path.join(process.cwd(), ".cache"),
        maxPhotoPixels: 100_000_000,
        maxPhotoBytes: 100_000_000,
        eventsPerRun: 10_000,
        eventsPerSearchShard: 20_000,
      });
    });

    it("reads how many events go into one Eleventy run and one search shard", () => {
      const config = configFromEnv({
        BUILD_DATE: "2018-06-12",
        EVENTS_PER_RUN: "2_000",
        EVENTS_PER_SEARCH_SHARD: "500",
      });
      expect([config.eventsPerRun, config.eventsPerSearchShard]).toEqual([2000, 500]);
      expect(() => configFromEnv({ BUILD_DATE: "2018-06-12", EVENTS_PER_RUN: "0" })).toThrow(
        'EVENTS_PER_RUN: "0" is not a positive whole number',
      );
      // The example is the default, not another variable's number.
      expect(() => configFromEnv({ BUILD_DATE: "2018-06-12", EVENTS_PER_SEARCH_SHARD: "abc" })).toThrow(
        'EVENTS_PER_SEARCH_SHARD: "abc" is not a positive whole number (e.g. EVENTS_PER_SEARCH_SHARD=20000)',
      );
    });

    it("reads the cache folder and the photo pixel limit, refusing a limit that is not a whole number", () => {
      const config = configFromEnv({
        BUILD_DATE: "2018-06-12",
        CACHE_DIR: "/tmp/images-cache",
        MAX_PHOTO_PIXELS: "50_000_000",
      });
      expect([config.cacheDir, config.maxPhotoPixels]).toEqual(["/tmp/images-cache", 50_000_000]);
      expect(() => configFromEnv({ BUILD_DATE: "2018-06-12", MAX_PHOTO_PIXELS: "lots" })).toThrow(
        'MAX_PHOTO_PIXELS: "lots" is not a positive whole number (e.g. MAX_PHOTO_PIXELS=100000000)',
      );
    });

    it("fills the fields site.json leaves out with the defaults", async () => {
      const dir = await makeContentDir({ "site.json": JSON.stringify({ title: "Today in Korea" }) });
      expect(configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" }).site).toEqual({
        ...DEFAULT_SITE,
        title: "Today in Korea",
      });
    });

    it("takes the address from site.json, SITE_URL and PATH_PREFIX overriding it, the prefix always in slashes", async () => {
      const dir = await makeContentDir({
        "site.json": JSON.stringify({ url: "https://history.example.org/", pathPrefix: "archive" }),
      });
      const fromFile = configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" }).site;
      expect([fromFile.url, fromFile.pathPrefix]).toEqual(["https://history.example.org", "/archive/"]);
      const fromEnv = configFromEnv({
        CONTENT_DIR: dir,
        BUILD_DATE: "2018-06-12",
        SITE_URL: "https://user.github.io",
        PATH_PREFIX: "/repo",
      }).site;
      expect([fromEnv.url, fromEnv.pathPrefix]).toEqual(["https://user.github.io", "/repo/"]);
    });

    it("refuses an unknown field or a bad address in site.json, naming the file and the field", async () => {
      const dir = await makeContentDir({ "site.json": JSON.stringify({ titel: "X", url: "example.org" }) });
      const { message } = configError({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" });
      const file = path.relative(process.cwd(), path.join(dir, "site.json"));
      expect(message.split("\n")).toEqual([
        `${file}: url: must be an http(s) address, e.g. https://example.org`,
        `${file}: (file): Unrecognized key: "titel"`,
      ]);
      expect(configError({ BUILD_DATE: "2018-06-12", SITE_URL: "ftp://x" }).message).toBe(
        'SITE_URL: "ftp://x" must be an http(s) address (e.g. https://example.org or https://user.github.io/history)',
      );
    });

    it("takes the language as a canonical BCP 47 tag, and refuses anything else, such as a path", async () => {
      const canonical = await makeContentDir({ "site.json": JSON.stringify({ language: "FR-ca" }) });
      expect(configFromEnv({ CONTENT_DIR: canonical, BUILD_DATE: "2018-06-12" }).site.language).toBe("fr-CA");
      for (const language of ["../../../../tmp/x/y", "en/../../x", "en\nfr", "", "english language"]) {
        const dir = await makeContentDir({ "site.json": JSON.stringify({ language }) });
        const file = path.relative(process.cwd(), path.join(dir, "site.json"));
        expect(configError({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" }).message, language).toBe(
          `${file}: language: must be a BCP 47 language tag, e.g. en, fr or fr-CA`,
        );
      }
    });

    it("reports invalid JSON as a ConfigError naming the file", async () => {
      const dir = await makeContentDir({ "site.json": '{ "title": "Today in Korea", }' });
      const { message } = configError({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" });
      const prefix = `${path.relative(process.cwd(), path.join(dir, "site.json"))}: `;
      expect(message.startsWith(prefix)).toBe(true);
      expect(message.endsWith(" (fix the JSON syntax)")).toBe(true);
      expect(message.length).toBeGreaterThan(prefix.length + " (fix the JSON syntax)".length);
    });
  });
});
