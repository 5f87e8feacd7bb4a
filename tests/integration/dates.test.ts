// Dates as historians write them (issue 19), built as CI builds them from
// tests/fixtures/dates-archive: Old Style dates on both their days, spans,
// uncertain and approximate dates, and events known only to their month or year.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { searchDocument } from "../../src/search/search-index.ts";
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
    expect(titlesOn("/january/1/")).toEqual(["The Emancipation Proclamation takes effect"]);
    expect(titlesOn("/september/1/")).toEqual([]);
  });
});

describe("year and month pages", () => {
  const undated = (url: string) => texts(loadPage(site, url), ".date-unknown .dated-list li");

  it("list year-only and month-only events under 'date unknown'", () => {
    expect(undated("/years/1757/")).toEqual(["1757? Alexander Hamilton is born Birth"]);
    expect(undated("/years/1455/")).toEqual(["1455 A year-only event"]);
    expect(undated("/years/1666/")).toEqual(["September 1666 A month-only event"]);
    expect(undated("/september/")).toEqual(["September 1666 A month-only event"]);
    expect(undated("/january/")).toEqual([]);
  });

  it("show each date in words, both calendars for an Old Style date", () => {
    const dated = (url: string) => texts(loadPage(site, url), ".dated-list-date");
    expect(dated("/years/1732/")).toEqual(["11 February 1732 (O.S.) · 22 February 1732 (N.S.)"]);
    expect(dated("/years/1917/")).toEqual(["25 October 1917 (O.S.) · 7 November 1917 (N.S.)"]);
    expect(dated("/years/1863/")).toEqual(["1 January 1863", "30 June – 3 July 1863"]);
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
    expect(events.events).toHaveLength(21);
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

// Every output of the fixture, with the values each must carry (issue 19's "Tests").
const read = (file: string) => readFileSync(path.join(site, file), "utf8");
const json = <T = Record<string, unknown>>(file: string) => JSON.parse(read(file)) as T;
const YEAR_OR_MONTH_ONLY = ["printing-press", "month-only", "hamilton-born"];

describe("the API, every document", () => {
  const doc = (slug: string) => json(`api/v1/events/${slug}.json`);
  type DayDoc = { sections: { events: { slug: string; style?: string; dateWords: string }[] }[] };
  const listed = (key: string) => json<DayDoc>(`api/v1/days/${key}.json`).sections.flatMap((s) => s.events);

  it("gives the October Revolution both its days, and each day document its style", () => {
    const both = { oldStyle: "1917-10-25", newStyle: "1917-11-07" };
    expect(doc("october-revolution")).toMatchObject({
      date: "1917-10-25",
      edtf: "1917-10-25",
      calendar: "julian",
      precision: "day",
      ...both,
      dateWords: "25 October 1917 (O.S.) · 7 November 1917 (N.S.)",
    });
    expect(listed("10-25")).toMatchObject([{ slug: "october-revolution", style: "O.S.", ...both }]);
    expect(listed("11-07")).toMatchObject([{ slug: "october-revolution", style: "N.S.", ...both }]);
    const index = json<{ events: { slug: string }[] }>("api/v1/events.json").events;
    expect(index.find((e) => e.slug === "october-revolution")).toMatchObject(both);
    expect(doc("julian-leap-day-1700")).toMatchObject({ oldStyle: "1700-02-29", newStyle: "1700-03-11" });
  });

  it("puts a year-only or month-only event in no day document, and links a day page only where one lists the event", () => {
    const everyDay = readdirSync(path.join(site, "api/v1/days")).flatMap((file) =>
      listed(file.replace(".json", "")).map((e) => e.slug),
    );
    expect(everyDay).toContain("gettysburg");
    for (const slug of YEAR_OR_MONTH_ONLY) {
      expect(everyDay).not.toContain(slug);
      expect(doc(slug)).not.toHaveProperty("dayPage");
    }
    expect(doc("printing-press")).toMatchObject({ precision: "year", yearPage: { path: "/years/1455/" } });
    expect(doc("month-only")).toMatchObject({ precision: "month", yearPage: { path: "/years/1666/" } });
    expect(doc("gettysburg")).toMatchObject({ dayPage: { path: "/june/30/" } });
    expect(doc("washington-born")).toMatchObject({ dayPage: { path: "/february/11/" } });
    // The published schema says so: dayPage is not required.
    const schema = json<{ required: string[]; properties: Record<string, unknown> }>("api/v1/schemas/event.json");
    expect(schema.properties).toHaveProperty("dayPage");
    expect(schema.required).toContain("yearPage");
    expect(schema.required).not.toContain("dayPage");
  });

  it("gives related events their dates in words, a span whole", () => {
    expect(doc("emancipation-proclamation")).toMatchObject({
      related: [
        { date: "1862-12-31", dateWords: "31 December 1862 – 2 January 1863", text: "Battle of Stones River" },
        { date: "1863-06-30", dateWords: "30 June – 3 July 1863", text: "The Battle of Gettysburg" },
      ],
    });
    expect(doc("gettysburg")).toMatchObject({
      related: [{ date: "1863-01-01", dateWords: "1 January 1863", path: "/events/emancipation-proclamation/" }],
    });
    expect(doc("shakespeare-born")).toMatchObject({
      edtf: "1564-04-23?",
      calendar: "julian",
      precision: "day",
      dateWords: "23 April 1564?",
    });
  });
});

describe("Wikimedia's feed", () => {
  type Item = { text: string; year: number; pages: { description: string }[] };
  const feed = (type: string, day: string) =>
    json<Record<string, Item[]>>(`api/feed/onthisday/${type}/${day}.json`)[type];

  it("lists an Old Style date on its New Style day, a BCE year as Wikimedia writes it, and the date in words", () => {
    expect(feed("events", "11/07")).toMatchObject([
      {
        text: "The October Revolution",
        year: 1917,
        pages: [{ description: "25 October 1917 (O.S.) · 7 November 1917 (N.S.)" }],
      },
    ]);
    expect(feed("events", "10/25")).toEqual([]);
    expect(feed("events", "03/11")).toMatchObject([{ text: "A Julian leap day in England", year: 1700 }]);
    expect(feed("events", "02/29")).toEqual([]);
    expect(feed("events", "09/12")).toMatchObject([
      { text: "The Battle of Marathon", year: -490, pages: [{ description: "c. 12 September 490 BC" }] },
    ]);
    expect(feed("events", "06/30")).toMatchObject([
      { text: "The Battle of Gettysburg", year: 1863, pages: [{ description: "30 June – 3 July 1863" }] },
    ]);
    expect(feed("births", "04/23")).toMatchObject([{ year: 1564, pages: [{ description: "23 April 1564?" }] }]);
  });
});

describe("calendar.ics", () => {
  const ics = () => read("calendar.ics").replace(/\r\n /g, "");
  const vevent = (slug: string) =>
    ics()
      .split("BEGIN:VEVENT")
      .find((v) => v.includes(`UID:${slug}@`)) ?? "";

  it("recurs each date on its New Style day, and says the date in words without doubled punctuation", () => {
    expect(vevent("julian-leap-day-1700")).toMatch(/DTSTART;VALUE=DATE:20000311\s+DTEND;VALUE=DATE:20000312\s/);
    expect(vevent("marathon")).toContain("DTSTART;VALUE=DATE:20000912");
    expect(vevent("washington-born")).toContain(
      "DESCRIPTION:11 February 1732 (O.S.) · 22 February 1732 (N.S.). Born at Popes Creek\\, Virginia",
    );
    expect(vevent("shakespeare-born")).toContain(
      "DESCRIPTION:23 April 1564? Baptised in Stratford-upon-Avon on 26 April\\; the 23rd is tradition.",
    );
    expect(vevent("marathon")).toContain("DESCRIPTION:c. 12 September 490 BC. Athens defeats");
    // The summary's year keeps the date's marks, as its words do.
    expect(vevent("marathon")).toContain("SUMMARY:c. 490 BC: The Battle of Marathon");
    expect(vevent("shakespeare-born")).toContain("SUMMARY:1564?: William Shakespeare is born");
    expect(vevent("moon-landing")).toContain("SUMMARY:1969: Apollo 11 lands on the Moon");
    expect(ics()).not.toMatch(/\?\./);
  });
});

describe("the Atom feed", () => {
  it("names the feed's author, which RFC 4287 requires when its entries name none", () => {
    const $ = load(read("feed.xml"), { xml: true });
    expect($("feed > author > name").text()).not.toBe("");
    expect($("entry > author")).toHaveLength(0);
  });

  it("leads each summary with the date in words, a '?' ending it without a full stop", () => {
    const $ = load(read("feed.xml"), { xml: true });
    const summaries = new Map(
      $("entry")
        .map((_, el) => [[$(el).find("title").text(), $(el).find("summary").text()]] as [string, string][])
        .get(),
    );
    expect(summaries.get("1564?: William Shakespeare is born")).toBe(
      "23 April 1564? Baptised in Stratford-upon-Avon on 26 April; the 23rd is tradition.",
    );
    expect(summaries.get("1757?: Alexander Hamilton is born")).toBe(
      "1757? Born on Nevis; his birth year is uncertain.",
    );
    expect(summaries.get("c. 490 BC: The Battle of Marathon")).toMatch(/^c\. 12 September 490 BC\. /);
    expect(summaries.get("1863: The Battle of Gettysburg")).toBe(
      "30 June – 3 July 1863. Three days of fighting in Pennsylvania, here spanning a month end.",
    );
    expect(summaries.size).toBe(21);
    for (const summary of summaries.values()) expect(summary).not.toMatch(/\?\./);
  });
});

describe("JSON-LD, every kind of date", () => {
  const about = (slug: string) =>
    (JSON.parse(loadPage(site, `/events/${slug}/`)('script[type="application/ld+json"]').text()) as { about: object })
      .about;

  it("gives an Old Style leap day in New Style, a span across a year end, an uncertain day as its day", () => {
    expect(about("julian-leap-day-1700")).toMatchObject({ startDate: "1700-03-11" });
    expect(about("stones-river")).toMatchObject({ startDate: "1862-12-31", endDate: "1863-01-02" });
    expect(about("printing-press")).toMatchObject({ startDate: "1455" });
    expect(about("printing-press")).not.toHaveProperty("endDate");
    expect(about("shakespeare-born")).toMatchObject({ startDate: "1564-04-23" });
  });
});

describe("also on this day and related events", () => {
  it("shows no 'also on' for a date without a day: it is on no day page", () => {
    // A year-only event's first day is 1 January, whose page lists the Emancipation Proclamation, not it.
    expect(loadPage(site, "/events/printing-press/")("#also-heading")).toHaveLength(0);
    expect(loadPage(site, "/events/month-only/")("#also-heading")).toHaveLength(0);
    expect(loadPage(site, "/events/emancipation-proclamation/")("#also-heading")).toHaveLength(0);
  });

  it("shows related events both ways with their whole dates", () => {
    expect(texts(loadPage(site, "/events/emancipation-proclamation/"), ".related-date")).toEqual([
      "31 December 1862 – 2 January 1863",
      "30 June – 3 July 1863",
    ]);
    expect(texts(loadPage(site, "/events/stones-river/"), ".related-date")).toEqual(["1 January 1863"]);
  });
});

describe("search", () => {
  it("files each event under its century, a BCE approximate date and a year-only one included; its date leads a sentence", async () => {
    const { archive } = await loadArchive(FIXTURE, { buildDate: { year: 2026, month: 12, day: 1 } });
    const indexed = (slug: string) => load(searchDocument(archive!.bySlug.get(slug)!, "en"));
    const century = (slug: string) => indexed(slug)('meta[data-pagefind-filter="century[content]"]').attr("content");
    expect(century("marathon")).toBe("5th century BC");
    expect(century("printing-press")).toBe("15th century");
    expect(century("month-only")).toBe("17th century");
    expect(century("washington-born")).toBe("18th century");
    expect(century("october-revolution")).toBe("20th century");
    expect(indexed("hamilton-born")("p").first().text()).toBe("1757? Born on Nevis; his birth year is uncertain.");
  });
});

describe("the calendar and month pages", () => {
  it("count each day's listings: an Old Style date on both its days, a date without a day on none", () => {
    const $ = loadPage(site, "/calendar/");
    const count = (label: string) => $(`a[aria-label^="${label},"]`).attr("data-count") ?? "";
    for (const day of ["February 11", "February 22", "October 25", "November 7", "June 30", "January 1"]) {
      expect(count(day), day).toBe("1");
    }
    for (const day of ["September 1", "July 1", "July 3"]) expect(count(day), day).toBe("");
  });

  it("label an Old Style date's listing on the month page as the day page does", () => {
    const highlights = (url: string) => texts(loadPage(site, url), ".month-day");
    expect(highlights("/february/")).toEqual([
      "February 11 1732 George Washington is born (O.S.)",
      "February 22 1732 George Washington is born (N.S.)",
      "February 29 1700 A Julian leap day in England (O.S.)",
    ]);
    expect(highlights("/september/")).toEqual(["September 12 490 BC The Battle of Marathon"]);
  });
});

describe("topic pages", () => {
  it("show the date in words, an uncertain day with its '?'", () => {
    const $ = loadPage(site, "/topics/theatre/");
    expect(texts($, ".dated-list li")).toEqual(["23 April 1564? William Shakespeare is born Birth"]);
  });
});

// EDTF level 1 beyond days, months and years: each form through every output.
describe("seasons, X digits, open ends and ends of different precisions", () => {
  const undated = (url: string) => texts(loadPage(site, url), ".date-unknown .dated-list li");
  const meta = (slug: string) => texts(loadPage(site, `/events/${slug}/`), ".event-meta")[0];
  const doc = (slug: string) => json(`api/v1/events/${slug}.json`);
  const about = (slug: string) =>
    (JSON.parse(loadPage(site, `/events/${slug}/`)('script[type="application/ld+json"]').text()) as { about: object })
      .about;
  const vevent = (slug: string) =>
    read("calendar.ics")
      .replace(/\r\n /g, "")
      .split("BEGIN:VEVENT")
      .find((v) => v.includes(`UID:${slug}@`));
  const WITHOUT_A_DAY = [
    "year-without-summer",
    "borrowdale-graphite",
    "undated-letter",
    "unknown-month",
    "unknown-day",
  ];

  it("lists a season, a decade, a century and X digits on their (first) year's page under 'date unknown'", () => {
    expect(undated("/years/1816/")).toEqual(["Summer 1816 The Year Without a Summer"]);
    expect(undated("/years/1560/")).toEqual(["1560s Graphite is found at Borrowdale"]);
    expect(undated("/years/1800/")).toEqual(["1800s An undated letter"]);
    expect(undated("/years/1854/")).toEqual(["1854 A year with an unknown month"]);
    expect(undated("/years/1855/")).toEqual(["July 1855 A month with an unknown day"]);
    expect(undated("/years/1864/")).toEqual(["May – 24 June 1864 The Overland Campaign"]);
  });

  it("lists a month with an unknown day, and a span from a month, on the month page; a season on none", () => {
    expect(undated("/july/")).toEqual(["July 1855 A month with an unknown day"]);
    expect(undated("/may/")).toEqual(["May – 24 June 1864 The Overland Campaign"]);
    expect(undated("/june/")).toEqual([]);
  });

  it("lists an open or unknown end's interval on its known day, and says which end is open", () => {
    expect(titlesOn("/june/9/")).toEqual(["The Siege of Petersburg begins"]);
    expect(titlesOn("/april/9/")).toEqual(["The Army of Northern Virginia fights on"]);
    expect(titlesOn("/april/12/")).toEqual(["The Civil War begins"]);
    expect(meta("petersburg")).toBe("from 9 June 1864 · 1864 · June 9");
    expect(meta("appomattox")).toBe("until 9 April 1865 · 1865 · April 9");
    expect(meta("fort-sumter")).toBe("12 April 1861 – ? · 1861 · April 12");
    expect(meta("year-without-summer")).toBe("Summer 1816 · 1816");
  });

  it("gives the API each form's EDTF and precision, and the page that lists it", () => {
    expect(doc("year-without-summer")).toMatchObject({
      edtf: "1816-22",
      precision: "season",
      dateWords: "Summer 1816",
    });
    expect(doc("borrowdale-graphite")).toMatchObject({
      edtf: "156X",
      precision: "decade",
      dateWords: "1560s",
      yearPage: { path: "/years/1560/" },
    });
    expect(doc("undated-letter")).toMatchObject({ edtf: "18XX", precision: "century", dateWords: "1800s" });
    expect(doc("unknown-month")).toMatchObject({ edtf: "1854-XX", precision: "year", dateWords: "1854" });
    expect(doc("unknown-day")).toMatchObject({
      edtf: "1855-07-XX",
      precision: "month",
      dateWords: "July 1855",
      monthPage: { path: "/july/" },
      yearPage: { path: "/years/1855/" },
    });
    expect(doc("month-only")).toMatchObject({ monthPage: { path: "/september/" } });
    expect(doc("printing-press")).not.toHaveProperty("monthPage");
    expect(doc("year-without-summer")).not.toHaveProperty("monthPage");
    expect(doc("overland-campaign")).toMatchObject({
      edtf: "1864-05/1864-06-24",
      precision: "month",
      monthPage: { path: "/may/" },
    });
    expect(doc("petersburg")).toMatchObject({ edtf: "1864-06-09/..", precision: "day", dayPage: { path: "/june/9/" } });
    expect(doc("appomattox")).toMatchObject({ edtf: "../1865-04-09", dayPage: { path: "/april/9/" } });
    expect(doc("fort-sumter")).toMatchObject({ edtf: "1861-04-12/", dateWords: "12 April 1861 – ?" });
    for (const slug of WITHOUT_A_DAY) expect(doc(slug)).not.toHaveProperty("dayPage");
    const schema = json<{ properties: Record<string, { enum?: string[] }> }>("api/v1/schemas/event.json");
    expect(schema.properties.precision!.enum).toEqual(["day", "month", "season", "year", "decade", "century"]);
    expect(schema.properties).toHaveProperty("monthPage");
  });

  it("gives schema.org the precision known, and only an open interval's known end", () => {
    expect(about("year-without-summer")).toMatchObject({ startDate: "1816" });
    // ISO 8601's century (18 is 1800–1899); a decade has no ISO 8601 form: its century.
    expect(about("undated-letter")).toMatchObject({ startDate: "18" });
    expect(about("borrowdale-graphite")).toMatchObject({ startDate: "15" });
    expect(about("unknown-day")).toMatchObject({ startDate: "1855-07" });
    expect(about("petersburg")).toMatchObject({ startDate: "1864-06-09" });
    expect(about("petersburg")).not.toHaveProperty("endDate");
    expect(about("appomattox")).toMatchObject({ endDate: "1865-04-09" });
    expect(about("appomattox")).not.toHaveProperty("startDate");
    expect(about("overland-campaign")).toMatchObject({ startDate: "1864-05", endDate: "1864-06-24" });
  });

  it("puts only dates known to the day in calendar.ics: an open interval on its known day alone", () => {
    for (const slug of [...WITHOUT_A_DAY, "overland-campaign"]) expect(vevent(slug)).toBeUndefined();
    expect(vevent("petersburg")).toMatch(/DTSTART;VALUE=DATE:20000609\s+DTEND;VALUE=DATE:20000610\s/);
    expect(vevent("appomattox")).toMatch(/DTSTART;VALUE=DATE:20000409\s+DTEND;VALUE=DATE:20000410\s/);
    expect(vevent("petersburg")).toContain("DESCRIPTION:from 9 June 1864. Union troops");
  });

  it("gives the Atom feed and Wikimedia's feed the same words", () => {
    const $ = load(read("feed.xml"), { xml: true });
    const entry = (title: string) =>
      $("entry")
        .filter((_, el) => $(el).find("title").text() === title)
        .find("summary")
        .text();
    expect(entry("1560s: Graphite is found at Borrowdale")).toBe(
      "1560s. A deposit of graphite in Cumberland, known only to its decade.",
    );
    expect(entry("1816: The Year Without a Summer")).toMatch(/^Summer 1816\. Frost/);
    const events = json<{ events: { text: string; pages: { description: string }[] }[] }>(
      "api/feed/onthisday/events/06/09.json",
    ).events;
    expect(events).toMatchObject([
      { text: "The Siege of Petersburg begins", pages: [{ description: "from 9 June 1864" }] },
    ]);
  });

  it("files a decade or century in search under the century of most of its years", async () => {
    const { archive } = await loadArchive(FIXTURE, { buildDate: { year: 2026, month: 12, day: 1 } });
    const century = (slug: string) =>
      load(searchDocument(archive!.bySlug.get(slug)!, "en"))('meta[data-pagefind-filter="century[content]"]').attr(
        "content",
      );
    expect(century("undated-letter")).toBe("19th century");
    expect(century("borrowdale-graphite")).toBe("16th century");
    expect(century("year-without-summer")).toBe("19th century");
  });
});
