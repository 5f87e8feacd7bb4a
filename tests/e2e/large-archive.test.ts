// A large archive's build, scaled down: the example archive (its frozen copy in
// tests/fixtures/example-archive, never content/) built with search
// shards (EVENTS_PER_SEARCH_SHARD) of a handful of events and Eleventy runs of
// fewer still, beside the same archive built in one run and one shard. A
// reader's search must cover every shard and find what one index finds,
// filters must work across the shards, and the pages must be the ones the
// one-run build writes, byte for byte.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOCABULARY_URL } from "../../src/search/search-index.ts";
import { launchBrowser } from "../support/browser.ts";
import { type BuildRun, buildSite, EXAMPLE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { listFiles } from "../support/site-files.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";

const EVENTS_PER_SEARCH_SHARD = 7;
const EVENTS_PER_RUN = 5;
const BUILD_DATE = "2026-06-12";

interface Site extends StaticSite {
  readonly dir: string;
  readonly run: BuildRun;
}

/** One event as its search bundle holds it. */
interface IndexedEvent {
  readonly url: string;
  readonly title: string;
  readonly kind: string;
  /** Lowercase words of the indexed text that stand alone: letters only, not part of a hyphenated word or a contraction. */
  readonly words: ReadonlySet<string>;
}

/** A search bundle as written: its folder ("pagefind-2/"), Pagefind's page count, the events in it, and whether it has a vocabulary page. */
interface Bundle {
  readonly folder: string;
  readonly pageCount: number;
  readonly events: readonly IndexedEvent[];
  readonly vocabulary: boolean;
}

let work: string;
let sharded: Site;
let plain: Site;
let browser: Browser;

beforeAll(async () => {
  work = await tempDir("large-archive");
  const build = async (name: string, env: Record<string, string>): Promise<Site> => {
    const dir = path.join(work, name);
    const run = await buildSite(EXAMPLE_ARCHIVE, dir, { BUILD_DATE, ...env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return { ...(await serveStatic(dir)), dir, run };
  };
  [sharded, plain, browser] = await Promise.all([
    build("sharded", {
      EVENTS_PER_SEARCH_SHARD: String(EVENTS_PER_SEARCH_SHARD),
      EVENTS_PER_RUN: String(EVENTS_PER_RUN),
    }),
    build("plain", {}),
    launchBrowser(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([sharded?.close(), plain?.close()]);
  if (work) await rm(work, { recursive: true, force: true });
});

// ---- reading the built output -------------------------------------------

/** The archive's events in its own order, as the JSON API lists them. */
function archiveEvents(site: Site): { path: string; date: string }[] {
  return JSON.parse(readFileSync(path.join(site.dir, "api/v1/events.json"), "utf8")).events;
}

/** The bundles the search page merges, from its data-bundles attribute. */
function searchPageBundles(site: Site): string[] {
  const html = readFileSync(path.join(site.dir, "search/index.html"), "utf8");
  const match = /<div id="search"[^>]*\bdata-bundles="([^"]*)"/.exec(html);
  expect(match, "the search page has no data-bundles").not.toBeNull();
  return match![1]!.split(" ").filter(Boolean);
}

/** The folders at the site's root that hold a Pagefind bundle. */
function bundleFolders(site: Site): string[] {
  return readdirSync(site.dir)
    .filter((name) => /^pagefind(-\d+)?$/.test(name))
    .map((name) => `${name}/`)
    .sort((a, b) => shardNumber(a) - shardNumber(b));
}

const shardNumber = (folder: string) => Number(/^pagefind-(\d+)\/$/.exec(folder)?.[1] ?? 1);

/**
 * A bundle's events, read from its fragments: Pagefind writes one gzipped
 * "pagefind_dcd" + JSON fragment per page, holding its URL, indexed text,
 * meta and filters.
 */
function readBundle(site: Site, folder: string): Bundle {
  const dir = path.join(site.dir, folder);
  const entry = JSON.parse(readFileSync(path.join(dir, "pagefind-entry.json"), "utf8"));
  const pageCount = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
    (sum, l) => sum + l.page_count,
    0,
  );
  const fragments = readdirSync(path.join(dir, "fragment")).map((file) => {
    const raw = gunzipSync(readFileSync(path.join(dir, "fragment", file))).toString("utf8");
    expect(raw.startsWith("pagefind_dcd")).toBe(true);
    return JSON.parse(raw.slice("pagefind_dcd".length));
  });
  const vocabulary = fragments.some((fragment) => fragment.url === VOCABULARY_URL);
  const events = fragments
    .filter((fragment) => fragment.url !== VOCABULARY_URL)
    .map((fragment): IndexedEvent => {
      const words = new Set<string>(
        fragment.content
          .split(/\s+/)
          .map((token: string) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "").toLowerCase())
          .filter((word: string) => /^[a-z]+$/.test(word)),
      );
      return { url: fragment.url, title: fragment.meta.title, kind: fragment.filters.kind[0], words };
    });
  return { folder, pageCount, events, vocabulary };
}

const sortedUrls = (events: readonly { url: string }[]) => events.map((e) => e.url).sort();

/** Compares astronomical ISO dates ("-0043-03-15" before "0079-08-24"). */
function compareDates(a: string, b: string): number {
  const parts = (d: string) => /^(-?\d+)-(\d\d)-(\d\d)$/.exec(d)!.slice(1).map(Number);
  const [x, y] = [parts(a), parts(b)];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
}

/**
 * A word of `event`'s indexed text that no other event has, nor any word
 * beginning with the same five letters (which stands in for Pagefind's
 * stemming: "assassination" is not unique if another event has
 * "assassinated"). The longest such word, for determinism.
 */
function wordOnlyIn(event: IndexedEvent, all: readonly IndexedEvent[]): string {
  const stem = (word: string) => word.slice(0, 5);
  const otherStems = new Set(all.filter((e) => e.url !== event.url).flatMap((e) => [...e.words].map(stem)));
  const unique = [...event.words].filter((w) => w.length >= 6 && !otherStems.has(stem(w)));
  unique.sort((a, b) => b.length - a.length || a.localeCompare(b));
  expect(unique, `no word of ${event.url} is unique to it`).not.toEqual([]);
  return unique[0]!;
}

// ---- driving the search page -------------------------------------------

interface SearchPage {
  readonly page: Page;
  /** Site-relative paths of every request the page made. */
  readonly requests: string[];
  /** Console errors: Pagefind's WebAssembly and worker run under the site's CSP. */
  readonly errors: string[];
}

async function openSearch(site: Site): Promise<SearchPage> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${site.origin}/search/`);
  return { page, requests, errors };
}

const MESSAGE = /^(\d+|No) results? for (.*)$/;

/**
 * Waits for the results of `term` (a message other than `previous`, when a
 * filter changes them), shows them all with "Load more results", and returns
 * their paths in the order shown.
 */
async function results(page: Page, term: string, previous?: string): Promise<{ message: string; paths: string[] }> {
  const messageLocator = page.locator(".pagefind-ui__message");
  let message = "";
  await expect
    .poll(
      async () => {
        message = (await messageLocator.count()) ? (await messageLocator.first().innerText()).trim() : "";
        const match = MESSAGE.exec(message);
        return match !== null && match[2] === term && message !== previous;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  const count = Number(MESSAGE.exec(message)![1]) || 0;
  const links = page.locator(".pagefind-ui__result-link");
  const more = page.locator(".pagefind-ui__button");
  await expect
    .poll(
      async () => {
        const shown = await links.count();
        if (shown < count && (await more.isVisible())) await more.click();
        return shown;
      },
      { timeout: 15_000 },
    )
    .toBe(count);
  const paths = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return { message, paths };
}

async function search(site: Site, term: string): Promise<SearchPage & { paths: string[]; message: string }> {
  const opened = await openSearch(site);
  await opened.page.locator(".pagefind-ui__search-input").fill(term);
  return { ...opened, ...(await results(opened.page, term)) };
}

// ---- the tests ------------------------------------------------------------

describe("a large archive's build", () => {
  it("writes the event pages in several Eleventy runs, and the default build in one", () => {
    const count = archiveEvents(sharded).length;
    const runsOf = (run: BuildRun) => Number(/\bpages [\d.]+ s in (\d+) runs?\b/.exec(run.stdout)?.[1]);
    expect(runsOf(sharded.run)).toBe(Math.ceil(count / EVENTS_PER_RUN));
    expect(runsOf(sharded.run)).toBeGreaterThan(1);
    expect(plain.run.stdout).toMatch(/\bpages [\d.]+ s in 1 run,/);
  });

  it("splits the search index into shards that follow the archive's order, BCE first", () => {
    const events = archiveEvents(sharded);
    const shards = Math.ceil(events.length / EVENTS_PER_SEARCH_SHARD);
    expect(shards).toBeGreaterThanOrEqual(3);
    const folders = ["pagefind/", ...Array.from({ length: shards - 1 }, (_, i) => `pagefind-${i + 2}/`)];
    expect(bundleFolders(sharded)).toEqual(folders);
    expect(searchPageBundles(sharded)).toEqual(folders);
    // The archive's order is date order, the BCE events first.
    const dates = events.map((e) => e.date);
    expect(dates[0]).toMatch(/^-/);
    expect([...dates].sort(compareDates)).toEqual(dates);
    // Each shard holds the next events of that order, once, the shards as equal as can be.
    const size = events.length / shards;
    for (const [i, folder] of folders.entries()) {
      const bundle = readBundle(sharded, folder);
      const expected = events.slice(Math.floor(i * size), Math.floor((i + 1) * size)).map((e) => e.path);
      expect(expected.length, folder).toBeLessThanOrEqual(EVENTS_PER_SEARCH_SHARD);
      expect(expected.length, folder).toBeGreaterThanOrEqual(Math.floor(size));
      expect(sortedUrls(bundle.events), folder).toEqual([...expected].sort());
      // And a page with every word of the archive, so that the shards know the same words.
      expect(bundle.vocabulary, folder).toBe(true);
      expect(bundle.pageCount, folder).toBe(expected.length + 1);
    }
    // The one-shard build: one bundle with every event, and no vocabulary page.
    expect(bundleFolders(plain)).toEqual(["pagefind/"]);
    expect(searchPageBundles(plain)).toEqual(["pagefind/"]);
    const one = readBundle(plain, "pagefind/");
    expect(sortedUrls(one.events)).toEqual(events.map((e) => e.path).sort());
    expect([one.vocabulary, one.pageCount]).toEqual([false, events.length]);
  });

  it("writes the same pages as the default build, byte for byte", () => {
    const outsideBundles = (site: Site) => listFiles(site.dir).filter((f) => !/^pagefind(-\d+)?\//.test(f));
    const files = outsideBundles(sharded);
    expect(files).toEqual(outsideBundles(plain));
    const html = files.filter((f) => f.endsWith(".html"));
    const events = archiveEvents(sharded).map((e) => `${e.path.slice(1)}index.html`);
    expect(html.length).toBeGreaterThanOrEqual(366 + events.length);
    // Event pages from the first Eleventy run, the second, the middle and the last.
    for (const page of [events[0]!, events[EVENTS_PER_RUN]!, events[Math.floor(events.length / 2)]!, events.at(-1)!]) {
      expect(html).toContain(page);
      expect(readFileSync(path.join(sharded.dir, page)).equals(readFileSync(path.join(plain.dir, page))), page).toBe(
        true,
      );
    }
    // Every other file too, but for the search page's list of bundles.
    const differing = files.filter(
      (f) => !readFileSync(path.join(sharded.dir, f)).equals(readFileSync(path.join(plain.dir, f))),
    );
    expect(differing).toEqual(["search/index.html"]);
    const withoutBundles = (site: Site) =>
      readFileSync(path.join(site.dir, "search/index.html"), "utf8").replace(/\bdata-bundles="[^"]*"/, "");
    expect(withoutBundles(sharded)).toBe(withoutBundles(plain));
  });
});

// Four searches over several shards take 25–30 s in Chromium on a busy 2-core machine.
describe("search over the shards, in a browser", { timeout: 120_000 }, () => {
  let read: Bundle[] | undefined;
  const bundles = () => (read ??= bundleFolders(sharded).map((folder) => readBundle(sharded, folder)));
  const everyEvent = () => bundles().flatMap((b) => b.events);

  /** The first event, by address, of the first or the last shard, and a word only it has. */
  function target(which: "first" | "last"): { bundle: Bundle; event: IndexedEvent; word: string } {
    const bundle = which === "first" ? bundles()[0]! : bundles().at(-1)!;
    expect(bundle.folder === "pagefind/").toBe(which === "first");
    const event = [...bundle.events].sort((a, b) => a.url.localeCompare(b.url))[0]!;
    return { bundle, event, word: wordOnlyIn(event, everyEvent()) };
  }

  /** Searches the sharded site for `word` and checks that `event` is found, once, from its shard's bundle. */
  async function findAlone({ bundle, event, word }: ReturnType<typeof target>): Promise<SearchPage> {
    const found = await search(sharded, word);
    expect(found.paths, `searching for "${word}"`).toContain(event.url);
    expect(new Set(found.paths).size, `searching for "${word}"`).toBe(found.paths.length);
    // The reader's browser read that shard's bundle.
    expect(found.requests.some((p) => p.startsWith(`/${bundle.folder}`))).toBe(true);
    expect(found.errors).toEqual([]);
    return found;
  }

  it("finds an event of the last shard by a word only it has, and its link leads to it", async () => {
    const wanted = target("last");
    const { page } = await findAlone(wanted);
    await page.locator(`.pagefind-ui__result-link[href="${wanted.event.url}"]`).click();
    await page.waitForURL((url) => url.pathname === wanted.event.url);
    expect(await page.locator("article.event h1").innerText()).toBe(wanted.event.title);
    await page.close();
  });

  it("finds an event of the first shard by a word only it has", async () => {
    const { page } = await findAlone(target("first"));
    await page.close();
  });

  it("finds what one index finds: a rare word, its prefix, a common word, and words no event has", async () => {
    const all = bundles();
    const words = (b: Bundle) => new Set(b.events.flatMap((e) => [...e.words]));
    // A word only one event has, in one shard, where another shard has a word
    // that begins it ("an" for "ancient"): alone, that shard would match the shorter word.
    const rare = all
      .flatMap((b) => b.events.map((event) => ({ event, word: wordOnlyIn(event, everyEvent()) })))
      .filter(({ event, word }) =>
        all.some(
          (b) =>
            !b.events.includes(event) &&
            [...words(b)].some((w) => w.length >= 2 && w.length < word.length && word.startsWith(w)),
        ),
      )
      .sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word))[0];
    expect(rare, "no rare word begins with another shard's word").toBeDefined();
    const counts = new Map<string, number>();
    for (const event of everyEvent()) for (const w of event.words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const common = [...counts]
      .filter(([w]) => w.length >= 5)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const terms = [rare!.word, rare!.word.slice(0, 5), common, `${common}zq`, "qxzvw", `${rare!.word} ${common}`];
    for (const term of terms) {
      const [inShards, inOne] = await Promise.all([search(sharded, term), search(plain, term)]);
      expect([...inShards.paths].sort(), `searching for "${term}"`).toEqual([...inOne.paths].sort());
      expect(inShards.paths).not.toContain(VOCABULARY_URL);
      expect([...inShards.errors, ...inOne.errors]).toEqual([]);
      if (term === rare!.word) expect(inShards.paths).toEqual([rare!.event.url]);
      if (term === common) expect(inShards.paths.length).toBeGreaterThan(EVENTS_PER_SEARCH_SHARD);
      await Promise.all([inShards.page.close(), inOne.page.close()]);
    }
  });

  it("shows the same filters as one index, without the vocabulary page's", async () => {
    const names = async (site: Site) => {
      const { page } = await search(site, "the");
      const shown = await page.locator(".pagefind-ui__filter-name").allInnerTexts();
      await page.close();
      return shown;
    };
    const [inShards, inOne] = await Promise.all([names(sharded), names(plain)]);
    expect(inShards.length).toBeGreaterThanOrEqual(3);
    expect(inShards).toEqual(inOne);
    expect(inShards.join(" ").toLowerCase()).not.toContain("vocabulary");
  });

  it("filters by kind across the shards", async () => {
    // A word several events have, in more than one shard, some of one kind and some of others:
    // filtering by that kind must keep exactly the results of that kind, from every shard.
    const all = bundles();
    const shardOf = new Map(all.flatMap((b, i) => b.events.map((e) => [e.url, i] as const)));
    const candidates = [...new Set(all.flatMap((b) => b.events.flatMap((e) => [...e.words])))]
      .filter((w) => w.length >= 5)
      .flatMap((word) => {
        const having = all.flatMap((b) => b.events).filter((e) => e.words.has(word));
        if (having.length > 12) return [];
        return [...new Set(having.map((e) => e.kind))].map((kind) => {
          const ofKind = having.filter((e) => e.kind === kind);
          const spread = new Set(ofKind.map((e) => shardOf.get(e.url))).size;
          return { word, kind, spread, others: having.length - ofKind.length };
        });
      })
      .filter((c) => c.spread >= 2 && c.others >= 1)
      .sort((a, b) => b.spread - a.spread || a.word.localeCompare(b.word) || a.kind.localeCompare(b.kind));
    expect(candidates).not.toEqual([]);
    const { word, kind } = candidates[0]!;
    const what = `"${word}", kind ${kind}`;

    const { page, paths: unfiltered, message, errors } = await search(sharded, word);
    const kindOf = new Map(all.flatMap((b) => b.events.map((e) => [e.url, e.kind] as const)));
    // Every event whose text has the word is found, from whichever shard.
    const having = all.flatMap((b) => b.events).filter((e) => e.words.has(word));
    expect(unfiltered, what).toEqual(expect.arrayContaining(having.map((e) => e.url)));
    const expected = unfiltered.filter((p) => kindOf.get(p) === kind).sort();
    expect(expected.length, what).toBeLessThan(unfiltered.length);

    await page.locator(".pagefind-ui__filter-name", { hasText: /^Kind$/ }).click();
    const label = page.locator(`.pagefind-ui__filter-label[for="kind-${kind}"]`);
    // The filter's count is of this search's results over every shard.
    await expect.poll(() => label.innerText()).toBe(`${kind} (${expected.length})`);
    await page.locator(`input[name="kind"][value="${kind}"]`).check();
    const filtered = await results(page, word, message);
    expect([...filtered.paths].sort(), what).toEqual(expected);
    // Among them the events of that kind that have the word, from two shards or more.
    const wanted = having.filter((e) => e.kind === kind).map((e) => e.url);
    expect(filtered.paths, what).toEqual(expect.arrayContaining(wanted));
    expect(new Set(wanted.map((p) => shardOf.get(p))).size, what).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
