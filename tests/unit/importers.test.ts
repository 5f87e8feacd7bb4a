// The importers' parsers, called directly on realistic samples: text in,
// { entries, skipped, failed } out, nothing written.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/content/dates.ts";
import { parseEntry } from "../../src/content/parse-entry.ts";
import { entrySlug, entryText } from "../../src/content/write-entry.ts";
import { findYear, kindAndTitle, parseBsdCalendar, parseDateField } from "../../src/importers/bsd-calendar.ts";
import { parseCsv, parseSource } from "../../src/importers/csv.ts";
import { formatReport, importEntries } from "../../src/importers/import-entries.ts";
import { summaryOf, titleKey, truncateAtWord } from "../../src/importers/text.ts";
import type { ImportedEntry, ParsedFile } from "../../src/importers/types.ts";
import { dayFromPath, parseMonthDay, parseWikimediaOnThisDay } from "../../src/importers/wikimedia-onthisday.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

const byTitle = (result: ParsedFile, title: string): ImportedEntry => {
  const found = result.entries.find((e) => e.entry.title === title);
  if (!found) throw new Error(`no entry "${title}" among ${result.entries.map((e) => e.entry.title).join(" | ")}`);
  return found;
};

/** Every entry an importer makes must be one `npm run check` accepts. */
function expectAllValid(result: ParsedFile): void {
  for (const { entry } of result.entries) {
    const slug = entrySlug(entry.date, entry.title);
    const parsed = parseEntry(entryText(entry), `${slug}.md`, `${slug}.md`);
    expect(parsed.problems, entry.title).toEqual([]);
  }
}

