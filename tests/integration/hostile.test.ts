// Entries come from pull requests by people we may not know. Every file of the
// hostile corpus (tests/hostile/, see its README) and the large ones made here
// at run time is built by `npm run build` as CI runs it, each with a time
// limit, and must end in one of two ways:
//   - a site where every front-matter string is text (HTML pages, JSON-LD,
//     Atom, iCalendar, the JSON API, the search index) and nothing runs: read
//     with a real HTML parser, no foreign script, event handler, javascript:,
//     vbscript: or data: address, frame, object, base, refresh or style;
//   - or a clear error naming the file (and the field) and exit status 1.
// Never a crash (a stack trace, another exit status) and never a hang.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DayDocument, EventDocument, WikimediaFeed } from "../../src/api/schemas.ts";
import { type Entry, parseEntry } from "../../src/content/parse-entry.ts";
import type { Photo } from "../../src/content/schema.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/site.ts";
import { calendarProblems, wellFormedProblems } from "../hostile/well-formed.ts";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { type CommandRun, REPO_ROOT, runCli } from "../support/commands.ts";
import { fileForUrl, listFiles } from "../support/site-files.ts";

const CORPUS = path.join(REPO_ROOT, "tests/hostile");
const SITE_TITLE = "Hostile corpus";
const ORIGIN = "https://example.org";
const PREFIX = "/archive/";
/** Every build must finish within this. */
const BUILD_LIMIT_MS = 60_000;
/** A test may also parse what the build wrote. */
const TEST_TIMEOUT = BUILD_LIMIT_MS + 60_000;
const IMAGE = path.join(FIXTURE_ARCHIVE, "events/photos/handshake.png");

let work: string;
let cacheDir: string;

beforeAll(async () => {
  work = await tempDir("hostile");
  cacheDir = path.join(work, "cache");
});
// Removing the builds' folders (tens of megabytes of generated entries) can take a while on a busy machine.
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  printTimings();
}, 60_000);

// Running a build -----------------------------------------------------------

/** A build's run, named for the timings table. */
interface Run extends CommandRun {
  readonly name: string;
}

const timings: Run[] = [];

/** `npm run build`'s command, its whole process group killed if it outlives the limit. */
async function runBuild(
  name: string,
  contentDir: string,
  outputDir: string,
  env: Record<string, string> = {},
): Promise<Run> {
  const run = {
    name,
    ...(await buildSite(contentDir, outputDir, { CACHE_DIR: cacheDir, ...env }, { limitMs: BUILD_LIMIT_MS })),
  };
  timings.push(run);
  return run;
}

function printTimings(): void {
  const rows = timings.map((r) => {
    const outcome = r.timedOut
      ? `killed after ${BUILD_LIMIT_MS / 1000} s`
      : r.signal
        ? `signal ${r.signal}`
        : `exit ${r.code}`;
    return `${(r.ms / 1000).toFixed(2).padStart(7)} s  ${outcome.padEnd(20)} ${r.name}`;
  });
  console.log(`Hostile builds (time, outcome, case):\n${rows.join("\n")}`);
}

/** A content folder holding corpus files (paths under tests/hostile/) and generated ones, with the shared photo. */
async function contentWith(
  name: string,
  corpusFiles: readonly string[],
  generated: Record<string, string | Buffer> = {},
): Promise<string> {
  const content = path.join(work, name, "content");
  const events = path.join(content, "events");
  await mkdir(events, { recursive: true });
  // Every part of the API, with both forms of the body, so each is checked to give back the text (Markdown as well as HTML).
  await writeFile(
    path.join(content, "site.json"),
    JSON.stringify({
      title: SITE_TITLE,
      url: ORIGIN,
      api: { eventDocuments: true, export: true, onThisDay: true, calendar: true, body: "both" },
    }),
  );
  await copyFile(IMAGE, path.join(events, "hostile.png"));
  for (const file of corpusFiles) await copyFile(path.join(CORPUS, file), path.join(events, path.basename(file)));
  for (const [file, data] of Object.entries(generated)) await writeFile(path.join(events, file), data);
  return content;
}

const outputOf = (content: string) => path.join(path.dirname(content), "site");
const shown = (content: string, file: string) => path.relative(REPO_ROOT, path.join(content, "events", file));

/** A stack frame, or Node's report of an uncaught exception. */
const CRASH = /^(\[11ty\])?\s+at .*:\d+(:\d+)?\)?$|stack trace|triggerUncaughtException|^Node\.js v\d+/im;

/** Finished in time, by itself, with 0 or 1, and without a stack trace. */
function expectNoCrash(run: Run): void {
  expect(run.timedOut, `${run.name} was still running after ${BUILD_LIMIT_MS / 1000} s`).toBe(false);
  expect(run.signal, run.stderr).toBeNull();
  expect([0, 1], run.stderr.slice(0, 3000)).toContain(run.code);
  expect(run.stderr, "a stack trace on stderr").not.toMatch(CRASH);
}

/** No half-built or displaced site left next to the output. */
function expectNoLeftovers(content: string): void {
  const parent = path.dirname(content);
  expect(readdirSync(parent).filter((f) => /\.(building|previous)-/.test(f))).toEqual([]);
}

