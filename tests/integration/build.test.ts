// Builds the fixture archive as CI does and reads the pages a reader gets.

import { existsSync } from "node:fs";
import { cp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CALENDAR_DAYS } from "../../src/archive/calendar.ts";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { brokenLinks, listFiles, loadPage, parsePages, treeDigest } from "../support/site-files.ts";
import { htmlErrors } from "../support/validate-html.ts";

let work: string;
/** The fixture archive as globalSetup built it once for this run (tests/support/fixture-site.ts): read only. */
const { site, run } = inject("fixtureSite");

beforeAll(async () => {
  work = await tempDir("build");
});

describe("the fixture archive's build", () => {
  it("prints nothing on stderr and reports the photos it encoded and the pages it built", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Images: 3 photos, 12 files encoded, 0 from the cache, in \d+\.\d\d s\.$/m);
    expect(run.stdout).toMatch(/Built 10 events and 366 day pages into .*site\/ in \d+\.\d\d s \(content /);
  });
});

afterAll(() => rm(work, { recursive: true, force: true }));

const text = ($: ReturnType<typeof loadPage>, selector: string) => $(selector).text().replace(/\s+/g, " ").trim();

/** Every page of the shared site, parsed once for the tests that read them all. */
let parsed: ReturnType<typeof parsePages> | undefined;
const pages = () => (parsed ??= parsePages(site));

