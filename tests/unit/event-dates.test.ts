import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventDateWords } from "../../src/content/date-words.ts";
import {
  type Calendar,
  compareEventDates,
  convertDate,
  daysInMonthIn,
  type EventDate,
  edtfText,
  fromJulianDayNumber,
  type HistoricalDate,
  listedDays,
  parseEventDate,
  standardDay,
  toJulianDayNumber,
  withCalendar,
} from "../../src/content/dates.ts";
import { read, refused } from "../support/entry-dates.ts";

const day = (year: number, month: number, d: number): HistoricalDate => ({ year, month, day: d });

describe("parseEventDate: EDTF levels 0 and 1", () => {
  it("keeps a plain day exactly as before: {year, month, day} and nothing else", () => {
    expect(read("1969-07-20")).toStrictEqual({ year: 1969, month: 7, day: 20 });
    expect(read("-0043-03-15")).toStrictEqual({ year: -43, month: 3, day: 15 });
  });

  it("reads uncertain, approximate, both, month-only, year-only and intervals", () => {
    expect(read("1757-06-12?")).toStrictEqual({ year: 1757, month: 6, day: 12, uncertain: true });
    expect(read("1500-05-01~")).toStrictEqual({ year: 1500, month: 5, day: 1, approximate: true });
    expect(read("2004-06-11%")).toStrictEqual({ year: 2004, month: 6, day: 11, uncertain: true, approximate: true });
    expect(read("1757-06")).toStrictEqual({ year: 1757, month: 6, day: 1, precision: "month" });
    expect(read("1757")).toStrictEqual({ year: 1757, month: 1, day: 1, precision: "year" });
    expect(read("1757?")).toStrictEqual({ year: 1757, month: 1, day: 1, precision: "year", uncertain: true });
    expect(read("-0490~")).toStrictEqual({ year: -490, month: 1, day: 1, precision: "year", approximate: true });
    expect(read("1863-07-01/1863-07-03")).toStrictEqual({ year: 1863, month: 7, day: 1, end: day(1863, 7, 3) });
    expect(read("1861/1865")).toStrictEqual({
      year: 1861,
      month: 1,
      day: 1,
      precision: "year",
      end: { year: 1865, month: 1, day: 1 },
    });
  });

  it("refuses level 2, sets, long years and times, saying what is not supported, with an example", () => {
    for (const text of ["{1667,1668}", "[1667,1668]"]) {
      expect(refused(text).problem).toBe(
        `"${text}" is EDTF level 2 (a set or list of dates, […] or {…}), which entries do not support`,
      );
    }
    expect(refused("1984?-06").problem).toMatch(/^"1984\?-06" is EDTF level 2 \(.*\), which entries do not support$/);
    expect(refused("Y-12000").problem).toBe(
      '"Y-12000" has a year of more than four digits (Y…), which entries do not support',
    );
    expect(refused("1985-04-12T23:20:30").problem).toBe(
      '"1985-04-12T23:20:30" has a time of day, which entries do not support',
    );
    for (const text of ["{1667,1668}", "1984?-06", "Y-12000", "1985-04-12T23:20:30"]) {
      expect(refused(text).fix).toContain("1863-07-01/1863-07-03");
      expect(refused(text).fix).toContain("156X");
    }
    expect(refused("next Tuesday").problem).toBe('"next Tuesday" is not a date in YYYY-MM-DD form');
    expect(refused("1757-06-12?!").problem).toBe('"1757-06-12?!" is not a date EDTF level 1 writes');
  });

  it("refuses an interval that ends before it starts; takes ends of different precisions", () => {
    expect(refused("1863-07-03/1863-07-01").problem).toBe(
      '"1863-07-03/1863-07-01" ends before it starts (or on the same day)',
    );
    expect(read("1863-07/1863-07-03")).toStrictEqual({
      year: 1863,
      month: 7,
      day: 1,
      precision: "month",
      end: { year: 1863, month: 7, day: 3 },
      endPrecision: "day",
    });
  });
});

