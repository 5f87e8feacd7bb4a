// "Today" for subscribers and other sites (issue 21): /today.xml, an Atom
// feed of the build date's pick; the pick in the day document and the
// Wikimedia-shaped feed's "selected"; the API open to other origins in
// _headers. Built from an archive of its own, dated for 12 June 2026.
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DayDocument, WikimediaFeed } from "../../src/api/schemas.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { validEntry, writeFiles } from "../support/helpers.ts";
import { loadPage } from "../support/site-files.ts";

const ORIGIN = "https://today.example.org";
const RFC_3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** 12 June: one featured entry, three round anniversaries in 2026 (50, 25 and 100 years), four others, and a day of its own. */
const ENTRIES: Record<string, { date: string; extra?: string[]; title?: string }> = {
  "plain-1812": { date: "1812-06-12" },
  "featured-1815": { date: "1815-06-12", extra: ["featured: true"], title: "Peace & quiet <signed>" },
  "plain-1813": { date: "1813-06-12" },
  "round-1926": { date: "1926-06-12" },
  "plain-1814": { date: "1814-06-12" },
  "round-1976": { date: "1976-06-12" },
  "round-2001": { date: "2001-06-12" },
  "plain-1817": { date: "1817-06-12" },
  "other-day": { date: "1976-06-13" },
};
const ROUND = ["round-1926", "round-1976", "round-2001"];

let work: string;
let site: string;

beforeAll(async () => {
  work = await tempDir("today");
  const files: Record<string, string> = {
    "site.json": JSON.stringify({ title: "Today Test", url: ORIGIN, api: { onThisDay: true } }),
  };
  for (const [slug, { date, extra, title }] of Object.entries(ENTRIES))
    files[`events/${slug}.md`] = validEntry({
      date,
      title: JSON.stringify(title ?? `Entry ${slug}`),
      summary: `Summary of ${slug}.`,
      extra: [
        ...(extra ?? []),
        `topics: [${slug.split("-")[0]}]`,
        "sources:",
        `  - { title: Source of ${slug}, url: "https://example.org/${slug}" }`,
      ],
    });
  await writeFiles(path.join(work, "content"), files);
  site = path.join(work, "site");
  const run = await buildSite(path.join(work, "content"), site, { BUILD_DATE: "2026-06-12" });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(site, file), "utf8");
const readJson = <T>(file: string) => JSON.parse(read(file)) as T;

describe("the day's pick", () => {
  it("is the featured entry first, then the round anniversaries and one more in the day's order, five in all (the day document's selected)", () => {
    const day = readJson<DayDocument>("api/v1/days/06-12.json");
    expect(day.selected).toHaveLength(5);
    expect(day.selected[0]).toBe("featured-1815");
    expect(day.selected[1]).toMatch(/^plain-18\d\d$/);
    expect(day.selected.slice(2)).toEqual(ROUND);
    expect(readJson<DayDocument>("api/v1/days/06-13.json").selected).toEqual(["other-day"]);
  });

  it("is the Wikimedia-shaped feed's selected, in its item shape", () => {
    const all = readJson<WikimediaFeed>("api/feed/onthisday/all/06/12.json");
    expect(Object.keys(all)).toEqual(["selected", "events", "births", "deaths", "holidays"]);
    const day = readJson<DayDocument>("api/v1/days/06-12.json");
    expect(all.selected!.map((item) => item.pages[0]!.title)).toEqual(day.selected);
    expect(all.selected![0]).toMatchObject({ text: "Peace & quiet <signed>", year: 1815 });
  });
});

describe("/today.xml", () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false });

  it("is well-formed Atom with what RFC 4287 requires of a feed: id, title, updated, author, a self link", () => {
    const text = read("today.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const { feed } = xml.parse(text);
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${ORIGIN}/today.xml`);
    expect(feed.title).toBe("Today Test: selected anniversaries");
    expect(feed.updated).toBe("2026-06-12T00:00:00Z");
    expect(feed.author.name).toBe("Today Test");
    expect(feed.link.map((l: Record<string, string>) => [l["@_rel"], l["@_href"]])).toEqual([
      ["self", `${ORIGIN}/today.xml`],
      ["alternate", `${ORIGIN}/`],
    ]);
  });

  it("has one entry, the build date's, with an id of its own, linking the day page and listing the pick with years ago", () => {
    const { feed } = xml.parse(read("today.xml"));
    const entry = feed.entry;
    expect(Array.isArray(entry)).toBe(false);
    expect(entry.id).toBe(`${ORIGIN}/today.xml#2026-06-12`);
    expect(entry.title).toBe("On this day: June 12");
    expect(entry.link["@_href"]).toBe(`${ORIGIN}/june/12/`);
    expect(entry.updated).toMatch(RFC_3339);
    expect(entry.content["@_type"]).toBe("html");
    // The content is HTML as text, which the XML parser decodes.
    const $ = cheerio.load(entry.content["#text"]);
    const items = $("li")
      .toArray()
      .map((li) => $(li).text());
    expect(items).toHaveLength(5);
    expect(items[0]).toBe("1815 (211 years ago): Peace & quiet <signed>. Summary of featured-1815.");
    expect(items[1]).toMatch(/^18\d\d \(2\d\d years ago\): Entry plain-18\d\d\. Summary of plain-18\d\d\.$/);
    expect(items.slice(2)).toEqual([
      "1926 (100 years ago): Entry round-1926. Summary of round-1926.",
      "1976 (50 years ago): Entry round-1976. Summary of round-1976.",
      "2001 (25 years ago): Entry round-2001. Summary of round-2001.",
    ]);
    expect($("li a").first().attr("href")).toBe(`${ORIGIN}/events/featured-1815/`);
    expect($("p a").attr("href")).toBe(`${ORIGIN}/june/12/`);
    expect($("p a").text()).toBe("All 8 entries on June 12");
  });
});

describe("the API for other sites", () => {
  it("is served to any origin: _headers gives /api/* Access-Control-Allow-Origin: *", () => {
    expect(read("_headers")).toMatch(/^\/api\/\*\n {2}Access-Control-Allow-Origin: \*$/m);
  });
});

describe("the home page", () => {
  it("announces /today.xml for feed readers' autodiscovery", () => {
    const home = loadPage(site, "/");
    expect(home('link[rel="alternate"][href="/today.xml"]').attr("type")).toBe("application/atom+xml");
  });
});