/** The build refused the content: exit 1, each field named on a line of its own with the file and line, nothing written. */
function expectRejected(run: Run, content: string, file: string, fields: readonly string[], message?: RegExp): void {
  expectNoCrash(run);
  expect(run.code, run.stdout).toBe(1);
  const where = shown(content, file);
  const lines = run.stderr.split("\n");
  const about = lines.filter((l) => l.startsWith(`${where}:`));
  expect(about.length, run.stderr.slice(0, 3000)).toBeGreaterThan(0);
  for (const field of fields) {
    const naming = new RegExp(`^${escapeRegExp(where)}(:\\d+)?: ${escapeRegExp(field)}: `);
    const line = about.find((l) => naming.test(l));
    expect(line, `no line names ${field}:\n${run.stderr.slice(0, 3000)}`).toBeDefined();
    if (message) expect(line).toMatch(message);
  }
  if (!fields.length && message)
    expect(
      about.some((l) => message.test(l)),
      run.stderr.slice(0, 3000),
    ).toBe(true);
  expect(run.stderr).toContain("Nothing was built");
  expect(existsSync(outputOf(content))).toBe(false);
  expectNoLeftovers(content);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Reading the built site ----------------------------------------------------

const readText = (site: string, file: string) => readFileSync(path.join(site, file), "utf8");
const readJson = <T>(site: string, file: string) => JSON.parse(readText(site, file)) as T;
/** A site path under the prefix → the file's path in the output folder. */
const unprefixed = (sitePath: string, prefix: string) => `/${sitePath.slice(prefix.length)}`;
const loadUnder = (site: string, sitePath: string, prefix: string) => {
  const file = fileForUrl(site, unprefixed(sitePath, prefix));
  expect(file, `no page at ${sitePath}`).toBeDefined();
  return cheerio.load(readFileSync(file!, "utf8"));
};

const FORBIDDEN_ELEMENTS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base"]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "poster",
  "background",
  "cite",
  "data",
  "xlink:href",
  "ping",
  "manifest",
  "codebase",
]);

/** The scheme a browser would see: tabs and line breaks removed, leading controls and spaces stripped. */
function schemeOf(url: string): string | undefined {
  return url
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\u0000-\u0020]+/, "")
    .toLowerCase()
    .match(/^([a-z][a-z0-9+.-]*):/)?.[1];
}

/** Everything in one parsed document that could run, load or redirect; empty when inert. */
function activeContent($: cheerio.CheerioAPI, where: string, prefix: string, page = true): string[] {
  const found: string[] = [];
  const bad = (el: { tagName: string }, what: string) => found.push(`${where}: <${el.tagName}> ${what}`);
  let csp = 0;
  $("*").each((_, el) => {
    if (!("attribs" in el)) return;
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) bad(el, "element");
    if (tag === "script") {
      const src = el.attribs.src;
      if (src !== undefined) {
        const own =
          /^\/(?!\/)/.test(src) && (src.startsWith(`${prefix}assets/`) || src.startsWith(`${prefix}pagefind/`));
        if (!page || !own) bad(el, `src=${JSON.stringify(src)}`);
      } else if (!page || el.attribs.type !== "application/ld+json") {
        bad(el, `inline ${JSON.stringify($(el).text().slice(0, 80))}`);
      } else {
        try {
          JSON.parse($(el).text());
        } catch (e) {
          bad(el, `JSON-LD that is not JSON: ${(e as Error).message}`);
        }
      }
    }
    if (tag === "meta" && el.attribs["http-equiv"] !== undefined) {
      const own =
        page &&
        el.attribs["http-equiv"].toLowerCase() === "content-security-policy" &&
        el.attribs.content === CONTENT_SECURITY_POLICY;
      if (own) csp++;
      else
        bad(el, `http-equiv=${JSON.stringify(el.attribs["http-equiv"])} content=${JSON.stringify(el.attribs.content)}`);
    }
    for (const [name, value] of Object.entries(el.attribs)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith("on")) bad(el, `${name}=${JSON.stringify(value)}`);
      if (attribute === "style") bad(el, `style=${JSON.stringify(value)}`);
      if (!URL_ATTRIBUTES.has(attribute)) continue;
      const urls = attribute === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0] ?? "") : [value];
      for (const url of urls) {
        const scheme = schemeOf(url);
        if (scheme !== "javascript" && scheme !== "vbscript" && scheme !== "data") continue;
        bad(el, `${name}=${JSON.stringify(value.slice(0, 80))}`);
      }
    }
  });
  if (page && csp !== 1)
    found.push(`${where}: ${csp} Content-Security-Policy meta tags equal to CONTENT_SECURITY_POLICY, not 1`);
  return found;
}