describe("the built fixture archive", () => {
  it("has a page for each of the 366 days, 29 February included, headed with its date", () => {
    for (const day of CALENDAR_DAYS) {
      const $ = pages().get(day.url);
      expect($ && text($, "h1"), day.url).toBe(day.label);
    }
    expect(text(loadPage(site, "/february/29/"), "h1")).toBe("February 29");
  });

  it("lists a day's events by year, BCE and early years labelled, kinds in separate sections", () => {
    const $ = loadPage(site, "/february/29/");
    expect(
      $("section h2")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["Events", "Births", "Holidays and observances"]);
    const events = $("#event-heading").parent().find(".event-item");
    expect(
      events
        .find(".event-year")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["2024"]);
    expect(text($, "#birth-heading + ol .event-title")).toBe("Birth of a leap-day child");
    expect(text($, "#holiday-heading + ol .event-year")).toBe("1288");
    expect(text(loadPage(site, "/march/15/"), ".event-year")).toBe("44 BC");
    expect(text(loadPage(site, "/august/24/"), ".event-year")).toBe("AD 79");
  });

  it("links each day to the previous and next day, wrapping at the year's ends", () => {
    const pager = (url: string) => {
      const $ = loadPage(site, url);
      return [$('.pager a[rel="prev"]').attr("href"), $('.pager a[rel="next"]').attr("href")];
    };
    expect(pager("/january/1/")).toEqual(["/december/31/", "/january/2/"]);
    expect(pager("/december/31/")).toEqual(["/december/30/", "/january/1/"]);
    expect(pager("/february/28/")).toEqual(["/february/27/", "/february/29/"]);
  });

  it("shows a kind empty state on a day with no entries", () => {
    const $ = loadPage(site, "/july/4/");
    expect($(".event-item")).toHaveLength(0);
    expect(text($, ".empty-state")).toContain("Nothing is recorded for July 4 yet.");
  });

  it("renders the example entry's page with every section and the photo credit", () => {
    const $ = loadPage(site, "/events/singapore-summit/");
    expect(text($, "h1")).toBe("Donald Trump Meets Kim Jong-Un");
    expect($("title").text()).toBe("Donald Trump Meets Kim Jong-Un · Fixture Archive");
    expect(text($, ".event-meta")).toBe("12 June 2018 · Capella Hotel, Singapore");
    expect($(".event-meta a").attr("href")).toBe("/june/12/");
    expect(
      $("article h2")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["Photo Info", "Historical Context", "Related Events", "Historical Photos", "Topics", "Sources"]);
    const lead = $(".event-header + .photo");
    expect(lead.find("img").attr("src")).toMatch(/^\/img\/[0-9a-f]{16}-8\.jpg$/);
    expect(lead.find("img").attr("alt")).toBe("Two leaders shake hands");
    expect([lead.find("img").attr("width"), lead.find("img").attr("height")]).toEqual(["8", "6"]);
    const credit = Object.fromEntries(
      lead
        .find("dt")
        .map((_, dt) => [[$(dt).text(), $(dt).next("dd").text()]])
        .get() as [string, string][],
    );
    expect(credit).toEqual({
      Photographer: "Shealah Craighead",
      "Location taken": "Singapore",
      Source: "Wikimedia Commons",
      License: "Public domain",
    });
    expect(lead.find("dd a").attr("href")).toBe("https://commons.wikimedia.org/");
    const gallery = $(".gallery img")
      .map((_, el) => `${$(el).attr("alt")} ${$(el).attr("width")}×${$(el).attr("height")}`)
      .get();
    expect(gallery).toEqual(["A row of flags 6×8", "A second file with the same name 4×4"]);
    expect($(".source-list a").attr("href")).toBe("https://example.org/joint-statement");
  });

  it("links each photo to its large image, and shows a thumbnail beside the event on its day", () => {
    const $ = loadPage(site, "/events/singapore-summit/");
    for (const link of $(".photo-link").toArray())
      expect($(link).attr("href")).toMatch(/^\/img\/[0-9a-f]{16}-\d+\.jpg$/);
    const day = loadPage(site, "/june/12/");
    expect(day(".event-item.has-thumbnail .event-thumbnail img").attr("src")).toBe(
      $(".event-header + .photo img").attr("src"),
    );
  });

  it("shows raw HTML in a body as text, not as markup", () => {
    const $ = loadPage(site, "/events/singapore-summit/");
    expect($("main script")).toHaveLength(0);
    expect(text($, "#context-heading + p + p")).toBe('<script>alert("raw HTML is shown as text")</script>');
    expect($("#context-heading").parent().find("strong").text()).toBe("Capella Hotel");
  });

  it("resolves related links in both directions, in date order", () => {
    const related = (url: string) => {
      const $ = loadPage(site, url);
      return $(".related-list li")
        .map((_, li) => `${$(li).find(".related-date").text()} | ${$(li).find("a").attr("href") ?? "-"}`)
        .get();
    };
    expect(related("/events/singapore-summit/")).toEqual([
      "24 May 2018 | -",
      "28 February 2019 | /events/hanoi-summit/",
      "30 June 2019 | /events/dmz-meeting/",
    ]);
    // hanoi-summit lists nothing itself; the summit's link shows up on its page.
    expect(related("/events/hanoi-summit/")).toEqual(["12 June 2018 | /events/singapore-summit/"]);
    // Both list each other: shown once.
    expect(related("/events/dmz-meeting/")).toEqual(["12 June 2018 | /events/singapore-summit/"]);
  });

  it("counts each month's events on its page", () => {
    const $ = loadPage(site, "/february/");
    expect($(".day-grid li")).toHaveLength(29);
    expect(text($, '.day-grid a[href="/february/29/"]')).toBe("29 3 entries");
    expect(text($, '.day-grid a[href="/february/28/"]')).toBe("28 1 entry");
    expect(text($, '.day-grid a[href="/february/1/"]')).toBe("1 no entries");
  });

  it("lists each day's events on the month page, under the day's heading", () => {
    const $ = loadPage(site, "/february/");
    const days = $(".month-day")
      .map(
        (_, s) =>
          `${text($, `#${$(s).attr("aria-labelledby")}`)}: ${$(s)
            .find("li")
            .map((_, li) => $(li).text().replace(/\s+/g, " ").trim())
            .get()
            .join("; ")}`,
      )
      .get();
    expect(days).toEqual([
      "February 28: 2019 The Hanoi summit is cut short",
      "February 29: 2024 A leap-day event in 2024; 1996 Birth of a leap-day child; 1288 Leap Day observance",
    ]);
  });

  it("shows the build date's events on the home page, with every month linked", () => {
    const $ = loadPage(site, "/");
    expect(text($, "h1")).toBe("On this day: February 29");
    expect(
      $(".event-title a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["/events/leap-day-event/", "/events/leap-day-birth/", "/events/leap-day-holiday/"]);
    expect($(".month-grid a")).toHaveLength(12);
  });

  it("has no internal link or image that points at a missing file", () => {
    expect(brokenLinks(site, pages())).toEqual([]);
  });

  it("is valid HTML on every page (html-validate, recommended rules)", async () => {
    expect(await htmlErrors(site)).toEqual([]);
  }, 60_000);

  it("writes only pages, the stylesheet and each photo's images", () => {
    // Beside the web editor's folder (tests/integration/cms-admin.test.ts).
    const files = listFiles(site).filter((f) => !f.startsWith("admin/"));
    // Home, months, days, events, credits, calendar, search, random, years index and pages, topics index and pages.
    const years = 9; // 44 BC, AD 79, 1288, 1996, 1999, 2000, 2018, 2019, 2024
    const topics = 1; // diplomacy
    expect(files.filter((f) => f.endsWith("index.html"))).toHaveLength(
      1 + 12 + 366 + 10 + 1 + 1 + 1 + 1 + 1 + years + 1 + topics,
    );
    expect(files.filter((f) => f.startsWith("api/v1/days/"))).toHaveLength(366);
    expect(files.filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(10);
    const others = files.filter((f) => !f.endsWith("index.html") && !/^(api|pagefind|img)\//.test(f));
    expect(others).toEqual([
      "404.html",
      "_headers",
      "assets/favicon.svg",
      "assets/random.js",
      "assets/search-shards/pagefind.js",
      "assets/search.js",
      "assets/site.css",
      "assets/social-default.png",
      "assets/today.js",
      "calendar.ics",
      "feed.xml",
      "robots.txt",
      "schemas/entry.json",
      "sitemap.xml",
      "today.xml",
    ]);
    // Three photos smaller than the smallest width: one size each in AVIF, WebP and JPEG, and a social card.
    const images = files.filter((f) => f.startsWith("img/"));
    expect(images.map((f) => f.replace(/[0-9a-f]{16}/, "ID")).sort()).toEqual(
      ["ID-4.avif", "ID-4.jpg", "ID-4.webp", "ID-6.avif", "ID-6.jpg", "ID-6.webp", "ID-8.avif", "ID-8.jpg", "ID-8.webp"]
        .concat(["ID-social.jpg", "ID-social.jpg", "ID-social.jpg"])
        .map((f) => `img/${f}`)
        .sort(),
    );
  });
});

describe("a build with bad content", () => {
  it("reports every error with file, line and fix, exits 1 and leaves the previous site as it was", async () => {
    const content = path.join(work, "broken-content");
    await cp(FIXTURE_ARCHIVE, content, { recursive: true });
    await writeFile(
      path.join(content, "events/bad-date.md"),
      "---\ntitle: A bad date\ndate: 2019-02-29\nsummary: Not a leap year.\nsources:\n  - title: A source\n---\n",
    );
    await writeFile(
      path.join(content, "events/bad-link.md"),
      "---\ntitle: A bad link\ndate: 2019-03-01\nsummary: Links nowhere.\nrelated:\n  - event: no-such-entry\nsources:\n  - title: A source\n---\n",
    );
    // A copy of the shared site stands for the previous one, which the failed build must leave as it was.
    const previous = path.join(work, "site");
    await cp(site, previous, { recursive: true });
    const before = treeDigest(previous);
    const run = await buildSite(content, previous);
    expect(run.code).toBe(1);
    const shown = (file: string) => path.relative(REPO_ROOT, path.join(content, "events", file));
    expect(run.stderr.split("\n")).toEqual([
      `${shown("bad-date.md")}:3: date: "2019-02-29" is not a real day: 2019 was not a leap year (check the source; the day must be 01 to 28)`,
      `${shown("bad-link.md")}:6: related[0].event: there is no entry "no-such-entry" (no file ${shown("no-such-entry.md")}) (check the spelling of the slug, or write the related event as date: and text:)`,
      "",
      "2 errors, 0 warnings.",
      `Nothing was built; ${path.relative(REPO_ROOT, previous)}/ is unchanged.`,
      "",
    ]);
    expect(treeDigest(previous)).toBe(before);
  }, 60_000);

  it("leaves no staging folder behind", () => {
    expect(listFiles(work).some((f) => f.includes(".building-"))).toBe(false);
    expect(existsSync(path.join(work, "site"))).toBe(true);
  });
});