describe("bsd-calendar", () => {
  const file = "calendar.excerpt";
  const result = parseBsdCalendar(fixture(file), file);

  it("reads the sample: eight entries, four lines skipped, none failed", () => {
    expect(result.entries.map((e) => [isoDate(e.entry.date), e.entry.kind, e.entry.title])).toEqual([
      ["1757-01-11", "birth", "Birth of Alexander Hamilton"],
      ["1924-01-21", "death", "Death of Lenin"],
      [
        "-0043-03-15",
        "event",
        "Ides of March. Gaius Julius Caesar assassinated by senators, including adoptive son Marcus Junius Brutus Caepio",
      ],
      ["-0562-04-08", "birth", "Birth of Buddha"],
      ["-0322-06-13", "death", "Death of Alexander the Great"],
      ["1969-07-20", "event", "Apollo 11 lands on the Moon"],
      ["1966-09-08", "event", '"Star Trek" debuts on NBC'],
      ["1957-11-03", "event", "Sputnik II launched, bearing space dog Laika"],
    ]);
    expect(result.failed).toEqual([]);
    expect(result.skipped.map((s) => s.origin.line)).toEqual([12, 17, 22, 23]);
    expectAllValid(result);
  });

  it("joins a continuation line to its entry, and converts 44BC to the astronomical year -43", () => {
    const caesar = result.entries[2]!;
    expect(caesar.origin).toEqual({ file, line: 15 });
    expect(caesar.entry.summary).toBe(
      "Ides of March. Gaius Julius Caesar assassinated by senators, including adoptive son Marcus Junius Brutus Caepio, 44BC",
    );
    expect(caesar.entry.date).toEqual({ year: -43, month: 3, day: 15 });
    expect(entrySlug(caesar.entry.date, caesar.entry.title)).toMatch(/^44-bc-03-15-ides-of-march-/);
  });

  it("skips and reports a line without a year", () => {
    expect(result.skipped[0]).toEqual({
      origin: { file, line: 12 },
      reason: 'no year: "Anniversary of the Triumph of the Revolution in Cuba"',
    });
    expect(result.skipped[1]!.reason).toBe('no year: "Vernal Equinox in Japan"');
  });

  it("skips wildcards and movable feasts, which fall on no one day", () => {
    expect(result.skipped[2]!.reason).toBe('"* 15" repeats every month (the * wildcard): "Pay the rent"');
    expect(result.skipped[3]!.reason).toBe('"Easter-2" is a movable date, on a different day each year: "Good Friday"');
  });

  it("keeps a '?' after the year in the summary, and makes the date uncertain (EDTF 1757-01-11?)", () => {
    const hamilton = byTitle(result, "Birth of Alexander Hamilton").entry;
    expect(hamilton.date).toEqual({ year: 1757, month: 1, day: 11, uncertain: true });
    expect(entryText(hamilton)).toContain("\ndate: 1757-01-11?\n");
    expect(hamilton.summary).toBe("Alexander Hamilton born in Nevis, British West Indies, 1757?");
    expect(hamilton.body).toBeUndefined();
  });

  it("ignores comments, preprocessor and LANG lines, and reports an #include", () => {
    const text = [
      "/*",
      " * 01/01\tNot an entry, 1900",
      " */",
      "#ifndef _calendar_test_",
      "#define\t_calendar_test_",
      "#include <calendar.world>",
      "LANG=UTF-8",
      "UTF-8",
      "// 02/02\tNot an entry either, 1900",
      "02/03\tBuddy Holly dies in a plane crash, 1959 /* the day the music died */",
      "#endif /* !_calendar_test_ */",
    ].join("\n");
    const parsed = parseBsdCalendar(text, "calendar.test");
    expect(parsed.entries.map((e) => [isoDate(e.entry.date), e.entry.title, e.entry.summary])).toEqual([
      ["1959-02-03", "Death of Buddy Holly", "Buddy Holly dies in a plane crash, 1959"],
    ]);
    expect(parsed.failed).toEqual([]);
    expect(parsed.skipped).toEqual([
      {
        origin: { file: "calendar.test", line: 6 },
        reason: "#include <calendar.world> is not followed: import that file as well",
      },
    ]);
  });

  it("makes births and deaths of 'born', 'is born', 'dies' and 'died' lines", () => {
    expect(kindAndTitle("Isaac Asimov born in Petrovichi, Russian SFSR")).toEqual({
      kind: "birth",
      title: "Birth of Isaac Asimov",
    });
    expect(kindAndTitle('"Long" John Baldry is born in London')).toEqual({
      kind: "birth",
      title: 'Birth of "Long" John Baldry',
    });
    expect(kindAndTitle("Nikola Tesla died in the Hotel New Yorker room 3327")).toEqual({
      kind: "death",
      title: "Death of Nikola Tesla",
    });
    expect(kindAndTitle("Jazz great Charlie Mingus dies at 57 in Cuernavaca, Mexico")).toEqual({
      kind: "death",
      title: "Death of Jazz great Charlie Mingus",
    });
    expect(kindAndTitle("Death of Alexander the Great")).toEqual({
      kind: "death",
      title: "Death of Alexander the Great",
    });
    expect(kindAndTitle("Word is received that Peary has reached the North Pole and died")).toEqual({
      kind: "death",
      title: "Word is received that Peary has reached the North Pole and died",
    });
    expect(kindAndTitle("Osborne 1 computer released")).toEqual({
      kind: "event",
      title: "Osborne 1 computer released",
    });
  });

  it("reads month-name dates and the '*' of a date that varies", () => {
    expect(parseDateField("Jul 20")).toEqual({ kind: "day", month: 7, day: 20, variable: false });
    expect(parseDateField("20 Jul")).toEqual({ kind: "day", month: 7, day: 20, variable: false });
    expect(parseDateField("sept/09")).toEqual({ kind: "day", month: 9, day: 9, variable: false });
    expect(parseDateField("03/20*")).toEqual({ kind: "day", month: 3, day: 20, variable: true });
    expect(parseDateField("05/MonFirst").kind).toBe("movable");
    expect(parseDateField("10/LastSun").kind).toBe("movable");
    expect(parseDateField("Friday").kind).toBe("movable");
    expect(parseDateField("mei/04")).toEqual({ kind: "unknown" });
  });

  it("finds the year at the end, in parentheses, or followed by more text, with BC in every spelling", () => {
    expect(findYear("Castro expels Cuban President Batista, 1959")).toMatchObject({
      year: 1959,
      rest: "Castro expels Cuban President Batista",
    });
    expect(findYear('"Star Trek" debuts on NBC (1966)')).toMatchObject({
      year: 1966,
      rest: '"Star Trek" debuts on NBC',
    });
    expect(findYear("Rome is founded by Romulus and Remus, 753 BC")).toMatchObject({ year: -752 });
    expect(findYear("Death of Alexander the Great, 323 B.C.")).toMatchObject({
      year: -322,
      rest: "Death of Alexander the Great",
    });
    expect(findYear("Earth created at 6:30 AM, 4004BC.")).toMatchObject({
      year: -4003,
      rest: "Earth created at 6:30 AM",
    });
    expect(findYear("Feast of St. Paul's Shipwreck, AD 60")).toMatchObject({ year: 60 });
    expect(findYear("Wilhelm Beer born, 1797, first astronomer to map Mars")).toMatchObject({
      year: 1797,
      rest: "Wilhelm Beer born, first astronomer to map Mars",
    });
    expect(findYear("Justice Dept. begins IBM anti-trust suit, 1969 (drops it, January 8, 1982)")).toMatchObject({
      year: 1969,
    });
    expect(findYear("The Epoch (Time 0 for UNIX systems, Midnight GMT, 1970)")).toMatchObject({
      year: 1970,
      rest: "The Epoch (Time 0 for UNIX systems, Midnight GMT)",
    });
    expect(findYear("Alexander Hamilton born in Nevis, British West Indies, 1757?")).toMatchObject({
      year: 1757,
      uncertain: true,
    });
    // Two digits without an era are not a year; a number inside the text is not one either.
    expect(findYear("Watts, Los Angeles, riots kill two, injure 25")).toBeUndefined();
    expect(findYear("The Boeing 747 enters service")).toBeUndefined();
  });

  it("fails a line whose date it cannot read or whose day does not exist, naming the line", () => {
    const parsed = parseBsdCalendar(
      "mei/04\tDodenherdenking, 1945\n02/29\tA leap day that was not, 1900\nno date here\n",
      "calendar.bad",
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.failed.map((f) => f.origin.line)).toEqual([1, 2, 3]);
    expect(parsed.failed[0]!.reason).toContain('cannot read the date "mei/04"');
    expect(parsed.failed[1]!.reason).toContain("1900 was not a leap year");
    expect(parsed.failed[2]!.reason).toContain("no date at the start of the line");
  });

  it("cuts a summary over 280 characters at a word and keeps the whole text in the body", () => {
    const long = `The British Parliament passes the Constitutional Act and splits the old province of Quebec into Upper and Lower Canada, ${"with a long account of every clause and of the debates that led to it ".repeat(4)}, 1791`;
    const [entry] = parseBsdCalendar(`01/25\t${long}\n`, "calendar.long").entries;
    expect(entry!.entry.summary.length).toBeLessThanOrEqual(280);
    expect(entry!.entry.summary).toMatch(/ [a-z]+…$/);
    expect(entry!.entry.body).toBe(long.replace(/\s+/g, " "));
  });

  it("cites the calendar file and its license", () => {
    expect(result.entries[0]!.entry.sources).toEqual([
      { title: "calendar.excerpt from the BSD calendar(1) distribution (BSD license)" },
    ]);
  });
});