/** Every page, the feed's HTML content and the Wikimedia feed's HTML fields, checked for anything active. */
function inertProblems(site: string, prefix = "/"): string[] {
  const files = listFiles(site);
  const found: string[] = [];
  // Readers' pages: /admin/ is the web editor's, a fixed page with Decap's bundle and a policy of its own (tests/integration/cms-admin.test.ts).
  for (const file of files.filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))) {
    found.push(...activeContent(cheerio.load(readText(site, file)), file, prefix));
  }
  // The feed, the sitemaps and the calendar: XML 1.0 and RFC 5545 to the letter, and ical.js reads the calendar.
  found.push(...wellFormedProblems(site));
  const feed = readText(site, "feed.xml");
  const $feed = cheerio.load(feed, { xml: true });
  $feed("entry > content").each((i, content) => {
    found.push(...activeContent(cheerio.load($feed(content).text()), `feed.xml entry ${i + 1} content`, prefix, false));
  });
  for (const file of files.filter((f) => f.startsWith("api/feed/onthisday/all/"))) {
    const feedDoc = readJson<WikimediaFeed>(site, file);
    for (const item of Object.values(feedDoc).flat()) {
      for (const page of item.pages) {
        for (const html of [page.displaytitle, page.titles.display, page.extract_html]) {
          found.push(...activeContent(cheerio.load(html), `${file} ${page.title}`, prefix, false));
        }
      }
    }
  }
  return found;
}

/** The search index's fragments: one per indexed page, gzip'd JSON after a "pagefind_dcd" signature. */
function indexedUrls(site: string): string[] {
  const dir = path.join(site, "pagefind/fragment");
  return readdirSync(dir).map((f) => {
    const text = gunzipSync(readFileSync(path.join(dir, f))).toString("utf8");
    return (JSON.parse(text.slice(text.indexOf("{"))) as { url: string }).url;
  });
}

/** The entries of corpus files, as the loader reads them: the strings every output must give back. */
/** The entry a file of the content folder holds, as the build reads it. */
function entryOf(content: string, file: string): Entry {
  const result = parseEntry(readFileSync(path.join(content, "events", file), "utf8"), file, file);
  if (!result.entry) throw new Error(`${file} does not parse: ${JSON.stringify(result.problems)}`);
  return result.entry;
}

/** The credit a photo shows, in the order the page gives it. */
function creditOf(photo: Photo): string[] {
  return [photo.photographer, photo.location, photo.source, photo.license].filter((v): v is string => v !== undefined);
}