describe("withCalendar: the day must exist in the entry's calendar", () => {
  it("takes 29 February 1700 as an Old Style day, and refuses it as a Gregorian one", () => {
    expect(read("1700-02-29", "julian")).toStrictEqual({ year: 1700, month: 2, day: 29, calendar: "julian" });
    const wrong = refused("1700-02-29");
    expect(wrong.problem).toBe('"1700-02-29" is not a real day: 1700 was not a leap year');
    expect(wrong.fix).toContain("add the line calendar: julian");
    expect(refused("1700-02-29", "gregorian").fix).not.toContain("calendar: julian");
  });

  it("knows the Julian leap days of 1800 and 1900, and refuses 29 February 1500 as a proleptic Gregorian day", () => {
    expect(read("1800-02-29", "julian").day).toBe(29);
    expect(read("1900-02-29", "julian").day).toBe(29);
    expect(read("1500-02-29")).toStrictEqual({ year: 1500, month: 2, day: 29 });
    expect(refused("1500-02-29", "gregorian").problem).toBe(
      '"1500-02-29" is not a real day in the Gregorian calendar: 1500 was not a leap year',
    );
  });

  it("keeps the calendar only where it is not the default one", () => {
    expect(read("1400-01-01", "julian")).toStrictEqual(day(1400, 1, 1));
    expect(read("1969-07-20", "gregorian")).toStrictEqual(day(1969, 7, 20));
    expect(read("1400-01-01", "gregorian")).toStrictEqual({ ...day(1400, 1, 1), calendar: "gregorian" });
  });
});

// The Julian–Gregorian difference by century, from the table in Wikipedia's
// "Conversion between Julian and Gregorian calendars" (taken from the
// Explanatory Supplement to the Astronomical Ephemeris, HMSO 1961), read
// at https://kiwix.haohe.fun/content/wikipedia_en_all_maxi_2024-01/A/Conversion_between_Julian_and_Gregorian_calendars
// and https://liquisearch.com/gregorian_calendar/difference_between_gregorian_and_julian_calendar_dates.
// Each row: astronomical year, Julian day, the Gregorian day it is.
const PUBLISHED: readonly [number, [number, number], [number, number], number][] = [
  [-500, [3, 5], [2, 28], -5],
  [-500, [3, 6], [3, 1], -5],
  [-300, [3, 5], [3, 1], -4],
  [-200, [3, 4], [3, 1], -3],
  [-100, [3, 3], [3, 1], -2],
  [100, [2, 29], [2, 27], -2],
  [100, [3, 2], [3, 1], -1],
  [200, [3, 1], [3, 1], 0],
  [300, [3, 1], [3, 2], 1],
  [500, [3, 1], [3, 3], 2],
  [600, [3, 1], [3, 4], 3],
  [700, [3, 1], [3, 5], 4],
  [900, [3, 1], [3, 6], 5],
  [1000, [3, 1], [3, 7], 6],
  [1100, [3, 1], [3, 8], 7],
  [1300, [3, 1], [3, 9], 8],
  [1400, [3, 1], [3, 10], 9],
  [1500, [3, 1], [3, 11], 10],
  [1700, [2, 29], [3, 11], 11],
  [1800, [2, 29], [3, 12], 12],
  [1900, [2, 29], [3, 13], 13],
  [2100, [2, 29], [3, 14], 14],
];

describe("Julian ↔ Gregorian through Julian Day Numbers", () => {
  it.each(PUBLISHED)("%i: Julian %j is Gregorian %j (difference %i days)", (year, [jm, jd], [gm, gd], difference) => {
    const julian = day(year, jm, jd);
    const gregorian = day(year, gm, gd);
    expect(convertDate(julian, "julian", "gregorian")).toEqual(gregorian);
    expect(convertDate(gregorian, "gregorian", "julian")).toEqual(julian);
    // The table's difference: how far the same written date lies apart in the two calendars
    // (29 February of a Julian-only leap year has no Gregorian twin to count from).
    if (jd !== 29)
      expect(toJulianDayNumber(julian, "julian") - toJulianDayNumber(julian, "gregorian")).toBe(difference);
  });

  it("goes from 4 October 1582 (Julian) to 15 October 1582 (Gregorian), the next day", () => {
    expect(convertDate(day(1582, 10, 4), "julian", "gregorian")).toEqual(day(1582, 10, 14));
    expect(toJulianDayNumber(day(1582, 10, 15), "gregorian") - toJulianDayNumber(day(1582, 10, 4), "julian")).toBe(1);
    expect(toJulianDayNumber(day(1582, 10, 15), "gregorian")).toBe(2299161);
    expect(toJulianDayNumber(day(-4712, 1, 1), "julian")).toBe(0);
  });

  it("Julian → Gregorian → Julian is the identity, for every year", () => {
    const julianDay = fc
      .record({ year: fc.integer({ min: -9999, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) })
      .chain(({ year, month }) =>
        fc.integer({ min: 1, max: daysInMonthIn(year, month, "julian") }).map((d) => day(year, month, d)),
      );
    fc.assert(
      fc.property(julianDay, (d) => {
        expect(convertDate(convertDate(d, "julian", "gregorian"), "gregorian", "julian")).toEqual(d);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 6_000_000 }), (jdn) => {
        for (const calendar of ["julian", "gregorian"] as const) {
          expect(toJulianDayNumber(fromJulianDayNumber(jdn, calendar), calendar)).toBe(jdn);
        }
      }),
    );
  });
});