describe("csv", () => {
  it("reads quoted fields with commas and newlines, topics, kinds and the three kinds of source", () => {
    const result = parseCsv(fixture("events.csv"), "events.csv");
    expect(result.failed).toEqual([]);
    expect(result.entries.map((e) => e.origin)).toEqual([
      { file: "events.csv", row: 2, line: 2 },
      { file: "events.csv", row: 3, line: 3 },
      { file: "events.csv", row: 4, line: 4 },
      { file: "events.csv", row: 5, line: 6 },
    ]);
    const [apollo, gagarin, caesar, einstein] = result.entries.map((e) => e.entry);
    expect(apollo).toEqual({
      title: "Apollo 11 lands on the Moon",
      date: { year: 1969, month: 7, day: 20 },
      kind: "event",
      summary:
        "Neil Armstrong and Buzz Aldrin land the lunar module Eagle on the Sea of Tranquility, while Michael Collins orbits above.",
      topics: ["space exploration", "Cold War"],
      sources: [{ title: "Apollo 11 (Wikipedia)", url: "https://en.wikipedia.org/wiki/Apollo_11" }],
    });
    expect(gagarin!.kind).toBe("event");
    expect(gagarin!.sources).toEqual([
      { title: "Vostok 1 (en.wikipedia.org)", url: "https://en.wikipedia.org/wiki/Vostok_1" },
    ]);
    expect(caesar!.date).toEqual({ year: -43, month: 3, day: 15 });
    expect(caesar!.kind).toBe("death");
    expect(caesar!.summary).toBe(
      "Senators led by Brutus and Cassius stab the dictator Julius Caesar to death at the Theatre of Pompey.",
    );
    expect(caesar!.sources).toEqual([{ title: "Suetonius, The Twelve Caesars" }]);
    expect(einstein!.topics).toEqual(["physics", "science"]);
    expect(einstein!.sources).toBeUndefined();
    expectAllValid(result);
  });

  it("fails bad rows with their row number and reason, and keeps the good ones", () => {
    const result = parseCsv(fixture("events-with-bad-rows.csv"), "bad.csv");
    expect(result.entries.map((e) => e.entry.title)).toEqual(["The Berlin Wall falls"]);
    expect(result.failed).toEqual([
      {
        origin: { file: "bad.csv", row: 3, line: 3 },
        reason: 'date: "1989-13-01" has month 13, which does not exist (the month must be 01 to 12)',
      },
      { origin: { file: "bad.csv", row: 4, line: 4 }, reason: "summary is missing" },
      {
        origin: { file: "bad.csv", row: 5, line: 5 },
        reason: 'kind: "collapse" is not one of event, birth, death, holiday',
      },
      {
        origin: { file: "bad.csv", row: 6, line: 6 },
        reason: 'source: "ftp://example.org/chernobyl" uses ftp:; only https:// and http:// addresses are allowed',
      },
    ]);
  });

  it("fails a summary over 280 characters, a missing title, a bad date and a row with too many fields", () => {
    const text = [
      "title,date,summary",
      `Too long,2000-01-01,"${"word ".repeat(60)}"`,
      ",2000-01-02,No title here",
      "Not a leap day,2019-02-29,February 2019 had 28 days",
      "Unquoted comma,2000-01-03,one,two",
      `"A title
on two lines",2000-01-04,Fine`,
    ].join("\n");
    const result = parseCsv(text, "x.csv");
    expect(result.failed.map((f) => [f.origin.row, f.reason.split(" (")[0]])).toEqual([
      [2, "summary is 299 characters long; the limit is 280"],
      [3, "title is missing"],
      [4, 'date: "2019-02-29" is not a real day: 2019 was not a leap year'],
      [5, "has 4 fields but the header has 3"],
    ]);
    expect(result.entries.map((e) => [e.origin.row, e.origin.line, e.entry.title])).toEqual([
      [6, 6, "A title on two lines"],
    ]);
  });

  it("names the row and its first line when a field spans lines", () => {
    const text =
      'date,title,summary,body\n1969-07-20,Apollo 11,"Eagle lands","First line.\n\nSecond paragraph."\n1969-07-21,,"No title"\n';
    const result = parseCsv(text, "x.csv");
    expect(result.entries[0]!.entry.body).toBe("First line.\n\nSecond paragraph.");
    expect(result.failed).toEqual([{ origin: { file: "x.csv", row: 3, line: 5 }, reason: "title is missing" }]);
  });

  it("fails the whole file on an unknown or missing column, or a quote never closed", () => {
    expect(parseCsv("date,title,sumary\n2000-01-01,A,B\n", "x.csv").failed[0]!.reason).toMatch(
      /^the header has an unknown column "sumary" \(did you mean "summary"\?\); the header has no summary column/,
    );
    const unclosed = parseCsv('date,title,summary\n2000-01-01,A,"B\n', "x.csv");
    expect(unclosed.entries).toEqual([]);
    expect(unclosed.failed[0]!.reason).toMatch(/^not readable as CSV: Quote Not Closed/);
  });

  it("reads a source as a title, an address, or 'Title | address'", () => {
    expect(parseSource("The Times, 21 July 1969")).toEqual({ title: "The Times, 21 July 1969" });
    expect(parseSource("NASA | https://www.nasa.gov/mission/apollo-11/")).toEqual({
      title: "NASA",
      url: "https://www.nasa.gov/mission/apollo-11/",
    });
    expect(parseSource("https://www.nasa.gov/")).toEqual({ title: "www.nasa.gov", url: "https://www.nasa.gov/" });
    expect(parseSource("NASA | www.nasa.gov")).toEqual({ problem: expect.stringContaining("is not a web address") });
    expect(parseSource("javascript://alert(1)")).toEqual({
      problem: expect.stringContaining("only https:// and http://"),
    });
  });
});