/** Every string of the entry comes back verbatim from every output that shows it. */
function expectTextEverywhere(site: string, entry: Entry, prefix = "/"): void {
  const doc = readJson<EventDocument>(site, `api/v1/events/${entry.slug}.json`);
  const eventPath = `${prefix}events/${entry.slug}/`;
  const url = `${ORIGIN}${eventPath}`;

  // The JSON API.
  expect(doc.title).toBe(entry.title);
  expect(doc.summary).toBe(entry.summary);
  expect(doc.location).toBe(entry.location);
  expect(doc.body).toBe(entry.body);
  for (const topic of doc.topics) expect(entry.topics).toContain(topic.name);
  expect(doc.sources).toEqual((entry.sources ?? []).map((s) => ({ title: s.title, ...(s.url && { url: s.url }) })));
  const credit = (p: Photo) => {
    const { src: _src, ...rest } = p;
    return rest;
  };
  if (entry.photo) expect(doc.photo).toMatchObject(credit(entry.photo));
  expect(doc.photos.length).toBe(entry.photos?.length ?? 0);
  (entry.photos ?? []).forEach((p, i) => expect(doc.photos[i]).toMatchObject(credit(p)));
  for (const item of entry.related ?? []) if (item.text) expect(doc.related.map((r) => r.text)).toContain(item.text);
  const exported = readText(site, "api/v1/export.ndjson")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as EventDocument);
  expect(exported.find((e) => e.slug === entry.slug)).toEqual(doc);
  const day = readJson<DayDocument>(site, `api/v1/days/${doc.date.slice(-5)}.json`);
  const inDay = day.sections.flatMap((s) => s.events).find((e) => e.slug === entry.slug);
  expect([inDay?.title, inDay?.summary]).toEqual([entry.title, entry.summary]);
  const wikimedia = readJson<WikimediaFeed>(site, `api/feed/onthisday/all/${day.key.replace("-", "/")}.json`);
  const page = Object.values(wikimedia)
    .flat()
    .flatMap((item) => item.pages.map((p) => ({ item, p })))
    .find(({ p }) => p.title === entry.slug);
  expect(page).toBeDefined();
  expect([page!.item.text, page!.p.normalizedtitle, page!.p.titles.normalized, page!.p.extract]).toEqual([
    entry.title,
    entry.title,
    entry.title,
    entry.summary,
  ]);
  // Wikimedia's HTML fields are HTML: their text is the entry's text.
  expect(cheerio.load(page!.p.displaytitle).text()).toBe(entry.title);
  expect(cheerio.load(page!.p.extract_html)("p").text()).toBe(entry.summary);

  // The event page.
  const $ = loadUnder(site, eventPath, prefix);
  expect($("h1").text()).toBe(entry.title);
  expect($("title").text()).toBe(`${entry.title} · ${SITE_TITLE}`);
  expect($('meta[name="description"]').attr("content")).toBe(entry.summary);
  expect($('meta[property="og:title"]').attr("content")).toBe(entry.title);
  expect($('meta[property="og:description"]').attr("content")).toBe(entry.summary);
  expect($(".breadcrumbs [aria-current]").text()).toBe(entry.title);
  expect($(".event-summary").text()).toBe(entry.summary);
  if (entry.location)
    expect($(".event-meta").text().endsWith(` · ${entry.location}`), $(".event-meta").text()).toBe(true);
  for (const name of $('.topic-tags a, [data-pagefind-filter="topic"]')
    .map((_, el) => $(el).text())
    .get())
    expect(entry.topics).toContain(name);
  const figures = [...$(".event-header + .photo"), ...$(".gallery .photo")];
  const photos = [entry.photo, ...(entry.photos ?? [])].filter((p): p is Photo => p !== undefined);
  expect(figures.length).toBe(photos.length);
  photos.forEach((photo, i) => {
    const figure = $(figures[i]!);
    if (photo.src) expect(figure.find("img").attr("alt")).toBe(photo.alt);
    else
      expect(figure.find(".photo-missing").text()).toBe(
        `The photo is not included in this archive. It shows: ${photo.alt}`,
      );
    expect(figure.find("figcaption").text()).toBe(photo.caption ?? "");
    expect(
      figure
        .find("dd")
        .map((_, dd) => $(dd).text())
        .get(),
    ).toEqual(creditOf(photo));
    expect(
      figure
        .find("dd a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual([photo.sourceUrl, photo.licenseUrl].filter(Boolean));
  });
  expect(
    $(".source-list li")
      .map((_, li) => $(li).text())
      .get(),
  ).toEqual((entry.sources ?? []).map((s) => s.title));
  expect(
    $(".source-list a")
      .map((_, a) => $(a).attr("href"))
      .get(),
  ).toEqual((entry.sources ?? []).flatMap((s) => (s.url ? [s.url] : [])));
  const related = $(".related-list li")
    .map((_, li) =>
      $(li)
        .text()
        .slice($(li).find(".related-date").text().length + 1),
    )
    .get();
  for (const item of entry.related ?? []) if (item.text) expect(related).toContain(item.text);

  // JSON-LD: a </script> in a title cannot end the block, and the JSON gives the text back.
  const blocks = $('script[type="application/ld+json"]');
  expect(blocks).toHaveLength(1);
  const ld = JSON.parse(blocks.text()) as {
    headline: string;
    description: string;
    about: { name: string; location?: { name: string } };
    image?: { caption: string; creator: { name: string }; copyrightNotice: string }[];
  };
  expect([ld.headline, ld.about.name, ld.description, ld.about.location?.name]).toEqual([
    entry.title,
    entry.title,
    entry.summary,
    entry.location,
  ]);
  const published = photos.filter((p) => p.src);
  expect((ld.image ?? []).map((i) => [i.caption, i.creator.name, i.copyrightNotice])).toEqual(
    published.map((p) => [p.caption ?? p.alt, p.photographer, p.license]),
  );

  // The pages that list it: its day, year and topics, and the credits.
  const links = (sitePath: string) => {
    const list = loadUnder(site, sitePath, prefix);
    return list(`a[href="${eventPath}"]`)
      .map((_, a) => list(a).text())
      .get();
  };
  expect(links(doc.dayPage!.path)).toContain(entry.title);
  expect(links(doc.yearPage.path)).toContain(entry.title);
  for (const topic of doc.topics) expect(links(topic.path)).toContain(entry.title);
  const dayPage = loadUnder(site, doc.dayPage!.path, prefix);
  const item = dayPage(`.event-title a[href="${eventPath}"]`).closest(".event-text");
  expect(item.find("p").text()).toBe(entry.summary);
  if (published.length) {
    const credits = loadUnder(site, `${prefix}credits/`, prefix);
    const shownOn = credits(`.credit-used a[href="${eventPath}"]`);
    expect(shownOn.map((_, a) => credits(a).text()).get()).toEqual(published.map(() => entry.title));
    // An image file shown by several events is credited once, with the first event's credit: compare only the image's own.
    shownOn.closest(".credit").each((i, c) => {
      if (credits(c).find(".credit-used a").length > 1) return;
      expect(credits(c).find("img").attr("alt")).toBe(published[i]!.alt);
      expect(
        credits(c)
          .find("dd")
          .map((_, dd) => credits(dd).text())
          .get(),
      ).toEqual(creditOf(published[i]!));
    });
  }

  // The Atom feed: well-formed, and the text is text.
  const feed = cheerio.load(readText(site, "feed.xml"), { xml: true });
  const atom = feed("entry").filter((_, e) => feed(e).children("id").text() === url);
  expect(atom).toHaveLength(1);
  expect(atom.children("title").text()).toBe(`${doc.year}: ${entry.title}`);
  expect(atom.children("summary").text()).toBe(`${doc.dateWords}. ${entry.summary}`);
  expect(cheerio.load(atom.children("content").text()).text()).toBe(cheerio.load(doc.bodyHtml!).text());

  // iCalendar: commas, semicolons, backslashes and line breaks escaped, so ical.js gives the text back.
  const raw = readText(site, "calendar.ics");
  expect(calendarProblems(raw)).toEqual([]);
  const vevent = new ICAL.Component(ICAL.parse(raw))
    .getAllSubcomponents("vevent")
    .find((v) => String(v.getFirstPropertyValue("uid")) === `${entry.slug}@example.org`);
  expect(vevent).toBeDefined();
  expect(vevent!.getFirstPropertyValue("summary")).toBe(`${doc.year}: ${entry.title}`);
  expect(vevent!.getFirstPropertyValue("description")).toBe(`${doc.dateWords}. ${entry.summary}\n${url}`);
  expect(vevent!.getFirstPropertyValue("url")).toBe(url);

  // Search: the page is in the index (Pagefind records addresses without the prefix; its script adds it).
  expect(indexedUrls(site)).toContain(unprefixed(eventPath, prefix));
}

/** Built, inert, and nothing left beside the site; each entry's strings are checked with expectTextEverywhere. */
function expectInertSite(run: Run, content: string, prefix = "/"): void {
  expectNoCrash(run);
  expect(run.code, run.stderr.slice(0, 3000)).toBe(0);
  expectNoLeftovers(content);
  expect(inertProblems(outputOf(content), prefix)).toEqual([]);
}

/** Either outcome is fine, as long as it is clean: an inert site, or a clear error naming the file and field. */
function expectInertOrRejected(run: Run, content: string, file: string, field: string | undefined, prefix = "/"): void {
  expectNoCrash(run);
  if (run.code === 0) {
    expectNoLeftovers(content);
    expect(inertProblems(outputOf(content), prefix)).toEqual([]);
  } else expectRejected(run, content, file, field ? [field] : []);
}

// The corpus ----------------------------------------------------------------

interface InertCase {
  readonly file: string;
  /** Set when the build is known to get it wrong: the test asserts the right behaviour and is expected to fail. */
}

const INERT: readonly InertCase[] = [
  { file: "script-in-every-field.md" },
  { file: "filter-evasion.md" },
  { file: "markdown-links.md" },
  { file: "raw-html-body.md" },
  { file: "script-close-in-title.md" },
  { file: "calendar-text.md" },
  { file: "unicode.md" },
  { file: "yaml-tricks.md" },
  // markdown-it's default validateLink lets data:image/(gif|png|jpeg|webp) through for links too, not only images.
  { file: "markdown-data-link.md" },
  // markdown-it writes column alignment as style="text-align:…", which the site's own CSP (style-src 'self') blocks.
  { file: "markdown-aligned-table.md" },
];

interface RejectedCase {
  readonly file: string;
  readonly fields: readonly string[];
  readonly message?: RegExp;
}

const REJECTED: readonly RejectedCase[] = [
  {
    file: "url-javascript.md",
    fields: [
      "photo.sourceUrl",
      "photo.licenseUrl",
      "photos[0].sourceUrl",
      "photos[0].licenseUrl",
      "sources[0].url",
      "sources[1].url",
      "sources[2].url",
    ],
    // The last one starts with U+0001, which is refused in any field before the address is read.
    message: /uses javascript:, which is not allowed|contains the control character U\+0001/,
  },
  {
    file: "url-data.md",
    fields: ["photo.sourceUrl", "photo.licenseUrl", "sources[0].url", "sources[1].url"],
    message: /uses data:, which is not allowed/,
  },
  {
    file: "url-vbscript.md",
    fields: ["photo.sourceUrl", "photo.licenseUrl", "sources[0].url"],
    message: /uses vbscript:, which is not allowed/,
  },
  {
    file: "url-file.md",
    fields: ["photo.sourceUrl", "photo.licenseUrl", "sources[0].url"],
    message: /uses file:, which is not allowed/,
  },
  {
    file: "url-protocol-relative.md",
    fields: ["photo.sourceUrl", "photo.licenseUrl", "sources[0].url", "sources[1].url", "sources[2].url"],
    message: /is not a web address/,
  },
  {
    file: "url-entity-encoded.md",
    fields: ["photo.sourceUrl", "photo.licenseUrl", "sources[0].url", "sources[1].url"],
    message: /is not a web address/,
  },
  { file: "photo-traversal.md", fields: ["photo.src", "photos[0].src"], message: /leads outside the content folder/ },
  { file: "photo-absolute.md", fields: ["photo.src", "photos[0].src"], message: /is not a relative path/ },
  { file: "photo-symlink.md", fields: ["photo.src"], message: /is a link to a file outside the content folder/ },
  { file: "billion-laughs.md", fields: [], message: /cannot be read: Excessive alias count/ },
  {
    file: "hostile-field-values.md",
    fields: ["title", "date", "kind", "added", "onload", "<script>alert(1)</script>", "photo.onerror"],
  },
  {
    file: "prototype-keys.md",
    fields: ["constructor", "toString", "photo.hasOwnProperty"],
  },
  {
    file: "empty.md",
    fields: [],
    message: /has no front-matter/,
  },
  // Regression: a remote image in a body was blocked on the page by the CSP, but the feed and the API shipped it.
  {
    file: "markdown-images.md",
    fields: ["body"],
    message:
      /: body: has an image, ".*": a body cannot show images \(.*photos: with its photographer, source and license\)$/,
  },
  // Regression: these once reached feed.xml (making it invalid XML) and calendar.ics.
  {
    file: "control-characters.md",
    fields: ["title", "summary"],
    message: /contains the control character U\+00(00|1B)/,
  },
  {
    file: "unicode-noncharacters.md",
    fields: [
      "title",
      "summary",
      "location",
      "topics[0]",
      "topics[1]",
      "photo.alt",
      "photo.sourceUrl",
      "sources[0].title",
      "sources[0].url",
    ],
    message: /contains the (control character|noncharacter|lone surrogate) U\+[0-9A-F]{4,6} /,
  },
  {
    file: "body-characters.md",
    fields: ["body"],
    message: /contains the (control character|noncharacter) U\+[0-9A-F]{4,6}/,
  },
];

describe("the corpus", () => {
  it("has a README line for every file, and a test for every file", () => {
    const readme = readFileSync(path.join(CORPUS, "README.md"), "utf8");
    const files = ["inert", "rejected", "either"].flatMap((dir) =>
      readdirSync(path.join(CORPUS, dir)).map((f) => `${dir}/${f}`),
    );
    const tested = [
      ...INERT.map((c) => `inert/${c.file}`),
      ...REJECTED.map((c) => `rejected/${c.file}`),
      "either/long-topic.md",
    ];
    expect(files.sort()).toEqual(tested.sort());
    for (const file of files) expect(readme, `README.md does not mention ${file}`).toContain(`\`${file}\``);
  });
});

describe("the inertness check itself", () => {
  it("finds every kind of active content it looks for, and passes the site's own", () => {
    const page = `<!DOCTYPE html><html><head>
      <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", "&#39;")}">
      <meta http-equiv="refresh" content="0;url=https://evil.example/">
      <base href="https://evil.example/">
      <script type="application/ld+json">{"ok": true}</script>
      <script type="application/ld+json">{"broken": </script>
      <script src="/assets/site.js"></script><script src="/pagefind/pagefind-ui.js"></script>
      <script src="//evil.example/assets/x.js"></script><script>alert(1)</script><script type="module">alert(2)</script>
    </head><body>
      <a href="javascript:alert(1)">1</a><a href=" JaVa&#x09;Script:alert(2)">2</a><a href="vbscript:msgbox(1)">3</a>
      <a href="data:image/png;base64,AAAA">4</a><img src="data:image/png;base64,AAAA" alt="">
      <iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x"><frameset></frameset>
      <p style="color:red" onclick="alert(1)" OnMouseOver="alert(2)">x</p>
      <form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>
      <img srcset="/img/a.jpg 1x, javascript:alert(1) 2x" alt="">
    </body></html>`;
    const found = activeContent(cheerio.load(page), "test", "/");
    expect(found.map((f) => f.replace(/^test: /, ""))).toEqual([
      '<meta> http-equiv="refresh" content="0;url=https://evil.example/"',
      "<base> element",
      "<script> JSON-LD that is not JSON: Unexpected end of JSON input",
      '<script> src="//evil.example/assets/x.js"',
      '<script> inline "alert(1)"',
      '<script> inline "alert(2)"',
      '<a> href="javascript:alert(1)"',
      '<a> href=" JaVa\\tScript:alert(2)"',
      '<a> href="vbscript:msgbox(1)"',
      '<a> href="data:image/png;base64,AAAA"',
      '<img> src="data:image/png;base64,AAAA"',
      "<iframe> element",
      "<object> element",
      "<embed> element",
      '<p> style="color:red"',
      '<p> onclick="alert(1)"',
      '<p> onmouseover="alert(2)"',
      '<form> action="javascript:alert(1)"',
      '<button> formaction="javascript:alert(2)"',
      '<img> srcset="/img/a.jpg 1x, javascript:alert(1) 2x"',
    ]);
    expect(activeContent(cheerio.load("<html><head></head><body></body></html>"), "bare", "/")).toEqual([
      "bare: 0 Content-Security-Policy meta tags equal to CONTENT_SECURITY_POLICY, not 1",
    ]);
  });
});

// One build holds every inert file, under a path prefix: the harder case. (Each
// file once had a build of its own as well, which checked the same strings
// without the prefix.)
describe("hostile entries that build to inert, escaped output", () => {
  describe("all of them in one archive under a path prefix (Eleventy's HTML transform re-serialises every page)", () => {
    let content: string;
    let run: Run;
    beforeAll(async () => {
      content = await contentWith(
        "inert-all-prefixed",
        INERT.map((c) => `inert/${c.file}`),
      );
      run = await runBuild(`inert/* (${INERT.length} entries) with PATH_PREFIX=${PREFIX}`, content, outputOf(content), {
        PATH_PREFIX: PREFIX,
      });
    }, TEST_TIMEOUT);

    it("is built and inert, with nothing left beside it", { timeout: TEST_TIMEOUT }, () => {
      expectInertSite(run, content, PREFIX);
    });

    it.each(INERT.map((c) => c.file))("inert/%s: every string given back as text, in every output", (file) => {
      expect(run.code, run.stderr.slice(0, 3000)).toBe(0);
      expectTextEverywhere(outputOf(content), entryOf(content, file), PREFIX);
    });

    it("has the Content-Security-Policy meta tag on every page (checked above) and in _headers, unescaped", () => {
      const headers = readText(outputOf(content), "_headers");
      expect(headers).toMatch(/^\/archive\/\*\n {2}Content-Security-Policy: /m);
    });

    // Regression: Nunjucks once HTML-escaped the policy in _headers.
    it("puts CONTENT_SECURITY_POLICY into _headers verbatim (layouts/headers.njk escapes it as HTML)", () => {
      const headers = readText(outputOf(content), "_headers");
      expect(headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    });
  });
});

describe("hostile entries the build refuses with a clear error naming the file and field", () => {
  for (const { file, fields, message } of REJECTED) {
    it(file, { timeout: TEST_TIMEOUT }, async () => {
      const content = await contentWith(`rejected-${file}`, [`rejected/${file}`]);
      if (file === "photo-symlink.md") {
        // A real image outside the content folder, reached through a link inside it.
        const outside = path.join(path.dirname(content), "outside.png");
        await copyFile(IMAGE, outside);
        await symlink(outside, path.join(content, "events/outside-link.png"));
      }
      const run = await runBuild(`rejected/${file}`, content, outputOf(content));
      expectRejected(run, content, file, fields, message);
    });
  }

  it("a file name made of markup: an invalid slug, named", { timeout: TEST_TIMEOUT }, async () => {
    const name = `"><img src=x onerror=alert(1)>.md`;
    const content = await contentWith("rejected-file-name", [], {
      [name]: readFileSync(path.join(CORPUS, "inert/script-in-every-field.md")),
    });
    const run = await runBuild('file name: "><img src=x onerror=alert(1)>.md', content, outputOf(content));
    expectRejected(run, content, name, [], /is not a valid slug/);
  });

  const nested = (depth: number) => ({
    "flow-unclosed": `---\ntitle: ${"[".repeat(depth)}\ndate: 2018-06-12\nsummary: S.\n---\n`,
    "flow-balanced": `---\ntitle: T\ndate: 2018-06-12\nsummary: S.\ntopics: ${"[".repeat(depth)}${"]".repeat(depth)}\n---\n`,
    "block-sequences": `---\ntitle: T\ndate: 2018-06-12\nsummary: S.\ntopics:\n${"- ".repeat(depth)}x\n---\n`,
  });
  for (const [variant, text] of Object.entries(nested(10_000))) {
    it(`10,000 levels of YAML nesting (${variant}): a YAML error naming the file`, {
      timeout: TEST_TIMEOUT,
    }, async () => {
      const file = `deep-${variant}.md`;
      const content = await contentWith(`rejected-${file}`, [], { [file]: text });
      const run = await runBuild(`generated: 10,000 levels of nesting, ${variant}`, content, outputOf(content));
      expectRejected(run, content, file, [], /YAML|front-matter/);
    });
  }
});

describe("hostile entries that may build or be refused, but cleanly", () => {
  // Regression: a topic of any length once became a folder name too long for the file system.
  it("either/long-topic.md: a 300-character topic builds or is refused naming topics[0]", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const file = "long-topic.md";
    const content = await contentWith("either-long-topic", [`either/${file}`]);
    const run = await runBuild(`either/${file}`, content, outputOf(content));
    expectInertOrRejected(run, content, file, "topics[0]");
  });

  it("entry files that are links to /dev/zero and /etc/passwd: no hang, nothing of them published", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const content = await contentWith("either-linked-entries", ["inert/script-close-in-title.md"]);
    await symlink("/dev/zero", path.join(content, "events/zero.md"));
    await symlink("/etc/passwd", path.join(content, "events/passwd.md"));
    const run = await runBuild("generated: entries linked to /dev/zero and /etc/passwd", content, outputOf(content));
    expectNoCrash(run);
    if (run.code === 1) {
      expect(run.stderr).toContain(shown(content, "zero.md"));
      expect(run.stderr).toContain(shown(content, "passwd.md"));
      return;
    }
    const site = outputOf(content);
    expect(existsSync(path.join(site, "events/zero"))).toBe(false);
    expect(existsSync(path.join(site, "events/passwd"))).toBe(false);
    const passwd = await readFile("/etc/passwd", "utf8");
    const firstLine = passwd.split("\n")[0]!;
    for (const f of listFiles(site).filter((f) => /\.(html|json|ndjson|xml|ics)$/.test(f))) {
      expect(readText(site, f).includes(firstLine), `${f} publishes /etc/passwd`).toBe(false);
    }
  });
});

