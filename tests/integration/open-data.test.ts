// The archive as open data: the JSON API against its own published JSON
// Schemas, the Wikimedia-shaped feed, Atom, iCalendar, the metadata pages give
// machines (canonical, OpenGraph, JSON-LD), sitemap and robots, and all of it
// again for a site that lives under a path prefix.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { icalendar } from "../../src/api/icalendar.ts";
import type { DayDocument, EventDocument, EventsIndex, WikimediaFeed, WikimediaItem } from "../../src/api/schemas.ts";
import { CALENDAR_DAYS } from "../../src/archive/calendar.ts";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { readSite, siteSchema } from "../../src/site.ts";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { HOSTED_ORIGIN } from "../support/fixture-site.ts";
import { fileForUrl, listFiles, loadPage } from "../support/site-files.ts";

// ajv is CommonJS: Node's default import is module.exports, the class, which also carries itself as `.default`.
const Ajv2020 = Ajv2020Module.default;

const ORIGIN = HOSTED_ORIGIN;
const HOST = new URL(ORIGIN).host;
const PREFIXED_ORIGIN = "https://user.example.io";
const PREFIX = "/archive/";
const DEFAULT_LICENSE = siteSchema.parse({}).dataLicense;
const WIKIMEDIA_FEEDS = ["all", "events", "births", "deaths", "holidays"] as const;
const EVENT_SLUGS = [
  "caesar",
  "dmz-meeting",
  "hanoi-summit",
  "last-day",
  "leap-day-birth",
  "leap-day-event",
  "leap-day-holiday",
  "new-year",
  "singapore-summit",
  "vesuvius",
];

const readText = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const readJson = <T>(dir: string, file: string) => JSON.parse(readText(dir, file)) as T;
const jsonFilesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();

/** The output file an absolute URL of the site points at, or undefined. */
function fileForAbsolute(outputDir: string, url: string, origin: string, prefix = "/"): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== origin || !parsed.pathname.startsWith(prefix)) return undefined;
  return fileForUrl(outputDir, `/${parsed.pathname.slice(prefix.length)}`);
}

/** One validator per schema the build published at /api/v1/schemas/<name>.json. */
function publishedValidators(outputDir: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  // zod writes z.url() as format "uri" and startsWith() as format "starts_with" beside a pattern that does the check.
  ajv.addFormat("uri", { type: "string", validate: (value: string) => URL.canParse(value) });
  ajv.addFormat("starts_with", true);
  const compile = (name: string) => ajv.compile(readJson<object>(outputDir, `api/v1/schemas/${name}.json`));
  const validators = {
    day: compile("day"),
    event: compile("event"),
    events: compile("events"),
    onthisday: compile("onthisday"),
  };
  /** "" when valid, otherwise ajv's explanation. */
  const check = (name: keyof typeof validators, doc: unknown): string => {
    const validate = validators[name];
    return validate(doc) ? "" : ajv.errorsText(validate.errors);
  };
  return check;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["entry", "link", "url"].includes(name),
});

interface AtomLink {
  "@_href": string;
  "@_rel": string;
  "@_type": string;
}
interface AtomEntry {
  title: string;
  link: AtomLink[];
  id: string;
  published: string;
  updated: string;
  summary: string;
}
interface AtomFeed {
  feed: { title: string; link: AtomLink[]; id: string; updated: string; entry: AtomEntry[] };
}
interface Sitemap {
  urlset: { url: { loc: string }[] };
}

const RFC_3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** RFC 5545 TEXT escaping, written independently of src/api/icalendar.ts. */
const icsText = (value: string) =>
  value.replaceAll("\\", "\\\\").replaceAll(";", "\\;").replaceAll(",", "\\,").replaceAll("\n", "\\n");

/** Raw lines of an .ics file with folded lines joined again. */
const unfoldedLines = (raw: string) => raw.replace(/\r\n[ \t]/g, "").split("\r\n");

/** Every occurrence date ("YYYY-MM-DD") of a VEVENT up to and including a year. */
function occurrences(vevent: InstanceType<typeof ICAL.Component>, untilYear: number): string[] {
  const expansion = new ICAL.Event(vevent).iterator();
  const dates: string[] = [];
  for (let next = expansion.next(); next && next.year <= untilYear; next = expansion.next())
    dates.push(next.toString());
  return dates;
}

/** A root-relative URL from an HTML attribute; srcset lists several. */
function attributeUrls(name: string, value: string): string[] {
  return name === "srcset" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
}

