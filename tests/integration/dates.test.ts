// Dates as historians write them (issue 19), built as CI builds them from
// tests/fixtures/dates-archive: Old Style dates on both their days, spans,
// uncertain and approximate dates, and events known only to their month or year.
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { brokenLinks, loadPage } from "../support/site-files.ts";
import { htmlErrors } from "../support/validate-html.ts";

const FIXTURE = path.join(REPO_ROOT, "tests/fixtures/dates-archive");
let work: string;
let site: string;

beforeAll(async () => {
  work = await tempDir("dates");
  site = path.join(work, "site");
  const run = await buildSite(FIXTURE, site);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}, 120_000);

afterAll(() => rm(work, { recursive: true, force: true }));

const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text().replace(/\s+/g, " ").trim())
    .get();
const titlesOn = (url: string) => texts(loadPage(site, url), ".event-title");

describe("day pages", () => {
  it("list an Old Style date on its Julian and its Gregorian day, each labelled", () => {
    expect(titlesOn("/february/11/")).toEqual(["George Washington is born (O.S.)"]);
    expect(titlesOn("/february/22/")).toEqual(["George Washington is born (N.S.)"]);
    expect(titlesOn("/october/25/")).toEqual(["The October Revolution (O.S.)"]);
    expect(titlesOn("/november/7/")).toEqual(["The October Revolution (N.S.)"]);
    // 29 February 1700 (Julian) is 11 March 1700 (Gregorian).
    expect(titlesOn("/february/29/")).toEqual(["A Julian leap day in England (O.S.)"]);
    expect(titlesOn("/march/11/")).toEqual(["A Julian leap day in England (N.S.)"]);
  });

  it("list a span on its first day only, and a BCE approximate date on its day", () => {
    expect(titlesOn("/june/30/")).toEqual(["The Battle of Gettysburg"]);
    for (const url of ["/july/1/", "/july/3/"]) expect(titlesOn(url)).toEqual([]);
    expect(titlesOn("/september/12/")).toEqual(["The Battle of Marathon"]);
    expect(titlesOn("/july/20/")).toEqual(["Apollo 11 lands on the Moon"]);
  });

  it("never list an event known only to its year or month", () => {
    for (const url of ["/january/1/", "/september/1/"]) expect(titlesOn(url)).toEqual([]);
  });
});

describe("year and month pages", () => {
  const undated = (url: string) => texts(loadPage(site, url), ".date-unknown .dated-list li");

  it("list year-only and month-only events under 'date unknown'", () => {
    expect(undated("/years/1757/")).toEqual(["1757? Alexander Hamilton is born birth"]);
    expect(undated("/years/1455/")).toEqual(["1455 A year-only event"]);
    expect(undated("/years/1666/")).toEqual(["September 1666 A month-only event"]);
    expect(undated("/september/")).toEqual(["September 1666 A month-only event"]);
    expect(undated("/january/")).toEqual([]);
  });

  it("show each date in words, both calendars for an Old Style date", () => {
    const dated = (url: string) => texts(loadPage(site, url), ".dated-list-date");
    expect(dated("/years/1732/")).toEqual(["11 February 1732 (O.S.) · 22 February 1732 (N.S.)"]);
    expect(dated("/years/1917/")).toEqual(["25 October 1917 (O.S.) · 7 November 1917 (N.S.)"]);
    expect(dated("/years/1863/")).toEqual(["30 June – 3 July 1863"]);
    expect(dated("/years/1862/")).toEqual(["31 December 1862 – 2 January 1863"]);
    expect(dated("/years/490-bc/")).toEqual(["c. 12 September 490 BC"]);
  });
});

describe("event pages", () => {
  const meta = (slug: string) => texts(loadPage(site, `/events/${slug}/`), ".event-meta")[0];

  it("show the whole date, and the day page only where one lists the event", () => {
    expect(meta("washington-born")).toBe("11 February 1732 (O.S.) · 22 February 1732 (N.S.) · 1732 · February 11");
    expect(meta("gettysburg")).toBe("30 June – 3 July 1863 · 1863 · June 30");
    expect(meta("hamilton-born")).toBe("1757? · 1757");
    expect(meta("month-only")).toBe("September 1666 · 1666");
    expect(meta("moon-landing")).toBe("20 July 1969");
    expect(texts(loadPage(site, "/events/washington-born/"), ".source-list li")).toEqual([
      "A source (accessed 1 December 2026) · archived copy",
    ]);
    const $ = loadPage(site, "/events/hamilton-born/");
    expect(texts($, ".breadcrumbs a")).toEqual(["Home", "Years", "1757", "Alexander Hamilton is born"]);
  });
});

