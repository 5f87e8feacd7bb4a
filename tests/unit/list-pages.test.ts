import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive.ts";
import type { EventLink } from "../../src/archive/event-link.ts";
import { EVENTS_PER_LIST_PAGE, listPages, type PagerItem } from "../../src/archive/list-pages.ts";
import { listedPages, touchedBy } from "../../src/build/render-plan.ts";
import { pagePaths } from "../../src/build/sitemap.ts";
import type { LoadedEntry } from "../../src/content/load.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

const urls = (list: readonly { url: string }[]) => list.map((item) => item.url);
const fakeEvents = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/events/e${i}/` }) as EventLink);
/** A pager as it reads: "[3]" the current page, "…" a gap. */
const shown = (items: readonly PagerItem[]) =>
  items.map((item) => ("gap" in item ? "…" : item.current ? `[${item.number}]` : String(item.number))).join(" ");

describe("a list split into pages", () => {
  const per = EVENTS_PER_LIST_PAGE;
  const topic = { url: "/topics/war/", events: fakeEvents(2 * per + 50) };
  const pages = listPages(topic);

  it("keeps the list's address for the first page and puts the rest at page/N/, each at most the page size, in order", () => {
    expect(urls(pages)).toEqual(["/topics/war/", "/topics/war/page/2/", "/topics/war/page/3/"]);
    expect(pages.map((p) => p.events.length)).toEqual([per, per, 50]);
    expect(pages.flatMap((p) => p.events)).toEqual(topic.events);
    expect(pages.every((p) => p.of === topic)).toBe(true);
  });

  it("links each page to the one before and after, and numbers them", () => {
    expect(pages.map((p) => [p.previous?.url, p.next?.url])).toEqual([
      [undefined, "/topics/war/page/2/"],
      ["/topics/war/", "/topics/war/page/3/"],
      ["/topics/war/page/2/", undefined],
    ]);
    expect(pages.map((p) => p.pager?.label)).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
    expect(shown(pages[1]!.pager!.items)).toBe("1 [2] 3");
    expect(pages[1]!.pager!.items[0]).toEqual({ number: 1, url: "/topics/war/", current: false });
  });

  it("is one page without a pager when it fits, even when empty", () => {
    for (const n of [0, 1, per]) {
      const [only, ...rest] = listPages({ url: "/years/1969/", events: fakeEvents(n) });
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ url: "/years/1969/", number: 1, events: fakeEvents(n) });
      expect([only!.pager, only!.previous, only!.next]).toEqual([undefined, undefined, undefined]);
    }
  });

  it("shows the first and last page numbers and two either side of the current one, a gap for the rest", () => {
    const long = listPages({ url: "/topics/war/", events: fakeEvents(90 * per) }).map((p) => shown(p.pager!.items));
    expect(long[0]).toBe("[1] 2 3 … 90");
    expect(long[9]).toBe("1 … 8 9 [10] 11 12 … 90");
    // A gap would hide only page 2: the number shows instead.
    expect(long[4]).toBe("1 2 3 4 [5] 6 7 … 90");
    expect(long[89]).toBe("1 … 88 89 [90]");
  });
});

describe("the list pages an edit touches", () => {
  // 450 events of 1900 in one topic: three pages of the year and of the topic (200, 200, 50).
  // Two a day, in the order of their slugs (and titles), 38 a month.
  const day = (i: number) => ymd(1900, 1 + Math.floor(i / 38), 1 + Math.floor((i % 38) / 2));
  const slug = (i: number) => `e${String(i).padStart(3, "0")}`;
  const entries: LoadedEntry[] = Array.from({ length: 450 }, (_, i) =>
    loadedEntry(slug(i), day(i), { topics: ["war"] }),
  );
  const options = { buildDate: ymd(2024, 3, 15) };
  const before = buildArchive(entries, options);
  const plan = (after: LoadedEntry[], changed: string[]) => {
    const p = touchedBy(before, buildArchive(after, options), new Set(changed));
    return { years: urls(p.years).sort(), topics: urls(p.topics).sort() };
  };
  const replace = (i: number, entry: LoadedEntry) => entries.map((e, j) => (j === i ? entry : e));

  it("are only the page that shows an edited event, while it keeps its place and its list its length", () => {
    expect(plan(replace(300, { ...entries[300]!, title: "A new title" }), [slug(300)])).toEqual({
      years: ["/years/1900/page/2/"],
      topics: ["/topics/war/page/2/"],
    });
    // Moved within its page: that page only.
    expect(plan(replace(301, { ...entries[301]!, date: day(320) }), [slug(301)])).toEqual({
      years: ["/years/1900/page/2/"],
      topics: ["/topics/war/page/2/"],
    });
  });

  it("are the pages its move shifts, when it moves to another page", () => {
    expect(plan(replace(10, { ...entries[10]!, date: day(300) }), [slug(10)]).topics).toEqual([
      "/topics/war/",
      "/topics/war/page/2/",
    ]);
  });

  it("are every page of the list when an event joins or leaves it: each page shows the count", () => {
    const added = [...entries, loadedEntry("new", ymd(1900, 12, 31), { topics: ["war"] })];
    expect(plan(added, ["new"]).topics).toEqual(["/topics/war/", "/topics/war/page/2/", "/topics/war/page/3/"]);
    const left = replace(0, { ...entries[0]!, topics: ["peace"] });
    expect(plan(left, [slug(0)]).topics).toEqual([
      "/topics/peace/",
      "/topics/war/",
      "/topics/war/page/2/",
      "/topics/war/page/3/",
    ]);
  });

  it("include a page the list gains, and not one it lost, which the site no longer lists", () => {
    const longer = [...entries, ...Array.from({ length: 351 }, (_, i) => loadedEntry(`more${i}`, ymd(1900, 12, 31)))];
    expect(plan(longer, ["more0"]).years).toContain("/years/1900/page/4/");
    const shorter = entries.slice(0, 400);
    const shorterPlan = plan(shorter, [slug(400)]);
    expect(shorterPlan.years).toEqual(["/years/1900/", "/years/1900/page/2/"]);
    const paths = pagePaths(buildArchive(shorter, options));
    expect(paths).toContain("/years/1900/page/2/");
    expect(paths).not.toContain("/years/1900/page/3/");
  });

  it("include every page of the years beside a year that appears or goes: each page links them", () => {
    const added = [...entries, loadedEntry("next-year", ymd(1901, 1, 1))];
    expect(plan(added, ["next-year"]).years).toEqual([
      "/years/1900/",
      "/years/1900/page/2/",
      "/years/1900/page/3/",
      "/years/1901/",
    ]);
    const withBoth = buildArchive(added, options);
    const removed = touchedBy(withBoth, before, new Set(["next-year"]));
    expect(urls(removed.years)).toEqual(["/years/1900/", "/years/1900/page/2/", "/years/1900/page/3/"]);
  });

  it("are, with nothing changed, none", () => {
    expect(plan(entries, [])).toEqual({ years: [], topics: [] });
  });

  it("are all listed by the whole site, as the sitemap lists them", () => {
    const { years, topics } = listedPages(before);
    expect(urls(topics)).toEqual(["/topics/war/", "/topics/war/page/2/", "/topics/war/page/3/"]);
    expect(pagePaths(before)).toEqual(expect.arrayContaining([...urls(years), ...urls(topics)]));
  });
});
