// EDTF level 1 beyond days, months, years, ? and ~: seasons, unspecified
// digits, open and unknown interval ends, ends of different precisions; and
// what is still refused, each with what is not supported and an example.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventDateWords, yearWords } from "../../src/content/date-words.ts";
import {
  centuryYear,
  compareEventDates,
  edtfText,
  isoSpan,
  isPlainDay,
  listedDays,
  parseEventDate,
  standardSpan,
} from "../../src/content/dates.ts";
import { parseTypedEventDate } from "../../src/content/typed-date.ts";
import { read, refused } from "../support/entry-dates.ts";

describe("seasons (EDTF 21–24, the northern hemisphere's)", () => {
  it("reads spring to winter, ordered by the season's first month, on no day page", () => {
    expect(read("1863-21")).toStrictEqual({ year: 1863, month: 3, day: 1, precision: "season" });
    expect(read("1863-24")).toMatchObject({ month: 12, precision: "season" });
    expect(["1863-21", "1863-22", "1863-23", "1863-24"].map((t) => eventDateWords(read(t)))).toEqual([
      "Spring 1863",
      "Summer 1863",
      "Autumn 1863",
      "Winter 1863",
    ]);
    expect(listedDays(read("1863-22"))).toEqual([]);
    expect(compareEventDates(read("1863-06"), read("1863-22"))).toBe(0);
    expect(compareEventDates(read("1863-22"), read("1863-07-01"))).toBeLessThan(0);
  });

  it("refuses a season marked ? or ~ and the level 2 sub-year groupings", () => {
    expect(refused("1863-21?").problem).toBe('"1863-21?" marks a season ? or ~, which EDTF level 1 does not');
    expect(refused("1863-25").problem).toMatch(/^"1863-25" is EDTF level 2 /);
  });
});

describe("unspecified digits (X)", () => {
  it("reads a decade and a century, shown as the 1560s and the 1800s, filed under the century of most of their years", () => {
    const decade = read("156X");
    expect(decade).toStrictEqual({ year: 1560, month: 1, day: 1, precision: "decade" });
    expect(eventDateWords(decade)).toBe("1560s");
    expect(centuryYear(decade)).toBe(1569);
    const century = read("18XX");
    expect(century).toStrictEqual({ year: 1800, month: 1, day: 1, precision: "century" });
    expect(eventDateWords(century)).toBe("1800s");
    expect(centuryYear(century)).toBe(1899);
    expect(centuryYear(read("1757"))).toBe(1757);
    expect(listedDays(decade)).toEqual([]);
  });

  it("counts a BCE decade back in time and a decade before AD 1000 with its era", () => {
    expect(eventDateWords(read("-156X"))).toBe("1570–1561 BC");
    expect(centuryYear(read("-156X"))).toBe(-1560);
    expect(eventDateWords(read("079X"))).toBe("AD 790s");
    expect(eventDateWords(read("000X"))).toBe("1 BC – AD 9");
  });

  it("reads an unknown month or day as a year or a month, and writes it back with its X", () => {
    expect(read("1863-XX")).toStrictEqual({ year: 1863, month: 1, day: 1, precision: "year", unspecified: true });
    expect(read("1863-07-XX")).toStrictEqual({ year: 1863, month: 7, day: 1, precision: "month", unspecified: true });
    expect(eventDateWords(read("1863-XX"))).toBe("1863");
    expect(eventDateWords(read("1863-07-XX"))).toBe("July 1863");
    expect(edtfText(read("1863-07-XX"))).toBe("1863-07-XX");
    expect(edtfText(read("1863-XX-XX"))).toBe("1863-XX");
  });

  it("refuses a year with no known digit, a digit unknown before the last ones, and X in a span", () => {
    expect(refused("XXXX").problem).toBe('"XXXX" has unknown digits (X) where entries do not take them');
    expect(refused("1XXX").problem).toMatch(/^"1XXX" is EDTF level 2 /);
    expect(refused("156X/1570").problem).toMatch(/^"156X\/1570" is EDTF level 2 /);
  });
});

describe("open and unknown interval ends", () => {
  it("lists the known day, and says which end is open or unknown", () => {
    const cases: [string, string, { month: number; day: number }][] = [
      ["1863-07-01/..", "from 1 July 1863", { month: 7, day: 1 }],
      ["../1863-07-03", "until 3 July 1863", { month: 7, day: 3 }],
      ["1863-07-01/", "1 July 1863 – ?", { month: 7, day: 1 }],
      ["/1863-07-03", "? – 3 July 1863", { month: 7, day: 3 }],
    ];
    for (const [text, words, day] of cases) {
      const date = read(text);
      expect(eventDateWords(date)).toBe(words);
      expect(listedDays(date)).toEqual([day]);
      expect(edtfText(date)).toBe(text);
      expect(isPlainDay(date)).toBe(false);
      // calendar.ics: one day, the known one.
      expect(standardSpan(date)).toEqual({ start: { year: 1863, ...day } });
    }
  });

  it("gives schema.org only the known end, and qualifies the known date, not the words around it", () => {
    expect(isoSpan(read("1863-07-01/.."))).toEqual({ startDate: "1863-07-01" });
    expect(isoSpan(read("../1863-07-03"))).toEqual({ endDate: "1863-07-03" });
    expect(eventDateWords(read("1863-07-01~/.."))).toBe("from c. 1 July 1863");
  });

  it("gives an Old Style open interval both days, and its New Style day to schema.org", () => {
    const date = read("1917-10-25/..", "julian");
    expect(eventDateWords(date)).toBe("from 25 October 1917 (O.S.) · from 7 November 1917 (N.S.)");
    expect(isoSpan(date)).toEqual({ startDate: "1917-11-07" });
  });

  it("refuses an interval with no known end", () => {
    expect(refused("../..").problem).toBe('"../.." has no known end');
  });
});

