// Every day, year, topic and event one or two clicks away: the browsing pages
// of the built fixture archive, read with a real HTML parser.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CALENDAR_DAYS } from "../../src/archive/calendar.ts";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { loadPage } from "../support/site-files.ts";

/** The fixture archive, built once for this run with BUILD_DATE 2024-02-29 (tests/support/fixture-site.ts): read only. */
const { site, run } = inject("fixtureSite");

it("the shared fixture build succeeded", () => {
  expect(run.code).toBe(0);
});

const hrefs = ($: ReturnType<typeof loadPage>, selector: string) =>
  $(selector)
    .map((_, el) => $(el).attr("href"))
    .get();
const texts = ($: ReturnType<typeof loadPage>, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().replace(/\s+/g, " ").trim())
    .get();

describe("the calendar page", () => {
  it("links every one of the 366 days, in order, each named with its date and count", () => {
    const $ = loadPage(site, "/calendar/");
    expect(hrefs($, ".calendar-month td a")).toEqual(CALENDAR_DAYS.map((d) => d.url));
    expect($(".calendar-month caption").length).toBe(12);
    expect($('a[href="/february/29/"]').attr("aria-label")).toBe("February 29, 3 entries");
    expect($('a[href="/july/4/"]').attr("aria-label")).toBe("July 4, no entries");
  });
});

describe("years", () => {
  it("lists centuries, decades and years that have events, BCE first", () => {
    const $ = loadPage(site, "/years/");
    expect(texts($, ".century h2")).toEqual([
      "1st century BC",
      "1st century",
      "13th century",
      "20th century",
      "21st century",
    ]);
    expect(texts($, ".decades dt")).toEqual(["40s BC", "AD 70s", "1280s", "1990s", "2000s", "2010s", "2020s"]);
    expect(hrefs($, ".year-links a")).toEqual([
      "/years/44-bc/",
      "/years/79/",
      "/years/1288/",
      "/years/1996/",
      "/years/1999/",
      "/years/2000/",
      "/years/2018/",
      "/years/2019/",
      "/years/2024/",
    ]);
  });

  it("gives each year a page with exactly its events in date order", () => {
    const y2019 = loadPage(site, "/years/2019/");
    expect(texts(y2019, "h1")).toEqual(["2019"]);
    expect(texts(y2019, ".dated-list li")).toEqual([
      "28 February 2019 The Hanoi summit is cut short",
      "30 June 2019 Trump steps into North Korea",
    ]);
    const bce = loadPage(site, "/years/44-bc/");
    expect(texts(bce, "h1")).toEqual(["44 BC"]);
    expect(texts(bce, ".dated-list li")).toEqual(["15 March 44 BC Julius Caesar is assassinated Death"]);
    expect(hrefs(bce, '.pager a[rel="next"]')).toEqual(["/years/79/"]);
    expect(bce('.pager a[rel="prev"]')).toHaveLength(0);
  });

  it("is linked from each event page", () => {
    const $ = loadPage(site, "/events/vesuvius/");
    expect(hrefs($, ".event-meta a")).toEqual(["/august/24/", "/years/79/"]);
    expect(texts($, ".event-meta")).toEqual(["24 August AD 79"]);
  });
});

describe("topics", () => {
  it("lists every topic with a page that holds exactly its events", () => {
    const index = loadPage(site, "/topics/");
    expect(texts(index, ".topic-list li")).toEqual(["diplomacy (1 entry)"]);
    const topic = loadPage(site, "/topics/diplomacy/");
    expect(hrefs(topic, ".dated-list a")).toEqual(["/events/singapore-summit/"]);
    expect(hrefs(loadPage(site, "/events/singapore-summit/"), ".topic-tags a")).toEqual(["/topics/diplomacy/"]);
  });
});

describe("event pages", () => {
  it("show the other events of the same month-day, from other years", () => {
    const $ = loadPage(site, "/events/leap-day-event/");
    expect(texts($, "#also-heading")).toEqual(["Also on February 29"]);
    expect(texts($, ".also-list li")).toEqual(["1288 Leap Day observance", "1996 Birth of a leap-day child"]);
    expect(loadPage(site, "/events/vesuvius/")("#also-heading")).toHaveLength(0);
  });

  it("are in the search index the build wrote", async () => {
    const entry = JSON.parse(await readFile(path.join(site, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(10);
  });
});

describe("the other ways in", () => {
  it("offers every browsing page from the header of every page", () => {
    expect(hrefs(loadPage(site, "/june/12/"), ".site-nav a")).toEqual([
      "/calendar/",
      "/years/",
      "/topics/",
      "/search/",
      "/random/",
    ]);
  });

  it("has a random-event page that works without JavaScript", () => {
    const $ = loadPage(site, "/random/");
    const link = hrefs($, "#random a");
    expect(link).toHaveLength(1);
    expect(link[0]).toMatch(/^\/events\/[a-z0-9-]+\/$/);
    expect($("#random").attr("data-days")!.split(" ")).toEqual([
      "01-01",
      "02-28",
      "02-29",
      "03-15",
      "06-12",
      "06-30",
      "08-24",
      "12-31",
    ]);
  });

  it("has a 404 page that offers search and the calendar", () => {
    const $ = loadPage(site, "/404.html");
    expect(texts($, "h1")).toEqual(["This page is not in the archive"]);
    expect(hrefs($, "main a")).toEqual(["/search/", "/calendar/", "/years/", "/topics/", "/"]);
  });

  it("writes a JSON document for each day, with its events by kind", async () => {
    const doc = JSON.parse(await readFile(path.join(site, "api/v1/days/02-29.json"), "utf8")) as {
      label: string;
      count: number;
      sections: { heading: string; events: { path: string; year: string }[] }[];
    };
    expect([doc.label, doc.count]).toEqual(["February 29", 3]);
    expect(doc.sections.map((s) => [s.heading, s.events.map((e) => `${e.year} ${e.path}`)])).toEqual([
      ["Events", ["2024 /events/leap-day-event/"]],
      ["Births", ["1996 /events/leap-day-birth/"]],
      ["Holidays and observances", ["1288 /events/leap-day-holiday/"]],
    ]);
  });
});

// Which build dates offer 29 February (28 February of a common year only): tests/unit/archive.test.ts.
describe("the home page on 28 February of a common year", () => {
  let work: string;
  beforeAll(async () => (work = await tempDir("discovery")));
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("also offers the 29 February events", async () => {
    const out = path.join(work, "feb28");
    expect((await buildSite(FIXTURE_ARCHIVE, out, { BUILD_DATE: "2023-02-28" })).code).toBe(0);
    const $ = loadPage(out, "/");
    expect(texts($, "h1")).toEqual(["On this day: February 28"]);
    expect(texts($, ".leap-day-note")).toEqual([
      "This year has no 29 February: see what happened on February 29 (3 entries).",
    ]);
    expect(hrefs($, ".leap-day-note a")).toEqual(["/february/29/"]);
  }, 60_000);

  it("and no other day does", () => {
    expect(loadPage(site, "/")(".leap-day-note")).toHaveLength(0);
  });
});