describe("large hostile entries, made at run time", () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const head = (title: string, summary: string) =>
    `---\ntitle: ${title}\ndate: 2018-06-12\nsummary: ${summary}\nsources:\n  - title: A source\n`;

  it("5 MB of topics, all the same <script> topic: refused naming topics (at most 20), or inert", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const topic = "  - <script>alert(1)</script>\n";
    const text = `${head("Five megabytes of one topic", "The same topic, repeated.")}topics:\n${topic.repeat(Math.ceil(FIVE_MB / topic.length))}---\nBody.\n`;
    const content = await contentWith("large-topics-repeated", [], { "topics-repeated.md": text });
    const run = await runBuild("generated: 5 MB of one repeated topic", content, outputOf(content));
    expectInertOrRejected(run, content, "topics-repeated.md", "topics");
  });

  // Regression: a 50 MB body built (in 40 s and 3.5 GB); a few such entries ran the build out of memory.
  it("a 50 MB body of raw HTML and javascript: links: refused naming the body, before it is parsed", {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const paragraph =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <iframe src="https://evil.example/"></iframe> Lorem ipsum.\n\n';
    const body = paragraph.repeat(Math.ceil((50 * 1024 * 1024) / paragraph.length));
    const content = await contentWith("large-body", [], {
      "large-body.md": `${head("A 50 MB body", "The body is 50 MB of hostile HTML.")}---\n${body}`,
    });
    const run = await runBuild("generated: 50 MB body", content, outputOf(content));
    expectRejected(
      run,
      content,
      "large-body.md",
      ["body"],
      /:8: body: is 51,20\d KB long; a body may be at most 256 KB \(/,
    );
  });

  // Regression: each of these passed the check, then crashed the build or ran it out of memory.
  describe("bodies the check once passed and the build could not build: refused by both, naming the line", () => {
    const cases = [
      {
        name: "8,000 *, an x, 8,000 * (posthtml overflowed its stack)",
        body: `${"*".repeat(8000)}x${"*".repeat(8000)}\n`,
        line: 8,
        message: /body: nests elements 4,001 levels deep .*at most 50 are allowed/,
      },
      {
        name: "a table of 5,000 columns × 1,000 rows (4.3 GB, then abort)",
        body: `${"|h".repeat(5000)}|\n${"|-".repeat(5000)}|\n${`${"| c ".repeat(5000)}|\n`.repeat(1000)}`,
        line: 8,
        message: /body: is 19,553 KB long; a body may be at most 256 KB/,
      },
      {
        name: "60 KB of tables of 1,000 columns whose rows markdown-it fills in (a million cells)",
        body: `Before.\n\n${`${"|h".repeat(1000)}|\n${"|-".repeat(1000)}|\n${"a\n".repeat(65)}\n`.repeat(15)}`,
        line: 10,
        message:
          /body: its tables may have up to 990,000 cells \(this one 1,000 columns × 66 rows\); an entry's tables may have at most 10,000 cells/,
      },
      {
        name: "200 quotes inside one another (markdown-it silently drops what lies deeper than 100)",
        body: `Fine.\n\n${"> ".repeat(200)}deep\n`,
        line: 10,
        message: /body: nests elements 100 levels deep/,
      },
    ];
    for (const { name, body, line, message } of cases) {
      it(name, { timeout: TEST_TIMEOUT }, async () => {
        const file = "too-much.md";
        const content = await contentWith(`body-${cases.findIndex((c) => c.name === name)}`, [], {
          [file]: `${head("Too much", "A body the build cannot build.")}---\n${body}`,
        });
        const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
        expect(check.code, check.stdout).toBe(1);
        expect(check.stderr).toMatch(
          new RegExp(`^${escapeRegExp(shown(content, file))}:${line}: ${message.source}`, "m"),
        );
        const run = await runBuild(`generated: ${name}`, content, outputOf(content));
        expectRejected(run, content, file, ["body"], message);
      });
    }
  });

  // Run side by side, so that a regression costs the suite the time limit once.
  describe.concurrent("builds that must finish within the limit", () => {
    // Regression: topics were once quadratic per entry and unbounded in number and length.
    it("5 MB of distinct topics: builds or is refused naming topics, within the limit", {
      timeout: TEST_TIMEOUT,
    }, async () => {
      let list = "";
      for (let i = 0; list.length < FIVE_MB; i++) list += `  - topic number ${i}\n`;
      const content = await contentWith("large-topics-distinct", [], {
        "topics-distinct.md": `${head("Five megabytes of topics", "About 220,000 topics.")}topics:\n${list}---\nBody.\n`,
      });
      const run = await runBuild("generated: 5 MB of distinct topics", content, outputOf(content));
      expectNoCrash(run);
      if (run.code === 1) expectRejected(run, content, "topics-distinct.md", []);
      else expect(existsSync(path.join(outputOf(content), "events/topics-distinct/index.html"))).toBe(true);
    });

    // Regression: explaining unknown fields was once quadratic in their number.
    it("5 MB of unknown fields: refused naming them, within the limit", { timeout: TEST_TIMEOUT }, async () => {
      let fields = "";
      for (let i = 0; fields.length < FIVE_MB; i++) fields += `unknown${i}: <script>alert(${i})</script>\n`;
      const content = await contentWith("large-unknown-fields", [], {
        "unknown-fields.md": `${head("Unknown fields", "About 350,000 of them.")}${fields}---\nBody.\n`,
      });
      const run = await runBuild("generated: 5 MB of unknown fields", content, outputOf(content));
      expectRejected(run, content, "unknown-fields.md", ["unknown0", "unknown1"], /is not a known field/);
    });
  });

  it("one topic of 5 MB: builds or is refused naming topics[0]", { timeout: TEST_TIMEOUT }, async () => {
    const content = await contentWith("large-topic-single", [], {
      "topic-single.md": `${head("One long topic", "A topic of 5 MB.")}topics:\n  - ${"a".repeat(FIVE_MB)}\n---\nBody.\n`,
    });
    const run = await runBuild("generated: one 5 MB topic", content, outputOf(content));
    expectInertOrRejected(run, content, "topic-single.md", "topics[0]");
  });
});
