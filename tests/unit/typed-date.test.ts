// Dates as editors type them for `npm run new`: in words as historians write
// them (no year 0), or ISO 8601 with its astronomical years.
import { describe, expect, it } from "vitest";
import { dateInWords, isoDate } from "../../src/content/dates.ts";
import { isoYearNote, parseTypedDate } from "../../src/content/typed-date.ts";

/** The ISO date a typed date is understood as, or its problem. */
function understood(text: string): string {
  const parsed = parseTypedDate(text);
  return parsed.ok ? isoDate(parsed.date) : `problem: ${parsed.problem}`;
}

describe("parseTypedDate", () => {
  it("reads BC and BCE years as historians count them: 490 BC is ISO -0489", () => {
    expect(understood("12 September 490 BC")).toBe("-0489-09-12");
    expect(understood("12 September 490 BCE")).toBe("-0489-09-12");
    expect(understood("12 Sept. 490 B.C.")).toBe("-0489-09-12");
    expect(understood("September 12, 490 BC")).toBe("-0489-09-12");
    expect(understood("12th September 490 b.c.e.")).toBe("-0489-09-12");
    expect(understood("15 March 44 BC")).toBe("-0043-03-15");
    expect(understood("1 January 1 BC")).toBe("0000-01-01");
    expect(understood("1 January 10000 BC")).toBe("-9999-01-01");
  });

  it("reads AD and CE years, before or after the year, and years 1 to 999", () => {
    expect(understood("24 August AD 79")).toBe("0079-08-24");
    expect(understood("24 August 79 AD")).toBe("0079-08-24");
    expect(understood("24 August 79 CE")).toBe("0079-08-24");
    expect(understood("24 August 79")).toBe("0079-08-24");
    expect(understood("1 January AD 1")).toBe("0001-01-01");
    expect(understood("25 December 800")).toBe("0800-12-25");
    expect(understood("20 July 1969")).toBe("1969-07-20");
    expect(understood("July 20, 1969")).toBe("1969-07-20");
  });

  it("keeps ISO dates as the front-matter reads them: astronomical years", () => {
    expect(understood("-0490-09-12")).toBe("-0490-09-12");
    expect(understood("0079-08-24")).toBe("0079-08-24");
    expect(understood("1969-07-20")).toBe("1969-07-20");
  });

  it("knows 29 February in leap years only, BC ones too (the Julian rule before 1582)", () => {
    expect(understood("29 February 2024")).toBe("2024-02-29");
    expect(understood("29 February 1900")).toBe(
      'problem: "29 February 1900" is not a real day: 1900 was not a leap year',
    );
    expect(understood("29 February 1500")).toBe("1500-02-29");
    // 1 BC and 5 BC are leap years (astronomical 0 and -4); 4 BC is not.
    expect(understood("29 February 1 BC")).toBe("0000-02-29");
    expect(understood("29 February 5 BC")).toBe("-0004-02-29");
    expect(understood("29 February 4 BC")).toBe(
      'problem: "29 February 4 BC" is not a real day: 4 BC was not a leap year',
    );
    expect(understood("29 February AD 4")).toBe("0004-02-29");
    expect(understood("-0004-02-29")).toBe("-0004-02-29");
  });

  it("says what is wrong with what it cannot read", () => {
    expect(understood("12 Smarch 490 BC")).toBe('problem: "12 Smarch 490 BC": "Smarch" is not a month');
    expect(understood("1 January 0 BC")).toMatch(/year 0, which historians do not count/);
    expect(understood("31 April 1900")).toBe('problem: "31 April 1900" is not a real day: April has 30 days');
    expect(understood("AD 79 BC 1 May")).toBe('problem: "AD 79 BC 1 May" is not a date');
    expect(understood("1 May AD 79 BC")).toBe('problem: "1 May AD 79 BC" has two eras');
    expect(understood("yesterday")).toBe('problem: "yesterday" is not a date');
    const parsed = parseTypedDate("yesterday");
    expect(!parsed.ok && parsed.fix).toContain('"12 September 490 BC"');
  });
});

describe("isoYearNote", () => {
  it("says what an ISO year before AD 1 is, and how to type the year an editor likely meant", () => {
    const parsed = parseTypedDate("-0490-09-12");
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(dateInWords(parsed.date)).toBe("12 September 491 BC");
    expect(isoYearNote("-0490-09-12", parsed.date)).toBe(
      'ISO years count a year 0, so -0490 is 491 BC; for 490 BC, type --date "12 September 490 BC"',
    );
    const suggested = parseTypedDate("12 September 490 BC");
    expect(suggested.ok && isoDate(suggested.date)).toBe("-0489-09-12");
  });

  it("says nothing of AD dates or dates in words, and suggests no day that does not exist", () => {
    const date = (text: string) => {
      const parsed = parseTypedDate(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.date;
    };
    expect(isoYearNote("0079-08-24", date("0079-08-24"))).toBeUndefined();
    expect(isoYearNote("12 September 490 BC", date("12 September 490 BC"))).toBeUndefined();
    expect(isoYearNote("-0004-02-29", date("-0004-02-29"))).toBe("ISO years count a year 0, so -0004 is 5 BC");
  });
});