describe("interval ends of different precisions", () => {
  it("reads a month to a day, listed as its first end is (a month: on no day page)", () => {
    const date = read("1863-07/1863-08-02");
    expect(eventDateWords(date)).toBe("July – 2 August 1863");
    expect(listedDays(date)).toEqual([]);
    expect(isoSpan(date)).toEqual({ startDate: "1863-07", endDate: "1863-08-02" });
    expect(edtfText(date)).toBe("1863-07/1863-08-02");
  });

  it("reads a day to a month: on its day page, one day in calendar.ics", () => {
    const date = read("1863-07-01/1863-08");
    expect(eventDateWords(date)).toBe("1 July – August 1863");
    expect(listedDays(date)).toEqual([{ month: 7, day: 1 }]);
    expect(standardSpan(date)).toEqual({ start: { year: 1863, month: 7, day: 1 } });
    expect(isoSpan(date)).toEqual({ startDate: "1863-07-01", endDate: "1863-08" });
  });

  it("refuses one that ends before it starts, comparing the end's last day", () => {
    expect(read("1863-07-05/1863-07").end).toEqual({ year: 1863, month: 7, day: 1 });
    expect(refused("1863-08/1863-07-31").problem).toBe(
      '"1863-08/1863-07-31" ends before it starts (or on the same day)',
    );
  });
});

describe("what entries still do not take", () => {
  it("names what is not supported and gives examples of what is", () => {
    const cases: [string, string][] = [
      ["Y170000", '"Y170000" has a year of more than four digits (Y…), which entries do not support'],
      [
        "[1667,1668]",
        '"[1667,1668]" is EDTF level 2 (a set or list of dates, […] or {…}), which entries do not support',
      ],
      ["19", '"19" is a century in ISO 8601\'s two digits, which entries do not support'],
      ["1863-07-01T10:00:00Z", '"1863-07-01T10:00:00Z" has a time of day, which entries do not support'],
    ];
    for (const [text, problem] of cases) {
      const result = refused(text);
      expect(result.problem).toBe(problem);
      for (const example of ["1863-21", "156X", "1863-07-01/.."]) expect(result.fix).toContain(example);
    }
  });
});

describe("the year a line gives before a title (Atom, calendar.ics)", () => {
  it("keeps the date's marks", () => {
    expect(yearWords(read("1757?"))).toBe("1757?");
    expect(yearWords(read("-0489-09-12~"))).toBe("c. 490 BC");
    expect(yearWords(read("156X"))).toBe("1560s");
    expect(yearWords(read("1862-12-31/1863-01-02"))).toBe("1862–1863");
    expect(yearWords(read("1969-07-20"))).toBe("1969");
  });
});

describe("every level 1 form reads back from the EDTF it writes", () => {
  const year = fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, "0"));
  const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, "0"));
  const day = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, "0"));
  const form = fc.oneof(
    fc.tuple(year, fc.integer({ min: 21, max: 24 })).map(([y, s]) => `${y}-${s}`),
    year.map((y) => `${y.slice(0, 3)}X`),
    year.map((y) => `${y.slice(0, 2)}XX`),
    fc.tuple(year, month).map(([y, m]) => `${y}-${m}-XX`),
    year.map((y) => `${y}-XX`),
    fc
      .tuple(year, month, day, fc.constantFrom("/..", "/", "../", "/_"))
      .map(([y, m, d, side]) =>
        side.startsWith("/") && side !== "/_"
          ? `${y}-${m}-${d}${side}`
          : `${side === "../" ? ".." : ""}/${y}-${m}-${d}`,
      ),
    fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${m}/${String(Number(y) + 1).padStart(4, "0")}-${m}-${d}`),
  );

  it("round-trips, with words and a schema.org date", () => {
    fc.assert(
      fc.property(form, (text) => {
        const parsed = parseEventDate(text);
        if (!parsed.ok) return; // a year past 9999 at a span's end, say
        expect(edtfText(parsed.date)).toBe(text.replace(/-XX-XX$/, "-XX"));
        expect(parseEventDate(edtfText(parsed.date))).toEqual(parsed);
        expect(eventDateWords(parsed.date)).not.toBe("");
        expect(Object.keys(isoSpan(parsed.date)).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("npm run new's --date", () => {
  it("takes every level 1 form as EDTF", () => {
    for (const text of ["1863-21", "156X", "1863-07-XX", "1863-07-01/..", "../1863-07-03", "/1863-07-03"]) {
      const typed = parseTypedEventDate(text);
      expect(typed.ok && edtfText(typed.date), text).toBe(text);
    }
  });
});
