// A year and a topic longer than one page: built as CI builds, and read as a
// reader and a crawler meet them. The archive is written here (450 entries of
// 1900 in one topic, and one of 1901): three pages of the year and the topic.
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PER_LIST_PAGE } from "../../src/archive/list-pages.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { brokenLinks, listFiles, loadPage } from "../support/site-files.ts";

const COUNT = 2 * EVENTS_PER_LIST_PAGE + 50;
const ORIGIN = "https://lists.example.museum";
let work: string;
let site: string;

beforeAll(async () => {
  work = await tempDir("list-pages");
  const events = path.join(work, "content", "events");
  await mkdir(events, { recursive: true });
  await writeFile(path.join(work, "content", "site.json"), JSON.stringify({ title: "Long Lists" }));
  const entry = (slug: string, date: string, title: string, topics: string) =>
    writeFile(
      path.join(events, `${slug}.md`),
      `---\ntitle: ${title}\ndate: "${date}"\nsummary: ${title}, for the pager.\ntopics: [${topics}]\nsources:\n  - title: A source\n---\n`,
    );
  await Promise.all(
    Array.from({ length: COUNT }, (_, i) => {
      const n = String(i + 1).padStart(3, "0");
      // In date order, two a day from 1 January 1900.
      const date = new Date(Date.UTC(1900, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
      return entry(`war-${n}`, date, `Battle ${n}`, "war");
    }),
  );
  await entry("peace", "1901-01-01", "Peace at last", "peace");
  site = path.join(work, "site");
  const run = await buildSite(path.join(work, "content"), site, { SITE_URL: ORIGIN });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

const attr = ($: CheerioAPI, selector: string, name = "href") =>
  $(selector)
    .map((_, el) => $(el).attr(name))
    .get();
const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().trim())
    .get();

describe("a topic longer than a page", () => {
  const pages = ["/topics/war/", "/topics/war/page/2/", "/topics/war/page/3/"];

  it("is split at the page size, the first page at the topic's address, the rest in order after it", () => {
    const listed = pages.map((url) => texts(loadPage(site, url), ".dated-list a"));
    expect(listed.map((titles) => titles.length)).toEqual([EVENTS_PER_LIST_PAGE, EVENTS_PER_LIST_PAGE, 50]);
    expect(listed.flat()).toEqual(Array.from({ length: COUNT }, (_, i) => `Battle ${String(i + 1).padStart(3, "0")}`));
    expect(listFiles(site).filter((f) => f.startsWith("topics/war/"))).toEqual(
      pages.map((url) => `${url.slice(1)}index.html`),
    );
  });

  it("links every page from each, marks the current one, and the ones before and after as prev and next", () => {
    const second = loadPage(site, pages[1]!);
    expect(attr(second, ".list-pager ol a:not([rel])")).toEqual(pages);
    expect(attr(second, '.list-pager [aria-current="page"]')).toEqual([pages[1]]);
    expect(attr(second, '.list-pager a[rel="prev"]')).toEqual([pages[0]]);
    expect(attr(second, '.list-pager a[rel="next"]')).toEqual([pages[2]]);
    expect(attr(second, 'head link[rel="prev"]')).toEqual([pages[0]]);
    expect(attr(second, 'head link[rel="next"]')).toEqual([pages[2]]);
    expect(texts(second, "main > p").join(" ")).toContain("450 entries, in date order. Page 2 of 3.");
    expect(second("title").text()).toBe("war · Page 2 of 3 · Long Lists");
    // The trail goes through the topic's first page to this one.
    expect(attr(second, ".breadcrumbs a")).toEqual(["/", "/topics/", pages[0], pages[1]]);
    const first = loadPage(site, pages[0]!);
    expect(attr(first, "head link[rel]").filter((href) => href!.includes("/page/"))).toEqual([pages[1]]);
    expect(first('head link[rel="prev"], .list-pager a[rel="prev"]')).toHaveLength(0);
    expect(loadPage(site, pages[2]!)('head link[rel="next"], a[rel="next"]')).toHaveLength(0);
    // Each page is its own canonical address.
    expect(attr(second, 'link[rel="canonical"]')).toEqual([`${ORIGIN}${pages[1]}`]);
  });

  it("has no pager on a topic of one page", () => {
    const peace = loadPage(site, "/topics/peace/");
    expect(peace(".list-pager, head link[rel=prev], head link[rel=next]")).toHaveLength(0);
    expect(texts(loadPage(site, "/topics/"), ".topic-list li")).toEqual(["peace (1 entry)", "war (450 entries)"]);
  });
});

describe("a year longer than a page", () => {
  it("is paged as a topic is, and its last page leads on to the next year", () => {
    const pages = ["/years/1900/", "/years/1900/page/2/", "/years/1900/page/3/"];
    expect(pages.map((url) => loadPage(site, url)(".dated-list li").length)).toEqual([200, 200, 50]);
    const [first, , last] = pages.map((url) => loadPage(site, url));
    expect(attr(first!, 'head link[rel="next"], a[rel="next"]')).toEqual([pages[1], pages[1]]);
    expect(attr(last!, 'head link[rel="prev"], a[rel="prev"]')).toEqual([pages[1], pages[1]]);
    // The years are a series too: after 1900's last page comes 1901.
    expect(attr(last!, 'head link[rel="next"], a[rel="next"]')).toEqual(["/years/1901/", "/years/1901/"]);
    expect(attr(first!, '.pager[aria-label="Other years"] a')).toEqual(["/years/1901/"]);
    expect(attr(loadPage(site, "/years/1901/"), 'head link[rel="prev"], .pager a[rel="prev"]')).toEqual([
      "/years/1900/",
      "/years/1900/",
    ]);
  });
});

describe("the paged site", () => {
  // About 900 pages to parse: seconds on a quiet machine, more beside other builds.
  it("has no internal link that points at a missing file", () => {
    expect(brokenLinks(site)).toEqual([]);
  }, 120_000);

  it("lists every page in the sitemap, each later page of a list included, and no other", () => {
    const locs = [...readFileSync(path.join(site, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      m[1]!.slice(ORIGIN.length),
    );
    const pages = listFiles(site)
      // The web editor's page is for editors, not search engines.
      .filter((f) => f.endsWith("index.html") && !f.startsWith("admin/"))
      .map((f) => `/${f.slice(0, -"index.html".length)}`);
    expect([...locs].sort()).toEqual(pages.sort());
    expect(locs).toEqual(expect.arrayContaining(["/topics/war/page/3/", "/years/1900/page/2/"]));
  });
});