describe("wikimedia-onthisday", () => {
  const file = "onthisday-03-15.json";
  const result = parseWikimediaOnThisDay(fixture(file), file);

  it("converts Wikimedia's -44 to the astronomical year -43 (44 BC)", () => {
    const caesar = result.entries[0]!.entry;
    expect(caesar.date).toEqual({ year: -43, month: 3, day: 15 });
    expect(isoDate(caesar.date)).toBe("-0043-03-15");
    expect(entrySlug(caesar.date, caesar.title)).toBe("44-bc-03-15-assassination-of-julius-caesar");
  });

  it("imports events, births and deaths by kind, leaves out 'selected', and skips a holiday without a year", () => {
    expect(result.entries.map((e) => [e.origin.item, e.entry.kind, isoDate(e.entry.date)])).toEqual([
      ["events[0]", "event", "-0043-03-15"],
      ["events[1]", "event", "1965-03-15"],
      ["births[0]", "birth", "1767-03-15"],
      ["deaths[0]", "death", "-0043-03-15"],
    ]);
    expect(result.skipped).toEqual([
      {
        origin: { file, item: "holidays[0]" },
        reason: 'a holiday without a year (the archive dates every entry): "Ides of March (ancient Rome)"',
      },
    ]);
    expect(result.failed).toEqual([]);
    expectAllValid(result);
  });

  it("imports 'selected' only from a feed that has no events", () => {
    const selected = { text: "Roman dictator Julius Caesar is assassinated.", year: -44, pages: [] };
    const onlySelected = parseWikimediaOnThisDay(JSON.stringify({ selected: [selected] }), "selected/03/15.json");
    expect(onlySelected.entries.map((e) => [e.origin.item, e.entry.kind, isoDate(e.entry.date)])).toEqual([
      ["selected[0]", "event", "-0043-03-15"],
    ]);
    const both = parseWikimediaOnThisDay(JSON.stringify({ selected: [selected], events: [] }), "all/03/15.json");
    expect(both.entries).toEqual([]);
  });

  it("cites every page, titled from its normalized title, with its desktop address", () => {
    expect(result.entries[0]!.entry.sources).toEqual([
      {
        title: "Assassination of Julius Caesar (Wikipedia)",
        url: "https://en.wikipedia.org/wiki/Assassination_of_Julius_Caesar",
      },
      { title: "Julius Caesar (Wikipedia)", url: "https://en.wikipedia.org/wiki/Julius_Caesar" },
    ]);
    // No normalizedtitle: titles.normalized.
    expect(result.entries[2]!.entry.sources).toEqual([
      { title: "Andrew Jackson (Wikipedia)", url: "https://en.wikipedia.org/wiki/Andrew_Jackson" },
    ]);
  });

  it("titles an entry with its text when short, else with its first page; cuts a long summary", () => {
    const [caesar, selma, jackson] = result.entries.map((e) => e.entry);
    expect(jackson!.title).toBe(
      "Andrew Jackson, American general and politician, 7th President of the United States (d. 1845)",
    );
    expect(caesar!.title).toBe("Assassination of Julius Caesar");
    expect(caesar!.summary).toMatch(/^Roman dictator Julius Caesar is stabbed/);
    expect(selma!.title).toBe("Voting Rights Act of 1965");
    expect(selma!.summary.length).toBeLessThanOrEqual(280);
    expect(selma!.summary.endsWith("…")).toBe(true);
    expect(selma!.body).toMatch(/^In a speech to the United States Congress.*a week earlier\.$/);
  });

  it("takes the day from --day first, then from the file's path, else fails the file", () => {
    const json = JSON.stringify({ events: [{ text: "Singapore summit", year: 2018, pages: [] }] });
    const dayOf = (r: ParsedFile) => r.entries.map((e) => isoDate(e.entry.date));
    expect(dayOf(parseWikimediaOnThisDay(json, "onthisday-03-15.json", { day: { month: 6, day: 12 } }))).toEqual([
      "2018-06-12",
    ]);
    expect(dayOf(parseWikimediaOnThisDay(json, "feed/onthisday/all/06/12.json"))).toEqual(["2018-06-12"]);
    expect(dayOf(parseWikimediaOnThisDay(json, "downloads/onthisday-06-12.json"))).toEqual(["2018-06-12"]);
    const none = parseWikimediaOnThisDay(json, "feed.json");
    expect(none.entries).toEqual([]);
    expect(none.failed).toEqual([
      { origin: { file: "feed.json" }, reason: expect.stringMatching(/^cannot tell which day this is .*--day MM-DD/) },
    ]);
  });

  it("reads days as MM-DD, 29 February included", () => {
    expect(parseMonthDay("02-29")).toEqual({ month: 2, day: 29 });
    expect(parseMonthDay("02-30")).toBeUndefined();
    expect(parseMonthDay("13-01")).toBeUndefined();
    expect(parseMonthDay("6-12")).toBeUndefined();
    expect(dayFromPath("C:\\feeds\\02\\29.json")).toEqual({ month: 2, day: 29 });
    expect(dayFromPath("2018-06-12-export.json")).toBeUndefined();
  });

  it("fails an item with no year or an impossible day, and a file that is not the feed", () => {
    const json = JSON.stringify({
      events: [
        { text: "No year", pages: [] },
        { text: "Year zero", year: 0 },
      ],
      births: [{ text: "Born on a leap day that was not", year: 1900 }],
    });
    const parsed = parseWikimediaOnThisDay(json, "02-29.json");
    expect(parsed.failed.map((f) => [f.origin.item, f.reason.split(":")[0]])).toEqual([
      ["events[0]", "has no year"],
      ["events[1]", "year 0 is not a year (Wikimedia writes 44 BC as -44)"],
      ["births[0]", '"1900-02-29" is not a real day'],
    ]);
    expect(parseWikimediaOnThisDay("[]", "06-12.json").failed[0]!.reason).toMatch(/^not an On this day feed/);
    expect(parseWikimediaOnThisDay("{", "06-12.json").failed[0]!.reason).toMatch(/^not valid JSON/);
  });
});