describe(`the fixture archive built for ${ORIGIN}`, () => {
  // The run's shared build on Netlify, whose variables give it the address (tests/support/fixture-site.ts): read only.
  const hosted = inject("hostedSite");
  const { site } = hosted;
  let check: ReturnType<typeof publishedValidators>;
  const eventDoc = (slug: string) => readJson<EventDocument>(site, `api/v1/events/${slug}.json`);

  let work: string;

  beforeAll(async () => {
    expect(hosted.run.code).toBe(0);
    check = publishedValidators(site);
    work = await tempDir("open-data");
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  describe("the JSON API", () => {
    it("publishes a JSON Schema (draft 2020-12) for each kind of document", () => {
      expect(jsonFilesIn(path.join(site, "api/v1/schemas"))).toEqual([
        "day.json",
        "event.json",
        "events.json",
        "onthisday.json",
      ]);
      for (const name of ["day", "event", "events", "onthisday"]) {
        expect(readJson<{ $schema: string; type: string }>(site, `api/v1/schemas/${name}.json`)).toMatchObject({
          $schema: "https://json-schema.org/draft/2020-12/schema",
          type: "object",
        });
      }
    });

    it("has a day document for each of the 366 days, each valid against the day schema", () => {
      const files = jsonFilesIn(path.join(site, "api/v1/days"));
      expect(files).toEqual(CALENDAR_DAYS.map((d) => `${d.key}.json`));
      const docs = files.map((f) => readJson<DayDocument>(site, `api/v1/days/${f}`));
      expect(docs.map((d) => check("day", d)).filter(Boolean)).toEqual([]);
      expect(docs.map((d) => d.key)).toEqual(CALENDAR_DAYS.map((d) => d.key));
      expect(docs.reduce((sum, d) => sum + d.count, 0)).toBe(10);
      const leapDay = docs.find((d) => d.key === "02-29")!;
      expect(leapDay).toMatchObject({
        label: "February 29",
        path: "/february/29/",
        url: `${ORIGIN}/february/29/`,
        count: 3,
        license: DEFAULT_LICENSE,
      });
    });

    it("has an event document for each of the 10 events, each valid against the event schema", () => {
      const files = jsonFilesIn(path.join(site, "api/v1/events"));
      expect(files).toEqual(EVENT_SLUGS.map((s) => `${s}.json`));
      expect(EVENT_SLUGS.map((s) => check("event", eventDoc(s))).filter(Boolean)).toEqual([]);
    });

    it("checks documents for real: the published schemas refuse a wrong document", () => {
      const caesar = eventDoc("caesar");
      expect(check("event", caesar)).toBe("");
      expect(check("event", { ...caesar, url: "events/caesar/" })).toMatch(/url.*format "uri"/);
      expect(check("event", { ...caesar, path: "events/caesar/" })).toMatch(/path.*pattern/);
      expect(check("event", { ...caesar, kind: "coronation" })).toMatch(/kind.*allowed values/);
      expect(check("event", { ...caesar, unexpected: true })).toMatch(/additional properties/);
      const { license: _license, ...unlicensed } = caesar;
      expect(check("event", unlicensed)).toMatch(/license/);
      // The body once, as HTML, by default: the published schema says so both ways.
      const { bodyHtml: _bodyHtml, ...bodiless } = caesar;
      expect(check("event", bodiless)).toMatch(/bodyHtml/);
      expect(check("event", { ...caesar, body: "Markdown" })).toMatch(/additional properties/);
    });

    it("has an index of all 10 events that links the bulk export", () => {
      const index = readJson<EventsIndex>(site, "api/v1/events.json");
      expect(check("events", index)).toBe("");
      expect(index.count).toBe(10);
      expect(index.events.map((e) => e.slug).sort()).toEqual(EVENT_SLUGS);
      expect(index.export).toBe(`${ORIGIN}/api/v1/export.ndjson`);
      expect(fileForAbsolute(site, index.export!, ORIGIN)).toBe(path.join(site, "api/v1/export.ndjson"));
      expect(index.license).toEqual(DEFAULT_LICENSE);
    });

    it("exports every event document as one line of NDJSON, in the index's order", () => {
      const raw = readText(site, "api/v1/export.ndjson");
      expect(raw.endsWith("}\n")).toBe(true);
      const lines = raw.slice(0, -1).split("\n");
      expect(lines).toHaveLength(10);
      const docs = lines.map((line) => JSON.parse(line) as EventDocument);
      expect(docs.map((d) => check("event", d)).filter(Boolean)).toEqual([]);
      expect(docs.map((d) => d.slug)).toEqual(
        readJson<EventsIndex>(site, "api/v1/events.json").events.map((e) => e.slug),
      );
      for (const doc of docs) expect(doc).toEqual(eventDoc(doc.slug));
    });

    it("describes Caesar's death with an astronomical ISO date, the BC year, its addresses and the data license", () => {
      const caesar = eventDoc("caesar");
      expect(caesar).toMatchObject({
        slug: "caesar",
        title: "Julius Caesar is assassinated",
        kind: "death",
        date: "-0043-03-15",
        dateWords: "15 March 44 BC",
        year: "44 BC",
        location: "Rome",
        url: `${ORIGIN}/events/caesar/`,
        path: "/events/caesar/",
        api: `${ORIGIN}/api/v1/events/caesar.json`,
        yearPage: { path: "/years/44-bc/", url: `${ORIGIN}/years/44-bc/` },
        dayPage: { path: "/march/15/", url: `${ORIGIN}/march/15/` },
        photos: [],
        bodyHtml: expect.stringContaining("<p>"),
        license: DEFAULT_LICENSE,
      });
      expect(caesar.body).toBeUndefined();
      expect(DEFAULT_LICENSE).toEqual({ name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" });
      expect(caesar.photo).toBeUndefined();
      expect(caesar.thumbnail).toBeUndefined();
      // The document's own `api` address serves this very document, and its pages exist.
      expect(readFileSync(fileForAbsolute(site, caesar.api!, ORIGIN)!, "utf8")).toBe(
        readText(site, "api/v1/events/caesar.json"),
      );
      for (const link of [caesar, caesar.yearPage, caesar.dayPage!]) {
        expect(fileForUrl(site, link.path)).toBeDefined();
        expect(fileForAbsolute(site, link.url, ORIGIN)).toBe(fileForUrl(site, link.path));
      }
    });

    it("gives the Singapore summit its photo credits, image files, topics and related events both ways", () => {
      const summit = eventDoc("singapore-summit");
      expect(summit.photo).toMatchObject({
        alt: "Two leaders shake hands",
        caption: "The handshake.",
        photographer: "Shealah Craighead",
        location: "Singapore",
        source: "Wikimedia Commons",
        sourceUrl: "https://commons.wikimedia.org/",
        license: "Public domain",
      });
      expect(summit.photos.map(({ image: _image, ...credit }) => credit)).toEqual([
        {
          alt: "A row of flags",
          caption: "Flags at the venue.",
          photographer: "Fixture Photographer",
          source: "Fixture Source",
          license: "CC0",
        },
        {
          alt: "A second file with the same name",
          photographer: "Fixture Photographer",
          source: "Fixture Source",
          license: "CC0",
        },
      ]);
      for (const photo of [summit.photo!, ...summit.photos]) {
        const image = photo.image!;
        expect(image.large.url).toBe(ORIGIN + image.large.src);
        expect(fileForAbsolute(site, image.large.url, ORIGIN)).toBe(path.join(site, image.large.src));
        expect(image.social).toMatchObject({ width: 1200, height: 630, url: ORIGIN + image.social.src });
        expect(fileForAbsolute(site, image.social.url, ORIGIN)).toBeDefined();
        expect(image.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
        for (const source of image.sources)
          for (const src of attributeUrls("srcset", source.srcset)) expect(fileForUrl(site, src)).toBeDefined();
      }
      expect(summit.thumbnail?.src).toBe(summit.photo!.image!.large.src);
      expect(summit.topics).toEqual([
        { name: "diplomacy", path: "/topics/diplomacy/", url: `${ORIGIN}/topics/diplomacy/` },
      ]);
      expect(fileForUrl(site, summit.topics[0]!.path)).toBeDefined();
      expect(summit.related).toEqual([
        { date: "2018-05-24", dateWords: "24 May 2018", text: "Trump's letter calls the summit off" },
        {
          date: "2019-02-28",
          dateWords: "28 February 2019",
          text: "The Hanoi summit is cut short",
          path: "/events/hanoi-summit/",
          url: `${ORIGIN}/events/hanoi-summit/`,
        },
        {
          date: "2019-06-30",
          dateWords: "30 June 2019",
          text: "Trump steps into North Korea",
          path: "/events/dmz-meeting/",
          url: `${ORIGIN}/events/dmz-meeting/`,
        },
      ]);
      const backLink = {
        date: "2018-06-12",
        dateWords: "12 June 2018",
        text: "Donald Trump Meets Kim Jong-Un",
        path: "/events/singapore-summit/",
        url: `${ORIGIN}/events/singapore-summit/`,
      };
      // The DMZ entry names the summit itself; the Hanoi entry only gets the link back.
      expect(eventDoc("dmz-meeting").related).toEqual([backLink]);
      expect(eventDoc("hanoi-summit").related).toEqual([backLink]);
      expect(summit.sources).toEqual([{ title: "Joint statement", url: "https://example.org/joint-statement" }]);
      expect(summit.bodyHtml).not.toContain("<script>");
    });
  });

  describe("the Wikimedia-shaped On This Day feed", () => {
    const feed = (type: string, key: string) =>
      readJson<WikimediaFeed>(site, `api/feed/onthisday/${type}/${key.replace("-", "/")}.json`);

    it("has all five feeds for every day, each valid against the published onthisday schema", () => {
      const failures: string[] = [];
      let checked = 0;
      for (const type of WIKIMEDIA_FEEDS) {
        for (const day of CALENDAR_DAYS) {
          const doc = feed(type, day.key);
          const keys = type === "all" ? ["selected", "events", "births", "deaths", "holidays"] : [type];
          if (Object.keys(doc).join() !== keys.join())
            failures.push(`${type}/${day.key}: keys ${Object.keys(doc).join()}`);
          const problem = check("onthisday", doc);
          if (problem) failures.push(`${type}/${day.key}: ${problem}`);
          checked++;
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBe(5 * 366);
    });

    it("lists the 29 February birth the way Wikimedia does", () => {
      const all = feed("all", "02-29");
      // Wikimedia's "all" also has "selected": here the home page's pick (tests/integration/today.test.ts).
      expect(Object.keys(all)).toEqual(["selected", "events", "births", "deaths", "holidays"]);
      expect(all.births).toEqual([
        {
          text: "Birth of a leap-day child",
          year: 1996,
          pages: [
            {
              type: "standard",
              title: "leap-day-birth",
              displaytitle: "Birth of a leap-day child",
              normalizedtitle: "Birth of a leap-day child",
              titles: {
                canonical: "leap-day-birth",
                normalized: "Birth of a leap-day child",
                display: "Birth of a leap-day child",
              },
              description: "29 February 1996",
              extract: "Born on 29 February in a leap year.",
              extract_html: "<p>Born on 29 February in a leap year.</p>",
              lang: "en",
              dir: "ltr",
              content_urls: {
                desktop: { page: `${ORIGIN}/events/leap-day-birth/` },
                mobile: { page: `${ORIGIN}/events/leap-day-birth/` },
              },
            },
          ],
        },
      ]);
      expect(fileForAbsolute(site, `${ORIGIN}/events/leap-day-birth/`, ORIGIN)).toBeDefined();
      expect(all.events!.map((i) => [i.year, i.text])).toEqual([[2024, "A leap-day event in 2024"]]);
      expect(feed("events", "02-29")).toEqual({ events: all.events });
      expect(all.deaths).toEqual([]);
      expect(all.holidays!.map((i) => i.text)).toEqual(["Leap Day observance"]);
      expect(feed("births", "02-29")).toEqual({ births: all.births });
      expect(feed("holidays", "02-29")).toEqual({ holidays: all.holidays });
      expect(feed("deaths", "02-29")).toEqual({ deaths: [] });
    });

    it("gives holidays no year, and every other item a year and pages that exist", () => {
      const problems: string[] = [];
      for (const day of CALENDAR_DAYS) {
        const all = feed("all", day.key);
        const items: [string, WikimediaItem][] = WIKIMEDIA_FEEDS.slice(1).flatMap((type) =>
          (all[type as keyof WikimediaFeed] ?? []).map((item): [string, WikimediaItem] => [type, item]),
        );
        for (const [type, item] of items) {
          if (type === "holidays" ? "year" in item : !Number.isInteger(item.year))
            problems.push(`${day.key} ${type}: year ${item.year}`);
          for (const page of item.pages) {
            for (const url of [
              page.content_urls.desktop.page,
              page.content_urls.mobile.page,
              page.thumbnail?.source,
              page.originalimage?.source,
            ]) {
              if (url && !fileForAbsolute(site, url, ORIGIN)) problems.push(`${day.key} ${type}: ${url}`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it("numbers BCE years as Wikimedia does: 44 BC is -44, not ISO's -43", () => {
      expect(feed("deaths", "03-15")).toEqual({
        deaths: [expect.objectContaining({ text: "Julius Caesar is assassinated", year: -44 })],
      });
      expect(feed("all", "08-24").events!.map((i) => i.year)).toEqual([79]);
    });

    it("carries the photo of an illustrated event as thumbnail and original image", () => {
      const page = feed("events", "06-12").events![0]!.pages[0]!;
      const image = eventDoc("singapore-summit").photo!.image!;
      expect(page.thumbnail).toEqual({ source: image.large.url, width: image.large.width, height: image.large.height });
      expect(page.originalimage).toEqual({
        source: image.large.url,
        width: image.large.width,
        height: image.large.height,
      });
    });
  });

  describe("the Atom feed", () => {
    const atom = () => xml.parse(readText(site, "feed.xml")) as AtomFeed;

    it("describes itself with its title and absolute self link", () => {
      const { feed } = atom();
      expect(feed.title).toBe("Fixture Archive: new entries");
      expect(feed.id).toBe(`${ORIGIN}/`);
      expect(feed.link.map((l) => [l["@_rel"], l["@_href"], l["@_type"]])).toEqual([
        ["self", `${ORIGIN}/feed.xml`, "application/atom+xml"],
        ["alternate", `${ORIGIN}/`, "text/html"],
      ]);
      expect(feed.updated).toMatch(RFC_3339);
    });

    it("has all 10 entries, newest first, each with an absolute link, id, RFC 3339 dates and a summary", () => {
      const { feed } = atom();
      expect(feed.entry).toHaveLength(10);
      const slugs: string[] = [];
      for (const entry of feed.entry) {
        const link = entry.link[0]!;
        expect(entry.link).toHaveLength(1);
        expect(link["@_rel"]).toBe("alternate");
        expect(link["@_href"]).toMatch(new RegExp(`^${ORIGIN}/events/[a-z0-9-]+/$`));
        expect(fileForAbsolute(site, link["@_href"], ORIGIN)).toBeDefined();
        expect(entry.id).toBe(link["@_href"]);
        const slug = link["@_href"].split("/").at(-2)!;
        slugs.push(slug);
        const doc = eventDoc(slug);
        expect(entry.title).toBe(`${doc.year}: ${doc.title}`);
        expect(entry.summary).toBe(`${doc.dateWords}. ${doc.summary}`);
        expect(entry.updated).toMatch(RFC_3339);
        expect(entry.published).toBe(entry.updated);
      }
      expect([...slugs].sort()).toEqual(EVENT_SLUGS);
      // Newest first; entries added the same day in slug order.
      const order = feed.entry.map((e, i) => ({ updated: Date.parse(e.updated), slug: slugs[i]! }));
      for (const [i, e] of order.entries()) {
        const next = order[i + 1];
        if (next)
          expect(
            e.updated > next.updated || (e.updated === next.updated && e.slug < next.slug),
            `${e.slug} before ${next.slug}`,
          ).toBe(true);
      }
      expect(feed.updated).toBe(feed.entry[0]!.updated);
    });

    it("is announced in the head of the pages, as is the calendar", () => {
      const home = loadPage(site, "/");
      expect(home('link[rel="alternate"][type="application/atom+xml"]').attr("href")).toBe("/feed.xml");
      expect(home('link[rel="alternate"][type="text/calendar"]').attr("href")).toBe("/calendar.ics");
      expect(loadPage(site, "/events/caesar/")('link[rel="alternate"][type="application/atom+xml"]').attr("href")).toBe(
        "/feed.xml",
      );
    });
  });

  describe("calendar.ics", () => {
    const raw = () => readText(site, "calendar.ics");
    const vevents = () => new ICAL.Component(ICAL.parse(raw())).getAllSubcomponents("vevent");
    const byUid = () => new Map(vevents().map((v) => [String(v.getFirstPropertyValue("uid")), v]));

    it("is RFC 5545 text: CRLF line ends and lines of at most 75 octets", () => {
      const text = raw();
      expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
      const lines = text.slice(0, -2).split("\r\n");
      expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
      expect(
        lines.some((line) => line.startsWith(" ")),
        "some long line was folded",
      ).toBe(true);
      const calendar = new ICAL.Component(ICAL.parse(text));
      expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
      expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Fixture Archive");
    });

    it("has the 10 events as yearly all-day anniversaries with the year in the summary and an absolute URL", () => {
      const events = byUid();
      expect([...events.keys()].sort()).toEqual(EVENT_SLUGS.map((s) => `${s}@${HOST}`));
      for (const slug of EVENT_SLUGS) {
        const vevent = events.get(`${slug}@${HOST}`)!;
        const doc = eventDoc(slug);
        const start = vevent.getFirstProperty("dtstart")!;
        expect(start.type).toBe("date");
        const [, month, day] = doc.date.match(/(\d\d)-(\d\d)$/)!;
        expect(start.getFirstValue()!.toString()).toBe(`2000-${month}-${day}`);
        expect(vevent.getFirstProperty("dtend")!.type).toBe("date");
        expect((vevent.getFirstPropertyValue("rrule") as InstanceType<typeof ICAL.Recur>).freq).toBe("YEARLY");
        expect(vevent.getFirstPropertyValue("summary")).toBe(`${doc.year}: ${doc.title}`);
        expect(vevent.getFirstPropertyValue("description")).toBe(`${doc.dateWords}. ${doc.summary}\n${doc.url}`);
        expect(vevent.getFirstPropertyValue("url")).toBe(`${ORIGIN}/events/${slug}/`);
      }
      expect(events.get(`caesar@${HOST}`)!.getFirstPropertyValue("summary")).toBe(
        "44 BC: Julius Caesar is assassinated",
      );
    });

    it("escapes TEXT values, so the raw lines are the escaped fixture text", () => {
      const lines = unfoldedLines(raw());
      for (const slug of EVENT_SLUGS) {
        const doc = eventDoc(slug);
        expect(lines).toContain(`SUMMARY:${icsText(`${doc.year}: ${doc.title}`)}`);
        expect(lines).toContain(`DESCRIPTION:${icsText(`${doc.dateWords}. ${doc.summary}\n${doc.url}`)}`);
      }
      expect(lines).toContain(
        `DESCRIPTION:15 March 44 BC. Caesar is stabbed to death in the Theatre of Pompey.\\n${ORIGIN}/events/caesar/`,
      );
    });

    it("escapes commas, semicolons and backslashes and folds between characters, never inside one", async () => {
      // The fixture has no such text: the same function, over a one-entry archive.
      const content = path.join(work, "ics-content");
      await mkdir(path.join(content, "events"), { recursive: true });
      const title = "Peace, at last; the treaty\\accord is signed — «Frieden» 平和条約 ✍️";
      const summary = `${"Envoys sign in Münster, Osnabrück; ".repeat(4)}ending the war.`;
      await writeFile(
        path.join(content, "events", "treaty.md"),
        `---\ntitle: ${JSON.stringify(title)}\ndate: 1648-10-24\nsummary: ${JSON.stringify(summary)}\nsources:\n  - title: The treaty\n---\n`,
      );
      const { archive, problems } = await loadArchive(content, { buildDate: { year: 2024, month: 2, day: 29 } });
      expect(problems).toEqual([]);
      const text = icalendar(archive!, readSite(content, { SITE_URL: ORIGIN }));
      const lines = text.slice(0, -2).split("\r\n");
      expect(lines.filter((line) => Buffer.byteLength(line) > 75)).toEqual([]);
      expect(lines.join("")).not.toContain("\uFFFD");
      expect(unfoldedLines(text)).toContain(
        `SUMMARY:1648: Peace\\, at last\\; the treaty\\\\accord is signed — «Frieden» 平和条約 ✍️`,
      );
      expect(unfoldedLines(text)).toContain(
        `DESCRIPTION:${icsText(`24 October 1648. ${summary}\n${ORIGIN}/events/treaty/`)}`,
      );
      const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstPropertyValue("summary")).toBe(`1648: ${title}`);
      expect(vevent.getFirstPropertyValue("description")).toBe(`24 October 1648. ${summary}\n${ORIGIN}/events/treaty/`);
    });

    it("repeats a 29 February event on the last day of February, so common years keep it", () => {
      const events = byUid();
      for (const slug of ["leap-day-event", "leap-day-birth", "leap-day-holiday"]) {
        const vevent = events.get(`${slug}@${HOST}`)!;
        expect(String(vevent.getFirstPropertyValue("dtstart"))).toBe("2000-02-29");
        expect(String(vevent.getFirstPropertyValue("dtend"))).toBe("2000-03-01");
        const dates = occurrences(vevent, 2100);
        expect(dates.filter((d) => d.startsWith("2025-"))).toEqual(["2025-02-28"]);
        expect(dates.filter((d) => d.startsWith("2028-"))).toEqual(["2028-02-29"]);
        expect(dates.filter((d) => d >= "2024")).toHaveLength(2100 - 2024 + 1);
        expect(dates.filter((d) => d.startsWith("2100-"))).toEqual(["2100-02-28"]);
        expect(dates.every((d) => d.slice(5) === "02-29" || d.slice(5) === "02-28")).toBe(true);
      }
    });

    it("repeats other events on their own month and day every year", () => {
      const events = byUid();
      const summit = occurrences(events.get(`singapore-summit@${HOST}`)!, 2028);
      expect(summit.filter((d) => d >= "2024")).toEqual([
        "2024-06-12",
        "2025-06-12",
        "2026-06-12",
        "2027-06-12",
        "2028-06-12",
      ]);
      expect(String(events.get(`singapore-summit@${HOST}`)!.getFirstPropertyValue("dtend"))).toBe("2000-06-13");
      // The eve of a leap day, and the last day of the year, are ordinary days.
      expect(occurrences(events.get(`hanoi-summit@${HOST}`)!, 2028).filter((d) => d >= "2027")).toEqual([
        "2027-02-28",
        "2028-02-28",
      ]);
      expect(occurrences(events.get(`last-day@${HOST}`)!, 2025).filter((d) => d >= "2024")).toEqual([
        "2024-12-31",
        "2025-12-31",
      ]);
    });

    // Regression: 31 December once ended on 1 January 2000, before it began (RFC 5545 3.8.2.2).
    it("ends every anniversary at the start of the next day, 31 December too", () => {
      const wrong: string[] = [];
      for (const vevent of vevents()) {
        const start = String(vevent.getFirstPropertyValue("dtstart"));
        const next = new Date(`${start}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        const end = String(vevent.getFirstPropertyValue("dtend"));
        if (end !== next.toISOString().slice(0, 10))
          wrong.push(`${String(vevent.getFirstPropertyValue("uid"))}: ${start} to ${end}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe("what pages tell machines", () => {
    it("gives the Singapore summit page its canonical address, OpenGraph, Twitter card and social image", async () => {
      const $ = loadPage(site, "/events/singapore-summit/");
      const summit = eventDoc("singapore-summit");
      const meta = (attr: string, name: string) => $(`meta[${attr}="${name}"]`).attr("content");
      expect($("title").text()).toBe("Donald Trump Meets Kim Jong-Un · Fixture Archive");
      expect(meta("name", "description")).toBe(
        "The first meeting between a sitting US president and a North Korean leader.",
      );
      expect($('link[rel="canonical"]').attr("href")).toBe(`${ORIGIN}/events/singapore-summit/`);
      expect(meta("property", "og:type")).toBe("article");
      expect(meta("property", "og:title")).toBe("Donald Trump Meets Kim Jong-Un");
      expect(meta("property", "og:description")).toBe(summit.summary);
      expect(meta("property", "og:url")).toBe(`${ORIGIN}/events/singapore-summit/`);
      const image = meta("property", "og:image")!;
      expect(image).toBe(summit.photo!.image!.social.url);
      expect(image).toMatch(new RegExp(`^${ORIGIN}/img/[^/]+\\.jpg$`));
      const { width, height, format } = await sharp(fileForAbsolute(site, image, ORIGIN)!).metadata();
      expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: "jpeg" });
      expect([meta("property", "og:image:width"), meta("property", "og:image:height")]).toEqual(["1200", "630"]);
      expect(meta("property", "og:image:alt")).toBe("Two leaders shake hands");
      expect(meta("name", "twitter:card")).toBe("summary_large_image");
      expect(meta("name", "twitter:image:alt")).toBe("Two leaders shake hands");
    });

    it("gives the Singapore summit page JSON-LD: an Article about an Event, with credited images", () => {
      const $ = loadPage(site, "/events/singapore-summit/");
      const scripts = $('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(scripts.text()) as {
        "@context": string;
        "@type": string;
        url: string;
        license: string;
        about: object;
        image: {
          "@type": string;
          contentUrl: string;
          creator: { name: string };
          creditText: string;
          license: string;
        }[];
      };
      expect(data).toMatchObject({
        "@context": "https://schema.org",
        "@type": "Article",
        headline: "Donald Trump Meets Kim Jong-Un",
        // The summary once, on the Article; the Event it is about does not repeat it.
        description: "The first meeting between a sitting US president and a North Korean leader.",
        url: `${ORIGIN}/events/singapore-summit/`,
        license: DEFAULT_LICENSE.url,
      });
      expect(data.about).toEqual({
        "@type": "Event",
        name: "Donald Trump Meets Kim Jong-Un",
        startDate: "2018-06-12",
        location: { "@type": "Place", name: "Capella Hotel, Singapore" },
      });
      const summit = eventDoc("singapore-summit");
      expect(data.image.map((i) => [i["@type"], i.contentUrl, i.creator.name, i.creditText, i.license])).toEqual([
        [
          "ImageObject",
          summit.photo!.image!.large.url,
          "Shealah Craighead",
          "Shealah Craighead / Wikimedia Commons",
          "Public domain",
        ],
        [
          "ImageObject",
          summit.photos[0]!.image!.large.url,
          "Fixture Photographer",
          "Fixture Photographer / Fixture Source",
          "CC0",
        ],
        [
          "ImageObject",
          summit.photos[1]!.image!.large.url,
          "Fixture Photographer",
          "Fixture Photographer / Fixture Source",
          "CC0",
        ],
      ]);
      for (const image of data.image) expect(fileForAbsolute(site, image.contentUrl, ORIGIN)).toBeDefined();
      // The raw HTML in the entry's body cannot end the script early.
      expect(scripts.text()).not.toMatch(/<\//);
    });

    it("gives a day page the social card of its first event with a photo, and a day without one the default", () => {
      const meta = (url: string, name: string) => loadPage(site, url)(`meta[property="${name}"]`).attr("content");
      const summit = eventDoc("singapore-summit");
      expect(meta("/june/12/", "og:image")).toBe(summit.photo!.image!.social.url);
      expect(meta("/june/12/", "og:image:alt")).toBe("Two leaders shake hands");
      expect(meta("/march/15/", "og:image")).toBe(`${ORIGIN}/assets/social-default.png`);
    });

    it("gives a page without photos the default social image, with an absolute address", async () => {
      const $ = loadPage(site, "/events/caesar/");
      expect($('meta[property="og:image"]').attr("content")).toBe(`${ORIGIN}/assets/social-default.png`);
      expect($('meta[property="og:image:alt"]').attr("content")).toBe(
        "Fixture Archive: A small archive the tests build.",
      );
      expect($('link[rel="canonical"]').attr("href")).toBe(`${ORIGIN}/events/caesar/`);
      const { width, height } = await sharp(path.join(site, "assets/social-default.png")).metadata();
      expect([width, height]).toEqual([1200, 630]);
      const data = JSON.parse($('script[type="application/ld+json"]').text()) as {
        description: string;
        about: object;
        image?: unknown;
      };
      expect(data.description).toBe("Caesar is stabbed to death in the Theatre of Pompey.");
      expect(data.about).toEqual({
        "@type": "Event",
        name: "Julius Caesar is assassinated",
        startDate: "-0043-03-15",
        location: { "@type": "Place", name: "Rome" },
      });
      expect(data.image).toBeUndefined();
    });

    it("has a sitemap of absolute addresses of pages that exist, without the 404 page", () => {
      const locs = (xml.parse(readText(site, "sitemap.xml")) as Sitemap).urlset.url.map((u) => u.loc);
      expect(locs.length).toBeGreaterThan(0);
      expect(new Set(locs).size).toBe(locs.length);
      for (const loc of locs) {
        expect(loc).toMatch(new RegExp(`^${ORIGIN}/`));
        expect(fileForAbsolute(site, loc, ORIGIN), loc).toMatch(/index\.html$/);
      }
      expect(locs).toContain(`${ORIGIN}/`);
      expect(locs.some((l) => l.includes("404"))).toBe(false);
    });

    // Regression: paginated templates once put only their first page in collections.all.
    it("lists every HTML page in the sitemap", () => {
      const locs = (xml.parse(readText(site, "sitemap.xml")) as Sitemap).urlset.url.map((u) => u.loc);
      // The web editor's page (admin/) is for editors, not search engines.
      const html = listFiles(site).filter((f) => f.endsWith(".html") && !f.startsWith("admin/"));
      const pages = html.filter((f) => f === "index.html" || f.endsWith("/index.html"));
      expect(html.filter((f) => !pages.includes(f))).toEqual(["404.html"]);
      expect(pages.length).toBe(405);
      expect([...locs].sort()).toEqual(pages.map((f) => `${ORIGIN}/${f.replace(/index\.html$/, "")}`).sort());
    });

    it("names the sitemap's absolute address in robots.txt", () => {
      const lines = readText(site, "robots.txt").split("\n");
      expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
      expect(lines).toContain("User-agent: *");
    });
  });
});

describe(`the fixture archive built for ${PREFIXED_ORIGIN}${PREFIX}`, () => {
  let work: string;
  let site: string;
  /** The output file of a root-relative URL under the prefix. */
  const fileForPrefixed = (url: string) =>
    url.startsWith(PREFIX) ? fileForUrl(site, `/${url.slice(PREFIX.length)}`) : undefined;

  beforeAll(async () => {
    work = await tempDir("open-data-prefix");
    site = path.join(work, "site");
    // The folder given twice, in the address and in PATH_PREFIX, as a GitHub Pages workflow might: never doubled.
    const run = await buildSite(FIXTURE_ARCHIVE, site, {
      BUILD_DATE: "2024-02-29",
      PATH_PREFIX: PREFIX,
      SITE_URL: `${PREFIXED_ORIGIN}${PREFIX}`,
    });
    expect(run.code).toBe(0);
  }, 60_000);

  afterAll(() => rm(work, { recursive: true, force: true }));

  it("puts every root-relative href, src, srcset and action of every page under the prefix, to files that exist", () => {
    const outside: string[] = [];
    const missing: string[] = [];
    let checked = 0;
    const htmlFiles = listFiles(site).filter((f) => f.endsWith(".html"));
    // The pages and the web editor's (admin/index.html).
    expect(htmlFiles.length).toBe(407);
    for (const file of htmlFiles) {
      const $ = cheerio.load(readText(site, file));
      for (const el of $("[href], [src], [srcset], [action]").toArray()) {
        for (const name of ["href", "src", "srcset", "action"]) {
          const value = $(el).attr(name);
          if (value === undefined) continue;
          for (const url of attributeUrls(name, value)) {
            if (/^(https?:|mailto:|#)/.test(url)) continue;
            checked++;
            if (!url.startsWith(PREFIX)) outside.push(`${file}: ${name}="${url}"`);
            else if (!fileForPrefixed(url)) missing.push(`${file}: ${name}="${url}"`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it("writes every absolute address of its own host under the prefix, in every text file it publishes", () => {
    const escaped: string[] = [];
    const broken: string[] = [];
    let checked = 0;
    const textFiles = listFiles(site).filter((f) => /\.(html|xml|txt|ics|json|ndjson|js|css)$/.test(f));
    for (const file of textFiles) {
      let text = readText(site, file);
      if (file.endsWith(".ics")) text = text.replace(/\r\n[ \t]/g, "");
      // Up to an HTML entity too: the feed carries its bodies escaped (href=&quot;…&quot;).
      for (const [url] of text.matchAll(/https?:\/\/user\.example\.io[^\s"'<>\\)&]*/g)) {
        checked++;
        if (!url.startsWith(`${PREFIXED_ORIGIN}${PREFIX}`)) escaped.push(`${file}: ${url}`);
        else if (!fileForAbsolute(site, url, PREFIXED_ORIGIN, PREFIX)) broken.push(`${file}: ${url}`);
      }
    }
    expect(escaped).toEqual([]);
    expect(broken).toEqual([]);
    // At least a canonical link, og:url and og:image on each of the 406 pages.
    expect(checked).toBeGreaterThan(3 * 406);
  });

  it("prefixes the addresses in page metadata and JSON-LD", () => {
    const $ = loadPage(site, "/events/singapore-summit/");
    const url = `${PREFIXED_ORIGIN}${PREFIX}events/singapore-summit/`;
    expect($('link[rel="canonical"]').attr("href")).toBe(url);
    expect($('meta[property="og:url"]').attr("content")).toBe(url);
    expect($('meta[property="og:image"]').attr("content")).toMatch(
      new RegExp(`^${PREFIXED_ORIGIN}${PREFIX}img/[^/]+-social\\.jpg$`),
    );
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as {
      url: string;
      image: { contentUrl: string }[];
    };
    expect(data.url).toBe(url);
    for (const image of data.image)
      expect(fileForAbsolute(site, image.contentUrl, PREFIXED_ORIGIN, PREFIX)).toBeDefined();
    expect(loadPage(site, "/events/caesar/")('meta[property="og:image"]').attr("content")).toBe(
      `${PREFIXED_ORIGIN}${PREFIX}assets/social-default.png`,
    );
    const home = loadPage(site, "/");
    expect(home('link[rel="alternate"][type="application/atom+xml"]').attr("href")).toBe(`${PREFIX}feed.xml`);
    expect(home('link[rel="alternate"][type="text/calendar"]').attr("href")).toBe(`${PREFIX}calendar.ics`);
  });

  it("prefixes the feed, sitemap, robots.txt and calendar", () => {
    const { feed } = xml.parse(readText(site, "feed.xml")) as AtomFeed;
    expect(feed.link.find((l) => l["@_rel"] === "self")!["@_href"]).toBe(`${PREFIXED_ORIGIN}${PREFIX}feed.xml`);
    expect(feed.id).toBe(`${PREFIXED_ORIGIN}${PREFIX}`);
    expect(feed.entry.map((e) => e.id).sort()).toEqual(
      EVENT_SLUGS.map((s) => `${PREFIXED_ORIGIN}${PREFIX}events/${s}/`),
    );
    const locs = (xml.parse(readText(site, "sitemap.xml")) as Sitemap).urlset.url.map((u) => u.loc);
    expect(locs).toContain(`${PREFIXED_ORIGIN}${PREFIX}`);
    for (const loc of locs) expect(fileForAbsolute(site, loc, PREFIXED_ORIGIN, PREFIX), loc).toBeDefined();
    expect(readText(site, "robots.txt").split("\n")).toContain(`Sitemap: ${PREFIXED_ORIGIN}${PREFIX}sitemap.xml`);
    const vevents = new ICAL.Component(ICAL.parse(readText(site, "calendar.ics"))).getAllSubcomponents("vevent");
    expect(vevents.map((v) => v.getFirstPropertyValue("url")).sort()).toEqual(
      EVENT_SLUGS.map((s) => `${PREFIXED_ORIGIN}${PREFIX}events/${s}/`),
    );
    expect(vevents.map((v) => String(v.getFirstPropertyValue("uid"))).sort()).toEqual(
      EVENT_SLUGS.map((s) => `${s}@user.example.io`),
    );
  });

  it("puts every path in the API under the prefix, to files that exist", () => {
    const outside: string[] = [];
    const missing: string[] = [];
    let checked = 0;
    const visit = (file: string, value: unknown, key: string): void => {
      if (Array.isArray(value)) return value.forEach((v) => visit(file, v, key));
      if (value && typeof value === "object") return Object.entries(value).forEach(([k, v]) => visit(file, v, k));
      if (typeof value !== "string") return;
      const urls = key === "srcset" ? attributeUrls("srcset", value) : key === "path" || key === "src" ? [value] : [];
      for (const url of urls) {
        checked++;
        if (!url.startsWith(PREFIX)) outside.push(`${file}: ${key}: ${url}`);
        else if (!fileForPrefixed(url)) missing.push(`${file}: ${key}: ${url}`);
      }
      if (value.startsWith("/") && !urls.length)
        outside.push(`${file}: ${key}: ${value} (a root path in an unexpected field)`);
    };
    const apiFiles = listFiles(site).filter((f) => f.startsWith("api/") && !f.startsWith("api/v1/schemas/"));
    expect(apiFiles.length).toBe(366 + 5 * 366 + 10 + 2);
    for (const file of apiFiles) {
      const raw = readText(site, file);
      const docs = file.endsWith(".ndjson")
        ? raw
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l) as unknown)
        : [JSON.parse(raw) as unknown];
      for (const doc of docs) visit(file, doc, "");
    }
    expect(outside).toEqual([]);
    expect(missing).toEqual([]);
    // At least each day document's own path.
    expect(checked).toBeGreaterThan(366);
    const caesar = readJson<EventDocument>(site, "api/v1/events/caesar.json");
    expect([caesar.path, caesar.url, caesar.api]).toEqual([
      `${PREFIX}events/caesar/`,
      `${PREFIXED_ORIGIN}${PREFIX}events/caesar/`,
      `${PREFIXED_ORIGIN}${PREFIX}api/v1/events/caesar.json`,
    ]);
    expect(readJson<EventsIndex>(site, "api/v1/events.json").export).toBe(
      `${PREFIXED_ORIGIN}${PREFIX}api/v1/export.ndjson`,
    );
    const page = readJson<WikimediaFeed>(site, "api/feed/onthisday/deaths/03/15.json").deaths![0]!.pages[0]!;
    expect(page.content_urls).toEqual({
      desktop: { page: `${PREFIXED_ORIGIN}${PREFIX}events/caesar/` },
      mobile: { page: `${PREFIXED_ORIGIN}${PREFIX}events/caesar/` },
    });
  });

  it("has scripts that find the site's root from their own address, not from hard-coded root paths", () => {
    const pages = { "today.js": "/", "search.js": "/search/", "random.js": "/random/" };
    for (const [script, page] of Object.entries(pages)) {
      // Loaded from <prefix>assets/, so "../" of the script's own address is the site's root.
      const $ = loadPage(site, page);
      const srcs = $("script[src]")
        .map((_, el) => $(el).attr("src"))
        .get();
      expect(srcs).toContain(`${PREFIX}assets/${script}`);
      const source = readText(site, `assets/${script}`);
      expect(source).toContain('new URL("../", script.src)');
      // Every string that starts with "/" is handed to at(), which resolves it against that root.
      const rootStrings = [...source.matchAll(/(["'`])\/(?!\/)[^"'`\n]*\1/g)];
      expect(rootStrings.length).toBe(script === "search.js" ? 0 : script === "today.js" ? 2 : 1);
      expect(rootStrings.filter((m) => source.slice(m.index - 3, m.index) !== "at(").map((m) => m[0])).toEqual([]);
      if (script !== "search.js")
        expect(source).toMatch(/const at = \(.*\) => new URL\(path\.replace\(\/\^\\\/\/, ""\), siteRoot\)\.href;/);
    }
    expect(existsSync(path.join(site, "pagefind/pagefind-ui.js"))).toBe(true);
    expect(loadPage(site, "/search/")('script[src$="pagefind-ui.js"]').attr("src")).toBe(
      `${PREFIX}pagefind/pagefind-ui.js`,
    );
  });
});
