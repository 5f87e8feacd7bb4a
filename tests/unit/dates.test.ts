import { describe, expect, it } from "vitest";
import {
  compareDates,
  dateInWords,
  daysInMonth,
  type HistoricalDate,
  isLeapYear,
  isoDate,
  monthDayKey,
  monthDayLabel,
  monthName,
  monthSlug,
  parseHistoricalDate,
  yearLabel,
} from "../../src/content/dates.ts";
import { ymd } from "../support/helpers.ts";

const FORMAT_FIX =
  "write it as YYYY-MM-DD, e.g. 2018-06-12; years before 1000 keep four digits (0079-08-24); BCE years use ISO's astronomical numbering with a minus sign (-0043-03-15 is 15 March 44 BC)";

/** The parsed date, failing the test with the parser's own message if it was rejected. */
function parsed(text: string): HistoricalDate {
  const result = parseHistoricalDate(text);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.problem}`);
  return result.date;
}

describe("parseHistoricalDate", () => {
  it("parses a modern date into plain integers", () => {
    const date = parsed("2018-06-12");
    expect(date).toEqual({ year: 2018, month: 6, day: 12 });
    expect(date).not.toBeInstanceOf(Date);
  });

  it("keeps a year before 1000 as written: 0079 is year 79, not 1979", () => {
    expect(parsed("0079-08-24")).toEqual({ year: 79, month: 8, day: 24 });
  });

  it("reads a minus sign as an astronomical (BCE) year", () => {
    const date = parsed("-0043-03-15");
    expect(date).toEqual({ year: -43, month: 3, day: 15 });
    expect(yearLabel(date.year)).toBe("44 BC");
    expect(dateInWords(date)).toBe("15 March 44 BC");
  });

  it("reads year 0000 as 1 BC", () => {
    const date = parsed("0000-01-01");
    expect(date).toEqual({ year: 0, month: 1, day: 1 });
    expect(yearLabel(date.year)).toBe("1 BC");
    expect(dateInWords(date)).toBe("1 January 1 BC");
  });

  it("ignores surrounding whitespace", () => {
    expect(parsed("  2018-06-12\n")).toEqual({ year: 2018, month: 6, day: 12 });
  });

  describe("29 February", () => {
    it.each([
      ["2000-02-29", 2000, "Gregorian: divisible by 400"],
      ["2020-02-29", 2020, "Gregorian: divisible by 4"],
      ["1600-02-29", 1600, "Gregorian: divisible by 400"],
      ["1500-02-29", 1500, "Julian, before 1582: every fourth year"],
      ["1300-02-29", 1300, "Julian, before 1582: every fourth year"],
      ["-0044-02-29", -44, "Julian, astronomical -44 is divisible by 4"],
      ["0004-02-29", 4, "Julian"],
      ["0000-02-29", 0, "Julian: year 0 (1 BC) is divisible by 4"],
    ])("is valid in %s (%s: %s)", (text, year) => {
      expect(parsed(text)).toEqual({ year, month: 2, day: 29 });
      expect(isLeapYear(year)).toBe(true);
    });

    it.each([
      ["1900-02-29", 1900, "1900"],
      ["2019-02-29", 2019, "2019"],
      ["2100-02-29", 2100, "2100"],
      ["1700-02-29", 1700, "1700"],
      ["1501-02-29", 1501, "1501"],
      ["-0043-02-29", -43, "44 BC"],
    ])("is invalid in %s", (text, year, label) => {
      expect(parseHistoricalDate(text)).toEqual({
        ok: false,
        problem: `"${text}" is not a real day: ${label} was not a leap year`,
        fix: "check the source; the day must be 01 to 28",
      });
      expect(isLeapYear(year)).toBe(false);
    });
  });

  describe("impossible days", () => {
    it("rejects 30 February with the month's length", () => {
      expect(parseHistoricalDate("2021-02-30")).toEqual({
        ok: false,
        problem: '"2021-02-30" is not a real day: February has 28 days',
        fix: "check the source; the day must be 01 to 28",
      });
    });

    it("rejects 30 February even in a leap year", () => {
      expect(parseHistoricalDate("2020-02-30")).toEqual({
        ok: false,
        problem: '"2020-02-30" is not a real day: February has 29 days',
        fix: "check the source; the day must be 01 to 29",
      });
    });

    it("rejects 31 April", () => {
      expect(parseHistoricalDate("2021-04-31")).toEqual({
        ok: false,
        problem: '"2021-04-31" is not a real day: April has 30 days',
        fix: "check the source; the day must be 01 to 30",
      });
    });

    it("rejects day 00", () => {
      expect(parseHistoricalDate("2021-01-00")).toEqual({
        ok: false,
        problem: '"2021-01-00" is not a real day: January has 31 days',
        fix: "check the source; the day must be 01 to 31",
      });
    });

    it("rejects month 13", () => {
      expect(parseHistoricalDate("2021-13-01")).toEqual({
        ok: false,
        problem: '"2021-13-01" has month 13, which does not exist',
        fix: "the month must be 01 to 12",
      });
    });

    it("rejects month 00", () => {
      expect(parseHistoricalDate("2021-00-10")).toEqual({
        ok: false,
        problem: '"2021-00-10" has month 00, which does not exist',
        fix: "the month must be 01 to 12",
      });
    });
  });

  it.each([
    "18-06-12",
    "2018/06/12",
    "June 12 2018",
    "79-08-24",
    "2018-6-12",
    "2018-06-12T00:00:00Z",
    "+2018-06-12",
    "",
  ])("rejects the format of %j and explains YYYY-MM-DD", (text) => {
    expect(parseHistoricalDate(text)).toEqual({
      ok: false,
      problem: `"${text}" is not a date in YYYY-MM-DD form`,
      fix: FORMAT_FIX,
    });
  });
});

describe("daysInMonth", () => {
  it("knows the length of every month in a common and a leap year", () => {
    const lengths = (year: number) => Array.from({ length: 12 }, (_, i) => daysInMonth(year, i + 1));
    expect(lengths(2019)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(lengths(2020)).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});

describe("yearLabel", () => {
  it.each([
    [2018, "2018"],
    [1000, "1000"],
    [999, "AD 999"],
    [79, "AD 79"],
    [1, "AD 1"],
    [0, "1 BC"],
    [-43, "44 BC"],
    [-752, "753 BC"],
  ])("labels year %i as %j", (year, label) => {
    expect(yearLabel(year)).toBe(label);
  });
});

describe("dateInWords", () => {
  it.each([
    [ymd(2018, 6, 12), "12 June 2018"],
    [ymd(79, 8, 24), "24 August AD 79"],
    [ymd(-43, 3, 15), "15 March 44 BC"],
    [ymd(1969, 7, 20), "20 July 1969"],
  ])("writes %j as %j", (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });
});

describe("isoDate", () => {
  it.each(["2018-06-12", "0079-08-24", "-0043-03-15", "0000-01-01", "0001-12-31", "2020-02-29", "-0044-02-29"])(
    "round-trips %s through parseHistoricalDate",
    (text) => {
      expect(isoDate(parsed(text))).toBe(text);
    },
  );

  it("pads years and BCE years to four digits", () => {
    expect(isoDate(ymd(79, 8, 24))).toBe("0079-08-24");
    expect(isoDate(ymd(-43, 3, 15))).toBe("-0043-03-15");
  });
});

describe("compareDates", () => {
  it("orders BCE first, then by year, month and day", () => {
    const dates = [
      "2018-06-12",
      "0079-08-24",
      "-0043-03-15",
      "0000-01-01",
      "2018-06-11",
      "2018-01-30",
      "-0044-12-31",
    ].map(parsed);
    expect([...dates].sort(compareDates).map(isoDate)).toEqual([
      "-0044-12-31",
      "-0043-03-15",
      "0000-01-01",
      "0079-08-24",
      "2018-01-30",
      "2018-06-11",
      "2018-06-12",
    ]);
  });

  it("returns 0 for the same day and a sign for the order", () => {
    expect(compareDates(ymd(79, 8, 24), ymd(79, 8, 24))).toBe(0);
    expect(compareDates(ymd(-43, 3, 15), ymd(79, 8, 24))).toBeLessThan(0);
    expect(compareDates(ymd(2018, 6, 12), ymd(2018, 6, 11))).toBeGreaterThan(0);
  });
});

describe("month names and keys", () => {
  it("names months and their URL segments", () => {
    expect(monthName(1)).toBe("January");
    expect(monthName(12)).toBe("December");
    expect(monthSlug(6)).toBe("june");
    expect(() => monthName(13)).toThrow(new RangeError("month out of range: 13"));
    expect(() => monthName(0)).toThrow(new RangeError("month out of range: 0"));
  });

  it("labels and keys a day of the year", () => {
    expect(monthDayLabel(6, 12)).toBe("June 12");
    expect(monthDayKey(6, 12)).toBe("06-12");
    expect(monthDayKey(2, 9)).toBe("02-09");
  });
});