describe("JSON-LD", () => {
  const about = (slug: string) =>
    (JSON.parse(loadPage(site, `/events/${slug}/`)('script[type="application/ld+json"]').text()) as { about: object })
      .about;

  it("gives schema.org's dates to the precision known, an Old Style date in New Style, and the Wikidata item", () => {
    expect(about("washington-born")).toMatchObject({
      startDate: "1732-02-22",
      sameAs: "https://www.wikidata.org/wiki/Q23",
    });
    expect(about("october-revolution")).toMatchObject({ startDate: "1917-11-07" });
    expect(about("gettysburg")).toMatchObject({ startDate: "1863-06-30", endDate: "1863-07-03" });
    expect(about("hamilton-born")).toMatchObject({ startDate: "1757" });
    expect(about("month-only")).toMatchObject({ startDate: "1666-09" });
    expect(about("marathon")).toMatchObject({ startDate: "-0489-09-12" });
    expect(about("moon-landing")).toEqual({
      "@type": "Event",
      name: "Apollo 11 lands on the Moon",
      startDate: "1969-07-20",
    });
  });
});

describe("the API", () => {
  const doc = (slug: string) =>
    JSON.parse(readFileSync(path.join(site, `api/v1/events/${slug}.json`), "utf8")) as Record<string, unknown>;

  it("gives each date as EDTF with its calendar and precision, and an Old Style date's two days", () => {
    expect(doc("washington-born")).toMatchObject({
      date: "1732-02-11",
      edtf: "1732-02-11",
      calendar: "julian",
      precision: "day",
      oldStyle: "1732-02-11",
      newStyle: "1732-02-22",
      sources: [
        {
          title: "A source",
          url: "https://example.org/washington",
          accessed: "2026-12-01",
          archiveUrl: "https://web.archive.org/web/2026/https://example.org/washington",
        },
      ],
    });
    expect(doc("hamilton-born")).toMatchObject({ edtf: "1757?", calendar: "gregorian", precision: "year" });
    expect(doc("gettysburg")).toMatchObject({ edtf: "1863-06-30/1863-07-03", precision: "day" });
    expect(doc("marathon")).toMatchObject({ edtf: "-0489-09-12~", calendar: "julian" });
    expect(doc("moon-landing")).not.toHaveProperty("oldStyle");
    const day = JSON.parse(readFileSync(path.join(site, "api/v1/days/02-22.json"), "utf8")) as {
      sections: { events: { slug: string; style?: string }[] }[];
    };
    expect(day.sections[0]!.events).toMatchObject([{ slug: "washington-born", style: "N.S." }]);
  });
});

describe("the whole site", () => {
  it("builds every output without a crash: the calendar, the feeds and the API name each event", () => {
    const ics = readFileSync(path.join(site, "calendar.ics"), "utf8");
    for (const title of ["George Washington is born", "The Battle of Gettysburg"]) expect(ics).toContain(title);
    const events = JSON.parse(readFileSync(path.join(site, "api/v1/events.json"), "utf8")) as { events: unknown[] };
    expect(events.events).toHaveLength(10);
  });

  it("puts an Old Style date on its New Style day in calendar.ics and Wikimedia's feed, a span over its days, and a date without a day in neither", () => {
    const ics = readFileSync(path.join(site, "calendar.ics"), "utf8").replace(/\r\n /g, "");
    const vevent = (slug: string) => ics.split("BEGIN:VEVENT").find((v) => v.includes(`UID:${slug}@`));
    expect(vevent("washington-born")).toContain("DTSTART;VALUE=DATE:20000222");
    expect(vevent("october-revolution")).toContain("DTSTART;VALUE=DATE:20001107");
    // A span recurs over its days: DTEND is the day after the last.
    expect(vevent("gettysburg")).toMatch(/DTSTART;VALUE=DATE:20000630\s+DTEND;VALUE=DATE:20000704\s/);
    expect(vevent("stones-river")).toMatch(/DTSTART;VALUE=DATE:20001231\s+DTEND;VALUE=DATE:20010103\s/);
    expect(vevent("moon-landing")).toMatch(/DTSTART;VALUE=DATE:20000720\s+DTEND;VALUE=DATE:20000721\s/);
    for (const slug of ["printing-press", "month-only", "hamilton-born"]) expect(vevent(slug)).toBeUndefined();
    const births = (day: string) =>
      (
        JSON.parse(readFileSync(path.join(site, `api/feed/onthisday/births/${day}.json`), "utf8")) as {
          births: { text: string }[];
        }
      ).births.map((b) => b.text);
    expect(births("02/22")).toEqual(["George Washington is born"]);
    expect(births("02/11")).toEqual([]);
  });

  it("is valid HTML, with no broken links", async () => {
    expect(await htmlErrors(site)).toEqual([]);
    expect(brokenLinks(site)).toEqual([]);
  }, 60_000);
});