describe("where an event is listed, and the day that stands for it", () => {
  it("lists an Old Style date on its Julian and its Gregorian day, labelled", () => {
    const washington = read("1732-02-11", "julian");
    expect(listedDays(washington)).toEqual([
      { month: 2, day: 11, style: "O.S." },
      { month: 2, day: 22, style: "N.S." },
    ]);
    expect(standardDay(washington)).toEqual(day(1732, 2, 22));
    expect(standardDay(read("1917-10-25", "julian"))).toEqual(day(1917, 11, 7));
  });

  it("lists an interval on its first day, and a month or a year on no day", () => {
    expect(listedDays(read("1863-07-01/1863-07-03"))).toEqual([{ month: 7, day: 1 }]);
    expect(listedDays(read("1757-06"))).toEqual([]);
    expect(listedDays(read("1757"))).toEqual([]);
    expect(listedDays(read("-0043-03-15"))).toEqual([{ month: 3, day: 15 }]);
  });

  it("orders dates by the day they were, whatever their calendar", () => {
    const oldStyle = read("1732-02-11", "julian"); // 22 February, New Style
    expect(compareEventDates(oldStyle, read("1732-02-15"))).toBeGreaterThan(0);
    expect(compareEventDates(read("1616-04-23", "julian"), read("1616-04-23"))).toBeGreaterThan(0);
  });
});

describe("eventDateWords", () => {
  it.each([
    ["1969-07-20", undefined, "20 July 1969"],
    ["1757-06-12?", undefined, "12 June 1757?"],
    ["1500-05-01~", undefined, "c. 1 May 1500"],
    ["1863-07-01/1863-07-03", undefined, "1–3 July 1863"],
    ["1863-06-30/1863-07-02", undefined, "30 June – 2 July 1863"],
    ["1862-12-31/1863-01-02", undefined, "31 December 1862 – 2 January 1863"],
    ["1757-06", undefined, "June 1757"],
    ["1757?", undefined, "1757?"],
    ["1861/1865", undefined, "1861–1865"],
    ["-0490-09~", undefined, "c. September 491 BC"],
    ["1732-02-11", "julian", "11 February 1732 (O.S.) · 22 February 1732 (N.S.)"],
    ["1917-10-25", "julian", "25 October 1917 (O.S.) · 7 November 1917 (N.S.)"],
    ["1582-10-15", "julian", "15 October 1582 (O.S.) · 25 October 1582 (N.S.)"],
    ["1400-01-10", "gregorian", "10 January 1400 (N.S.) · 2 January 1400 (O.S.)"],
    ["1716", "julian", "1716 (O.S.)"],
  ] as const)("%s (%s) → %s", (text, calendar, words) => {
    expect(eventDateWords(read(text, calendar))).toBe(words);
  });
});

describe("every date the check accepts", () => {
  const precision = fc.constantFrom<EventDate["precision"]>(undefined, "month", "year");
  const accepted = fc
    .record({
      year: fc.integer({ min: -9999, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      span: fc.integer({ min: 0, max: 800 }),
      precision,
      uncertain: fc.boolean(),
      approximate: fc.boolean(),
      calendar: fc.constantFrom<Calendar | undefined>(undefined, "julian", "gregorian"),
    })
    .map((g) => {
      const first = { year: g.year, month: g.month, day: Math.min(g.day, 28) };
      const end = g.span ? fromJulianDayNumber(toJulianDayNumber(first, "julian") + g.span, "julian") : undefined;
      const written: EventDate = {
        ...first,
        ...(g.precision && { precision: g.precision }),
        ...(g.uncertain && { uncertain: true as const }),
        ...(g.approximate && { approximate: true as const }),
        ...(end && end.year <= 9999 && { end }),
      };
      return { text: edtfText(written), calendar: g.calendar };
    });

  it("reads back from the EDTF it writes, and has words, days and a standard day", () => {
    fc.assert(
      fc.property(accepted, ({ text, calendar }) => {
        const parsed = parseEventDate(text);
        if (!parsed.ok) return; // a span that ends in the same month or year at that precision, say
        const dated = withCalendar(parsed.date, calendar);
        if (!dated.ok) return;
        const date = dated.date;
        expect(parseEventDate(edtfText(date))).toEqual({ ok: true, date: { ...date, calendar: undefined } });
        expect(eventDateWords(date)).not.toBe("");
        for (const d of listedDays(date)) expect(d.day).toBeLessThanOrEqual(daysInMonthIn(2000, d.month, "gregorian"));
        expect(standardDay(date).month).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
