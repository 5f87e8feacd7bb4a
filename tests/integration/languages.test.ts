// The fixture archive built in French, German, Spanish and Arabic: every page
// says its language (and Arabic's direction), and none carries the English
// catalogue's words of headings, navigation and labels. The archive's own
// texts are English; a phrase they contain cannot be told apart and is not
// looked for (none is, today).
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import English from "../../src/i18n/catalogues/en.json" with { type: "json" };
import { FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { buildFixtureIn } from "../support/language-site.ts";
import { listFiles } from "../support/site-files.ts";

const LANGUAGES = ["fr", "de", "es", "ar"] as const;

/** The namespaces of the pages' own words (the archive's words, such as dates and kinds, are checked by their tests). */
const PAGE_NAMESPACES = [
  "nav.",
  "footer.",
  "meta.",
  "today.",
  "day.",
  "calendar.",
  "years.",
  "topics.",
  "topic.",
  "credits.",
  "photo.",
  "event.",
  "page.",
  "notfound.",
  "random.",
  "search.",
];

/** Every run of two words or more between a message's placeholders, e.g. "Nothing is recorded for" of "Nothing is recorded for {day} yet.". */
function phrasesOf(message: string): string[] {
  if (message.includes("plural,")) return [];
  return message
    .split(/\{[^}]*\}/)
    .map((run) => run.trim().replace(/^[\s,.:;()]+|[\s,.:;()]+$/g, ""))
    .filter((run) => run.split(/\s+/).length >= 2);
}

const english = Object.entries(English as Record<string, string>).filter(([key]) =>
  PAGE_NAMESPACES.some((ns) => key.startsWith(ns)),
);
/** The single words of the site's navigation: "Calendar", "Years", "Home"… */
const NAVIGATION_WORDS = english
  .filter(([key, value]) => key.startsWith("nav.") && !/\s|\{/.test(value))
  .map(([, value]) => value);

const fixtureText = listFiles(FIXTURE_ARCHIVE)
  .filter((file) => /\.(md|json)$/.test(file))
  .map((file) => readFileSync(path.join(FIXTURE_ARCHIVE, file), "utf8"))
  .join("\n");
const PHRASES = [...new Set(english.flatMap(([, value]) => phrasesOf(value)))].filter(
  (phrase) => !fixtureText.includes(phrase),
);

/** A navigation word standing as a word, not inside one ("Years" but not "Yearsley"). */
const NAVIGATION_WORD = new RegExp(`(?<!\\p{L})(?:${NAVIGATION_WORDS.join("|")})(?!\\p{L})`, "gu");

/** What a reader (or a screen reader) meets on a page, one text or attribute a line: texts, and the attributes that are read out or shown. */
function wordsOnPage(html: string): string {
  const $ = cheerio.load(html);
  const texts: string[] = [];
  $("*").each((_, element) => {
    for (const node of $(element).contents()) if (node.type === "text") texts.push(node.data);
    for (const name of ["aria-label", "alt", "title", "placeholder"]) {
      const value = $(element).attr(name);
      if (value) texts.push(value);
    }
  });
  $('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]').each((_, meta) => {
    texts.push($(meta).attr("content") ?? "");
  });
  return texts.join("\n");
}

/** "page: string" for every English phrase or navigation word on a page. */
function englishOn(page: string, html: string): string[] {
  const text = wordsOnPage(html);
  const found = [...PHRASES.filter((phrase) => text.includes(phrase)), ...(text.match(NAVIGATION_WORD) ?? [])];
  return [...new Set(found)].map((string) => `${page}: "${string}"`);
}

let work: string;
const sites = new Map<string, string>();
let buildSeconds = 0;

beforeAll(async () => {
  work = await tempDir("languages");
  const started = performance.now();
  // One build per language, side by side: about 10 s on a quiet 2-core machine.
  await Promise.all(
    LANGUAGES.map(async (language) => {
      const { site, run } = await buildFixtureIn(language, work);
      expect(run.stderr, language).toBe("");
      expect(run.code, language).toBe(0);
      sites.set(language, site);
    }),
  );
  buildSeconds = (performance.now() - started) / 1000;
}, 180_000);
afterAll(() => rm(work, { recursive: true, force: true }));

it("looks for enough English to mean something", () => {
  expect(PHRASES.length).toBeGreaterThan(60);
  expect(NAVIGATION_WORDS).toEqual(expect.arrayContaining(["Calendar", "Years", "Topics", "Search", "Home"]));
  console.log(`languages.test.ts: ${LANGUAGES.length} builds side by side in ${buildSeconds.toFixed(1)} s`);
});

describe.each(LANGUAGES)("the fixture archive in %s", (language) => {
  const pages = () =>
    readdirSync(sites.get(language)!, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".html"))
      .map((file) => ({ page: `/${file.split(path.sep).join("/")}`, file: path.join(sites.get(language)!, file) }));

  it("says its language, and its direction, on every page", () => {
    const wrong = pages().filter(({ file }) => {
      const $ = cheerio.load(readFileSync(file, "utf8"));
      return $("html").attr("lang") !== language || $("html").attr("dir") !== (language === "ar" ? "rtl" : "ltr");
    });
    expect(wrong.map(({ page }) => page)).toEqual([]);
  });

  it("writes none of the English catalogue's headings, navigation and labels", () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(380);
    expect(all.flatMap(({ page, file }) => englishOn(page, readFileSync(file, "utf8")))).toEqual([]);
  });
});
