import { describe, expect, it } from "vitest";
import {
  FRONT_PAGE_SIZE,
  frontPagePick,
  isRoundAnniversary,
  type PickCandidate,
  yearsAgo,
} from "../../src/archive/front-page-pick.ts";
import { readerDayKeys } from "../../src/archive/reader-days.ts";
import type { Kind } from "../../src/content/schema.ts";

const BUILD_DATE = "2026-06-12";

function candidate(slug: string, year: number, kind: Kind = "event", topics: string[] = [], featured = false) {
  return { slug, kind, topics, date: { year }, ...(featured && { featured: true as const }) } satisfies PickCandidate;
}

const slugs = (events: readonly PickCandidate[]) => events.map((e) => e.slug);

describe("round anniversaries (Wikipedia's rule)", () => {
  it("are multiples of 25, and under 100 years multiples of 10 too", () => {
    const round = Array.from({ length: 300 }, (_, n) => n).filter(isRoundAnniversary);
    expect(round).toEqual([10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 100, 125, 150, 175, 200, 225, 250, 275]);
  });

  it("count years across the start of the era without a year zero", () => {
    // 44 BC is the astronomical year -43: 2069 years before 2026.
    expect(yearsAgo(-43, 2026)).toBe(2069);
    expect(yearsAgo(1969, 2026)).toBe(57);
  });
});

describe("frontPagePick", () => {
  it("takes every event of a quiet day, in the day's order", () => {
    const day = [candidate("a", 1900), candidate("b", 1950), candidate("c", 2000)];
    expect(slugs(frontPagePick(day, BUILD_DATE))).toEqual(["a", "b", "c"]);
  });

  it("picks five, round anniversaries first, and keeps the day's order", () => {
    const round = [1976, 1926, 2001, 1826, 2016].map((year) => candidate(`round-${year}`, year));
    const others = Array.from({ length: 30 }, (_, i) => candidate(`other-${i}`, 1702 + i * 3)).filter(
      (e) => !isRoundAnniversary(yearsAgo(e.date.year, 2026)),
    );
    const day = [...others.slice(0, 10), ...round, ...others.slice(10)];
    const pick = frontPagePick(day, BUILD_DATE);
    expect(pick).toHaveLength(FRONT_PAGE_SIZE);
    expect(slugs(pick)).toEqual(slugs(round));
  });

  it("shows featured entries first, then fills up to five; of more than five featured, five", () => {
    const day = [
      candidate("round", 1976),
      candidate("featured-late", 2010, "event", [], true),
      candidate("plain-1", 1811),
      candidate("featured-early", 1066, "event", [], true),
      candidate("plain-2", 1812),
      candidate("plain-3", 1813),
      candidate("plain-4", 1814),
    ];
    const pick = slugs(frontPagePick(day, BUILD_DATE));
    expect(pick.slice(0, 3)).toEqual(["featured-late", "featured-early", "round"]);
    expect(pick).toHaveLength(FRONT_PAGE_SIZE);
    const many = Array.from({ length: 7 }, (_, i) => candidate(`f${i}`, 1900 + i, "event", [], true));
    const fromMany = slugs(frontPagePick([candidate("round", 1976), ...many], BUILD_DATE));
    expect(fromMany).toHaveLength(FRONT_PAGE_SIZE);
    // A round anniversary first among them: 1901 is 125 years before 2026; none of the others is round.
    expect(fromMany).toEqual(expect.arrayContaining(["f1"]));
    expect(fromMany.every((slug) => slug.startsWith("f"))).toBe(true);
  });

  it("spreads the pick across kinds and topics before taking more of the same", () => {
    const wars = Array.from({ length: 6 }, (_, i) => candidate(`war-${i}`, 1801 + i, "event", ["war"]));
    const day = [
      ...wars,
      candidate("birth", 1807, "birth", ["war"]),
      candidate("science", 1808, "event", ["science"]),
      candidate("art", 1809, "event", ["art", "music"]),
    ];
    const pick = slugs(frontPagePick(day, BUILD_DATE));
    expect(pick).toHaveLength(FRONT_PAGE_SIZE);
    expect(pick).toEqual(expect.arrayContaining(["birth", "science", "art"]));
    expect(pick.filter((slug) => slug.startsWith("war-"))).toHaveLength(2);
  });

  it("is the same for the same build date, and may differ on another", () => {
    const day = Array.from({ length: 40 }, (_, i) => candidate(`e${i}`, 1701 + i * 2));
    const pick = slugs(frontPagePick(day, BUILD_DATE));
    expect(slugs(frontPagePick([...day], BUILD_DATE))).toEqual(pick);
    const dates = ["2026-06-13", "2026-06-14", "2026-06-15"].map((date) => slugs(frontPagePick(day, date)).join());
    expect(dates.some((other) => other !== pick.join())).toBe(true);
  });
});

describe("readerDayKeys: the days of readers from UTC−12 to UTC+14", () => {
  it("are the build date and its neighbours, across months and years, in the build's year", () => {
    expect(readerDayKeys("2026-06-12")).toEqual(["06-11", "06-12", "06-13"]);
    expect(readerDayKeys("2026-03-01")).toEqual(["02-28", "03-01", "03-02"]);
    expect(readerDayKeys("2024-03-01")).toEqual(["02-29", "03-01", "03-02"]);
    expect(readerDayKeys("2026-12-31")).toEqual(["12-30", "12-31", "01-01"]);
    expect(readerDayKeys("2026-01-01")).toEqual(["12-31", "01-01", "01-02"]);
  });
});