describe("shared", () => {
  it("cuts text at a word boundary with an ellipsis", () => {
    expect(truncateAtWord("short", 10)).toBe("short");
    expect(truncateAtWord("one two three four", 12)).toBe("one two…");
    expect(summaryOf("a\nb")).toEqual({ summary: "a b" });
  });

  it("compares titles ignoring case, accents and punctuation, in any script", () => {
    expect(titleKey("Côte d'Ivoire: independence!")).toBe(titleKey("cote d ivoire independence"));
    expect(titleKey("Москва")).not.toBe(titleKey("Киев"));
  });

  it("skips what the archive or the same run already has, and writes nothing in a dry run", async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), "onthisday-importers-"));
    try {
      await mkdir(path.join(content, "events"));
      await writeFile(
        path.join(content, "events", "apollo-11.md"),
        "---\ntitle: Apollo 11 lands on the Moon\ndate: 1969-07-20\nsummary: Eagle lands.\n---\n",
      );
      const entry = (title: string, line: number): ImportedEntry => ({
        entry: { title, date: { year: 1969, month: 7, day: 20 }, summary: `${title}, in one line.` },
        origin: { file: "list.txt", line },
      });
      const parsed: ParsedFile = {
        entries: [
          entry("Apollo 11 Lands on the Moon!", 1),
          entry("Armstrong steps onto the Moon", 2),
          entry("Armstrong Steps onto the Moon.", 3),
        ],
        skipped: [],
        failed: [],
      };
      const report = await importEntries([parsed], { contentDir: content, dryRun: true });
      expect(report.created.map((c) => c.title)).toEqual(["Armstrong steps onto the Moon"]);
      expect(report.skipped.map((s) => s.reason)).toEqual([
        `"Apollo 11 Lands on the Moon!" (1969-07-20) is already there: ${path.relative(process.cwd(), path.join(content, "events", "apollo-11.md"))} has the same day and title`,
        `"Armstrong Steps onto the Moon." (1969-07-20) is already there: list.txt:2 (earlier in this import) has the same day and title`,
      ]);
      expect(await readdir(path.join(content, "events"))).toEqual(["apollo-11.md"]);
      expect(formatReport(report).stdout.at(-1)).toBe(
        "Dry run: would create 1, skipped 2, failed 0; nothing was written.",
      );
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it("fails an entry that would not pass the checker instead of writing it", async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), "onthisday-importers-"));
    try {
      const parsed: ParsedFile = {
        entries: [
          {
            entry: {
              title: "Bad source",
              date: { year: 2000, month: 1, day: 1 },
              summary: "A source with a bad address.",
              sources: [{ title: "x", url: "mailto:a@b.c" }],
            },
            origin: { file: "x.csv", row: 2 },
          },
        ],
        skipped: [],
        failed: [],
      };
      const report = await importEntries([parsed], { contentDir: content });
      expect(report.created).toEqual([]);
      expect(report.failed[0]!.reason).toMatch(
        /^"Bad source" \(2000-01-01\) would not pass npm run check: sources\[0\]\.url: "mailto:a@b.c" uses mailto:/,
      );
      await expect(readdir(path.join(content, "events"))).rejects.toThrow();
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });
});
