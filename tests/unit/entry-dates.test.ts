// The entry format's dates (issue 19): EDTF in `date`, `calendar`, `wikidata`,
// and sources' `accessed` and `archiveUrl`, each refused with its line and an example.
import { describe, expect, it } from "vitest";
import { type Entry, parseEntry } from "../../src/content/parse-entry.ts";
import { formatProblem } from "../../src/content/problems.ts";
import { validEntry } from "../support/helpers.ts";

const FILE = "content/events/x.md";

function parseOk(text: string): Entry {
  const result = parseEntry(text, FILE, "x.md");
  if (!result.entry) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result.entry;
}

/** Each problem as `npm run check` prints it. */
function problems(text: string): string[] {
  const result = parseEntry(text, FILE, "x.md");
  expect(result.entry).toBeUndefined();
  return result.problems.map(formatProblem);
}

describe("an entry's date and calendar", () => {
  it("reads EDTF forms, a bare year included, with the calendar inside the date", () => {
    expect(parseOk(validEntry({ date: "1757" })).date).toStrictEqual({
      year: 1757,
      month: 1,
      day: 1,
      precision: "year",
    });
    expect(parseOk(validEntry({ date: "0079" })).date).toMatchObject({ year: 79, precision: "year" });
    expect(parseOk(validEntry({ date: '"1757?"' })).date).toMatchObject({ year: 1757, uncertain: true });
    expect(parseOk(validEntry({ date: "1863-07-01/1863-07-03" })).date).toMatchObject({ end: { day: 3 } });
    const washington = parseOk(validEntry({ date: "1732-02-11", extra: ["calendar: julian"] }));
    expect(washington.date).toStrictEqual({ year: 1732, month: 2, day: 11, calendar: "julian" });
    expect(washington).not.toHaveProperty("calendar");
  });

  it("takes 1700-02-29 as Old Style only", () => {
    expect(parseOk(validEntry({ date: "1700-02-29", extra: ["calendar: julian"] })).date).toMatchObject({ day: 29 });
    expect(problems(validEntry({ date: "1700-02-29" }))).toEqual([
      `${FILE}:3: date: "1700-02-29" is not a real day: 1700 was not a leap year (check the source; the day must be 01 to 28; if the source gives an Old Style (Julian) date, add the line calendar: julian)`,
    ]);
  });

  it("reports a date that does not exist in its calendar even when other fields are wrong too", () => {
    const text = validEntry({ title: '""', date: "1900-02-29", extra: ["calendar: gregorian"] });
    expect(problems(text)).toEqual([
      `${FILE}:2: title: is empty (fill it in, e.g. title: Apollo 11 lands on the Moon)`,
      `${FILE}:3: date: "1900-02-29" is not a real day: 1900 was not a leap year (check the source; the day must be 01 to 28)`,
    ]);
  });

  it("refuses EDTF level 2, a reversed interval, an unknown calendar, each with an example", () => {
    expect(problems(validEntry({ date: '"{1667,1668}"' }))[0]).toMatch(
      /^content\/events\/x\.md:3: date: "\{1667,1668\}" is EDTF level 2 .*\(write a day \(1969-07-20\)/,
    );
    expect(problems(validEntry({ date: "1863-07-03/1863-07-01" }))).toEqual([
      `${FILE}:3: date: "1863-07-03/1863-07-01" ends before it starts (or on the same day) (write the first day, a slash, then the last day, e.g. 1863-07-01/1863-07-03)`,
    ]);
    expect(problems(validEntry({ extra: ["calendar: lunar"] }))).toEqual([
      `${FILE}:5: calendar: "lunar" is not allowed (use one of: julian, gregorian)`,
    ]);
  });
});

describe("wikidata and sources", () => {
  it("reads a Wikidata item and a source's accessed date and archived copy", () => {
    const entry = parseOk(
      validEntry({
        extra: [
          "wikidata: Q23",
          "sources:",
          "  - title: A page",
          "    url: https://example.org/page",
          "    accessed: 2026-06-12",
          "    archiveUrl: https://web.archive.org/web/2026/https://example.org/page",
        ],
      }),
    );
    expect(entry.wikidata).toBe("Q23");
    expect(entry.sources).toEqual([
      {
        title: "A page",
        url: "https://example.org/page",
        accessed: { year: 2026, month: 6, day: 12 },
        archiveUrl: "https://web.archive.org/web/2026/https://example.org/page",
      },
    ]);
  });

  it("refuses a malformed Wikidata id with the form to write", () => {
    expect(problems(validEntry({ extra: ["wikidata: https://www.wikidata.org/wiki/Q23"] }))).toEqual([
      `${FILE}:5: wikidata: "https://www.wikidata.org/wiki/Q23" is not a Wikidata item id (write the id alone: wikidata: Q23)`,
    ]);
    expect(problems(validEntry({ extra: ["wikidata: 23"] }))).toEqual([
      `${FILE}:5: wikidata: must be text, not number (23) (e.g. wikidata: Q23)`,
    ]);
    expect(problems(validEntry({ extra: ["wikidata: P31"] }))[0]).toContain("e.g. wikidata: Q23");
  });
});
