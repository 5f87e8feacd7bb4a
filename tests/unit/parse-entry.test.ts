import { describe, expect, it } from "vitest";
import { type Entry, lineOfField, parseEntry, slugFromFileName } from "../../src/content/parse-entry.ts";
import { type ContentProblem, formatProblem } from "../../src/content/problems.ts";
import { CREDIT, creditLines, entryFile, validEntry } from "../support/helpers.ts";

const FILE = "content/events/x.md";
const RELATED_FIX = 'write either "- event: <slug>" or "- date: YYYY-MM-DD" with "text: …"';

function parse(text: string, fileName = "x.md") {
  return parseEntry(text, FILE, fileName);
}

/** The entry, failing with the formatted problems if there were any. */
function parseOk(text: string, fileName = "x.md"): Entry {
  const result = parse(text, fileName);
  if (!result.entry) throw new Error(`unexpected problems:\n${result.problems.map(formatProblem).join("\n")}`);
  expect(result.problems).toEqual([]);
  return result.entry;
}

/** The problems, asserting that no entry came back. */
function problemsOf(text: string, fileName = "x.md"): ContentProblem[] {
  const result = parse(text, fileName);
  expect(result.entry).toBeUndefined();
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** An error problem in FILE, with the fields the parser sets. */
function error(fields: { line?: number; field?: string; message: string; fix: string }): ContentProblem {
  return {
    file: FILE,
    line: fields.line,
    field: fields.field,
    message: fields.message,
    fix: fields.fix,
    severity: "error",
  };
}

describe("parseEntry: valid entries", () => {
  it("reads a minimal entry: unquoted date as integers, kind defaults to event, body kept", () => {
    const entry = parseOk(
      validEntry({ title: "Trump meets Kim", date: "2018-06-12", summary: "They shake hands.", body: "Context.\n" }),
    );
    expect(entry).toEqual({
      title: "Trump meets Kim",
      date: { year: 2018, month: 6, day: 12 },
      kind: "event",
      summary: "They shake hands.",
      slug: "x",
      file: FILE,
      body: "Context.\n",
    });
    expect(entry.date).not.toBeInstanceOf(Date);
  });

  it("reads unquoted 0079-08-24 as year 79 (js-yaml's default schema would give 1979)", () => {
    expect(parseOk(validEntry({ date: "0079-08-24" })).date).toEqual({ year: 79, month: 8, day: 24 });
  });

  it("reads a BCE date and a quoted date", () => {
    expect(parseOk(validEntry({ date: "-0043-03-15" })).date).toEqual({ year: -43, month: 3, day: 15 });
    expect(parseOk(validEntry({ date: '"2018-06-12"' })).date).toEqual({ year: 2018, month: 6, day: 12 });
  });

  it("reads every optional field", () => {
    const entry = parseOk(
      validEntry({
        extra: [
          "kind: death",
          "location: Rome",
          "topics: [politics, Rome]",
          "photo:",
          "  src: lead.jpg",
          "  alt: A statue",
          "  sourceUrl: https://commons.wikimedia.org/",
          ...creditLines(),
          "photos:",
          "  - src: more.jpg",
          "    alt: A coin",
          ...creditLines("    "),
          "related:",
          "  - event: ides-of-march",
          "  - date: -0044-02-15",
          "    text: The Lupercalia",
          "sources:",
          "  - title: Suetonius",
          "    url: https://example.org/suetonius",
        ],
        body: "# Heading\n\nText.\n",
      }),
      "caesar.md",
    );
    expect(entry).toEqual({
      title: "A title",
      date: { year: 2018, month: 6, day: 12 },
      kind: "death",
      summary: "A one-line summary.",
      location: "Rome",
      topics: ["politics", "Rome"],
      photo: { src: "lead.jpg", alt: "A statue", sourceUrl: "https://commons.wikimedia.org/", ...CREDIT },
      photos: [{ src: "more.jpg", alt: "A coin", ...CREDIT }],
      related: [{ event: "ides-of-march" }, { date: { year: -44, month: 2, day: 15 }, text: "The Lupercalia" }],
      sources: [{ title: "Suetonius", url: "https://example.org/suetonius" }],
      slug: "caesar",
      file: FILE,
      body: "# Heading\n\nText.\n",
    });
  });

  it("parses a file with CRLF line endings and a byte order mark", () => {
    const text = "\uFEFF---\r\ntitle: T\r\ndate: 0079-08-24\r\nsummary: S\r\n---\r\nBody\r\n";
    const entry = parseOk(text);
    expect(entry.title).toBe("T");
    expect(entry.summary).toBe("S");
    expect(entry.date).toEqual({ year: 79, month: 8, day: 24 });
    expect(entry.body).toBe("Body\n"); // line endings are normalised
  });

  it("keeps file line numbers with CRLF line endings and a byte order mark", () => {
    const text = "\uFEFF---\r\ntitle: T\r\n\r\ndate: 2019-02-29\r\nsummary: S\r\n---\r\n";
    expect(problemsOf(text)).toEqual([
      error({
        line: 4,
        field: "date",
        message: '"2019-02-29" is not a real day: 2019 was not a leap year',
        fix: "check the source; the day must be 01 to 28",
      }),
    ]);
  });

  // Regression: CRLF files once kept a stray carriage return on their last front-matter line.
  it("parses a CRLF file whose last field is an enum value (kind: birth)", () => {
    const text = "---\r\ntitle: T\r\ndate: 2018-06-12\r\nsummary: S\r\nkind: birth\r\n---\r\nBody\r\n";
    expect(parse(text).problems).toEqual([]);
    expect(parse(text).entry?.kind).toBe("birth");
  });

  it("parses a CRLF file whose last field is quoted or a flow list", () => {
    for (const last of ['summary: "S"', "summary: 'S'"]) {
      const text = `---\r\ntitle: T\r\ndate: 2018-06-12\r\n${last}\r\n---\r\nBody\r\n`;
      expect(parse(text).problems).toEqual([]);
    }
    const text = "---\r\ntitle: T\r\ndate: 2018-06-12\r\nsummary: S\r\ntopics: [a, b]\r\n---\r\n";
    expect(parse(text).entry?.topics).toEqual(["a", "b"]);
  });

  it("quotes a CRLF file's last-line date without a stray carriage return", () => {
    const text = "---\r\ntitle: T\r\nsummary: S\r\ndate: 2019-02-29\r\n---\r\n";
    expect(problemsOf(text).map((p) => p.message)).toEqual([
      '"2019-02-29" is not a real day: 2019 was not a leap year',
    ]);
  });

  it("does not hand back a shared object for identical texts", () => {
    const text = validEntry();
    const a = parseOk(text);
    const b = parseOk(text);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.date).not.toBe(b.date);
  });
});

describe("parseEntry: problems", () => {
  // Each of these texts has exactly one problem.
  const ONE_PROBLEM: readonly { name: string; text: string; problem: ContentProblem }[] = [
    {
      name: "reports a missing title at the line of the opening ---",
      text: entryFile(["date: 2018-06-12", "summary: S"]),
      problem: error({
        line: 1,
        field: "title",
        message: "is missing",
        fix: "add it, e.g. title: Apollo 11 lands on the Moon",
      }),
    },
    {
      name: "reports a missing date with an example",
      text: entryFile(["title: T", "summary: S"]),
      problem: error({ line: 1, field: "date", message: "is missing", fix: "add it, e.g. date: 1969-07-20" }),
    },
    {
      name: "reports an empty summary (`summary:` with nothing) at its line",
      text: entryFile(["title: T", "date: 2018-06-12", "summary:"]),
      problem: error({
        line: 4,
        field: "summary",
        message: "is empty",
        fix: "fill it in, e.g. summary: Neil Armstrong and Buzz Aldrin land the lunar module Eagle.",
      }),
    },
    {
      name: "reports an empty quoted summary as empty too",
      text: entryFile(["title: T", "date: 2018-06-12", 'summary: "  "']),
      problem: error({
        line: 4,
        field: "summary",
        message: "is empty",
        fix: "fill it in, e.g. summary: Neil Armstrong and Buzz Aldrin land the lunar module Eagle.",
      }),
    },
    {
      name: "rejects a multi-line summary",
      text: entryFile(["title: T", "date: 2018-06-12", "summary: |", "  line one", "  line two"]),
      problem: error({
        line: 4,
        field: "summary",
        message: "must be one line",
        fix: "join the lines, or move the detail into the body",
      }),
    },
    {
      name: 'suggests "kind" for the typo "kidn"',
      text: validEntry({ extra: ["kidn: birth"] }),
      problem: error({ line: 5, field: "kidn", message: "is not a known field", fix: 'did you mean "kind"?' }),
    },
    {
      name: "lists the known fields when an unknown one is not close to any",
      text: validEntry({ extra: ["xyzzy: 1"] }),
      problem: error({
        line: 5,
        field: "xyzzy",
        message: "is not a known field",
        fix: "remove it, or use one of: title, date, calendar, wikidata, kind, summary, location, topics, featured, photo, photos, related, sources, added, aliases",
      }),
    },
    {
      name: "suggests the nearest field inside a nested group",
      text: validEntry({ extra: ["photo:", "  alt: A", "  captoin: C", ...creditLines()] }),
      problem: error({
        line: 7,
        field: "photo.captoin",
        message: "is not a known field",
        fix: 'did you mean "caption"?',
      }),
    },
    {
      name: "rejects a kind that is not one of the four",
      text: validEntry({ extra: ["kind: battle"] }),
      problem: error({
        line: 5,
        field: "kind",
        message: '"battle" is not allowed',
        fix: "use one of: event, birth, death, holiday",
      }),
    },
    {
      name: "reports an impossible date at its line",
      text: entryFile(["title: T", "summary: S", "", "date: 2021-02-30"]),
      problem: error({
        line: 5,
        field: "date",
        message: '"2021-02-30" is not a real day: February has 28 days',
        fix: "check the source; the day must be 01 to 28",
      }),
    },
    {
      name: "reports 29 February in a common year",
      text: validEntry({ date: "2019-02-29" }),
      problem: error({
        line: 3,
        field: "date",
        message: '"2019-02-29" is not a real day: 2019 was not a leap year',
        fix: "check the source; the day must be 01 to 28",
      }),
    },
    {
      name: "reports a badly formatted date with the format it wants",
      text: validEntry({ date: "79-08-24" }),
      problem: error({
        line: 3,
        field: "date",
        message: '"79-08-24" is not a date in YYYY-MM-DD form',
        fix: "write it as YYYY-MM-DD, e.g. 2018-06-12; years before 1000 keep four digits (0079-08-24); BCE years use ISO's astronomical numbering with a minus sign (-0043-03-15 is 15 March 44 BC)",
      }),
    },
    {
      // A whole number is a year (date: 2018 is EDTF's year 2018): only a fraction is no date.
      name: "reports a date that YAML reads as a number",
      text: validEntry({ date: "2018.5" }),
      problem: error({
        line: 3,
        field: "date",
        message: "must be text, not number (2018.5)",
        fix: "e.g. date: 1969-07-20",
      }),
    },
    {
      name: "reports a YAML syntax error with its line",
      text: entryFile(["title: T", "date: 2018-06-12", "summary: Kim says: hello"]),
      problem: error({
        line: 4,
        message: "YAML syntax error: Nested mappings are not allowed in compact mappings",
        fix: "check the quotes, colons and indentation on this line; put text that contains ': ' or '#' in quotes",
      }),
    },
    {
      name: "reports tabs used for indentation as a YAML error at their line",
      text: validEntry({ extra: ["photo:", "\talt: A"] }),
      problem: error({
        line: 6,
        message: "YAML syntax error: Tabs are not allowed as indentation",
        fix: "indent with spaces, not tabs: replace each tab at the start of the line by two spaces",
      }),
    },
    {
      name: "reports a repeated field at the line of the repeat",
      text: entryFile(["title: T", "date: 2018-06-12", "title: U", "summary: S"]),
      problem: error({
        line: 4,
        message: "YAML syntax error: Map keys must be unique",
        fix: "each field may appear only once; remove the repeated one",
      }),
    },
    {
      name: "reports a file without front-matter",
      text: "Just some text.\n",
      problem: error({
        message: "has no front-matter",
        fix: "start the file with a line '---', then the fields (title:, date:, summary:), then a line '---' and the body",
      }),
    },
    {
      name: "reports empty front-matter as no front-matter",
      text: "---\n---\nBody\n",
      problem: error({
        message: "has no front-matter",
        fix: "start the file with a line '---', then the fields (title:, date:, summary:), then a line '---' and the body",
      }),
    },
    {
      name: "reports front-matter that is a list rather than fields, at the start of the front-matter",
      text: entryFile(["- title: T", "- date: 2018-06-12"]),
      problem: error({
        line: 1,
        message: "the front-matter is not a list of fields",
        fix: "write one 'field: value' per line between the two '---' lines",
      }),
    },
    {
      name: "reports a photo without alt text as photo.alt",
      text: validEntry({ extra: ["photo:", "  src: a.jpg", ...creditLines()] }),
      problem: error({
        // The key is absent, so the line is that of the photo group's first field.
        line: 6,
        field: "photo.alt",
        message: "is missing",
        fix: "add it, e.g. alt: Two men shake hands in front of a row of flags",
      }),
    },
    {
      name: "reports a related item with a date but no text",
      text: validEntry({ extra: ["related:", "  - date: 2018-05-24"] }),
      problem: error({ line: 6, field: "related[0]", message: "has a date but no text", fix: RELATED_FIX }),
    },
    {
      name: "reports a related item with text but no date",
      text: validEntry({ extra: ["related:", "  - event: other", "  - text: Something"] }),
      problem: error({ line: 7, field: "related[1]", message: "has text but no date", fix: RELATED_FIX }),
    },
    {
      name: "reports a related item that names an entry and also gives text",
      text: validEntry({ extra: ["related:", "  - event: hanoi-summit", "    text: The Hanoi summit"] }),
      problem: error({
        line: 6,
        field: "related[0]",
        message: "names an entry and also gives a date or text",
        fix: RELATED_FIX,
      }),
    },
    {
      name: "reports an impossible date in a related item at its line",
      text: validEntry({ extra: ["related:", "  - text: Something", "    date: 2018-04-31"] }),
      problem: error({
        line: 7,
        field: "related[0].date",
        message: '"2018-04-31" is not a real day: April has 30 days',
        fix: "check the source; the day must be 01 to 30",
      }),
    },
    {
      name: "reports a related slug that is not a slug",
      text: validEntry({ extra: ["related:", "  - event: Hanoi Summit"] }),
      problem: error({
        line: 6,
        field: "related[0].event",
        message: '"Hanoi Summit" is not an entry slug',
        fix: "use the file name of another entry without .md, e.g. apollo-11-moon-landing",
      }),
    },
    {
      name: "rejects a javascript: URL in a source",
      text: validEntry({ extra: ["sources:", "  - title: X", "    url: javascript:alert(1)"] }),
      problem: error({
        line: 7,
        field: "sources[0].url",
        message: '"javascript:alert(1)" uses javascript:, which is not allowed',
        fix: "use an https:// (or http://) address",
      }),
    },
    {
      name: "rejects a source URL that is not an address",
      text: validEntry({ extra: ["sources:", "  - title: X", "    url: example.org/page"] }),
      problem: error({
        line: 7,
        field: "sources[0].url",
        message: '"example.org/page" is not a web address',
        fix: "give the full address, starting with https://",
      }),
    },
  ];

  it.each(ONE_PROBLEM)("$name", ({ text, problem }) => {
    expect(problemsOf(text)).toEqual([problem]);
  });

  it("accepts a summary of exactly 280 characters and rejects 281", () => {
    expect(parseOk(validEntry({ summary: "x".repeat(280) })).summary).toHaveLength(280);
    expect(problemsOf(validEntry({ summary: "x".repeat(281) }))).toEqual([
      error({
        line: 4,
        field: "summary",
        message: "is 281 characters long; the limit is 280",
        fix: "shorten it and move the detail into the body",
      }),
    ]);
  });

  it("accepts a plain summary folded over two lines, which YAML joins into one", () => {
    const text = entryFile(["title: T", "date: 2018-06-12", "summary: line one", "  continues here"]);
    expect(parseOk(text).summary).toBe("line one continues here");
  });

  it('suggests "title" for the typo "tilte" (and reports the title as missing)', () => {
    const text = entryFile(["tilte: T", "date: 2018-06-12", "summary: S"]);
    expect(problemsOf(text)).toEqual([
      error({ line: 1, field: "title", message: "is missing", fix: "add it, e.g. title: Apollo 11 lands on the Moon" }),
      error({ line: 2, field: "tilte", message: "is not a known field", fix: 'did you mean "title"?' }),
    ]);
  });

  it("formats a problem as file:line: field: message (fix)", () => {
    const [problem, ...rest] = problemsOf(validEntry({ date: "2019-02-29" }));
    expect(rest).toEqual([]);
    expect(formatProblem(problem!)).toBe(
      'content/events/x.md:3: date: "2019-02-29" is not a real day: 2019 was not a leap year (check the source; the day must be 01 to 28)',
    );
  });

  it("reports a further photo without alt text with its index", () => {
    // photos: 5, the first item 6–10 (src, alt, credit), the second from 11.
    const text = validEntry({
      extra: [
        "photos:",
        "  - src: a.jpg",
        "    alt: A",
        ...creditLines("    "),
        "  - src: b.jpg",
        ...creditLines("    "),
      ],
    });
    expect(problemsOf(text)).toEqual([
      error({
        line: 11,
        field: "photos[1].alt",
        message: "is missing",
        fix: "add it, e.g. alt: Two men shake hands in front of a row of flags",
      }),
    ]);
  });

  describe("photo credit: photographer, source and license are required", () => {
    const EXAMPLES = {
      photographer: "Shealah Craighead",
      source: "Wikimedia Commons",
      license: "Public domain",
    } as const;
    const FIELDS = ["photographer", "source", "license"] as const;
    /** The credit lines at `indent` without `field`'s line. */
    const creditWithout = (field: string, indent = "  ") =>
      creditLines(indent).filter((line) => !line.startsWith(`${indent}${field}:`));

    it.each(FIELDS)("reports a photo without %s as photo.%s, at the photo group's first line", (field) => {
      const text = validEntry({ extra: ["photo:", "  src: a.jpg", "  alt: A", ...creditWithout(field)] });
      expect(problemsOf(text)).toEqual([
        // The key is absent, so the line is that of the photo group's first field (src: on 6), not photo: (5).
        error({
          line: 6,
          field: `photo.${field}`,
          message: "is missing",
          fix: `add it, e.g. ${field}: ${EXAMPLES[field]}`,
        }),
      ]);
    });

    it("reports each missing credit field of a photo that has none, in the schema's order", () => {
      const text = validEntry({ extra: ["photo:", "  alt: A", "  src: a.jpg"] });
      expect(problemsOf(text)).toEqual(
        FIELDS.map((field) =>
          error({
            line: 6,
            field: `photo.${field}`,
            message: "is missing",
            fix: `add it, e.g. ${field}: ${EXAMPLES[field]}`,
          }),
        ),
      );
    });

    it("reports a further photo without license with its index, at that item's first line", () => {
      // photos: 5, the first item 6–10 (src, alt, credit), the second from 11.
      const text = validEntry({
        extra: [
          "photos:",
          "  - src: a.jpg",
          "    alt: A",
          ...creditLines("    "),
          "  - src: b.jpg",
          "    alt: B",
          ...creditWithout("license", "    "),
        ],
      });
      expect(problemsOf(text)).toEqual([
        error({
          line: 11,
          field: "photos[1].license",
          message: "is missing",
          fix: "add it, e.g. license: Public domain",
        }),
      ]);
    });

    it("reports an empty license: (nothing after the colon) as empty, at its own line", () => {
      // photo: 5, src 6, alt 7, photographer 8, source 9, license 10.
      const text = validEntry({
        extra: ["photo:", "  src: a.jpg", "  alt: A", ...creditWithout("license"), "  license:"],
      });
      expect(problemsOf(text)).toEqual([
        error({
          line: 10,
          field: "photo.license",
          message: "is empty",
          fix: "fill it in, e.g. license: Public domain",
        }),
      ]);
    });

    it("reports a blank quoted license as empty too", () => {
      const text = validEntry({
        extra: ["photo:", "  src: a.jpg", "  alt: A", ...creditWithout("license"), '  license: "  "'],
      });
      expect(problemsOf(text)).toEqual([
        error({
          line: 10,
          field: "photo.license",
          message: "is empty",
          fix: "fill it in, e.g. license: Public domain",
        }),
      ]);
    });

    it("accepts a credit-only photo (no src) that has the three fields", () => {
      expect(parseOk(validEntry({ extra: ["photo:", "  alt: A", ...creditLines()] })).photo).toEqual({
        alt: "A",
        ...CREDIT,
      });
    });
  });

  it("rejects a file name that is not a slug and suggests one", () => {
    expect(problemsOf(validEntry(), "Bad Name.md")).toEqual([
      error({
        message: 'the file name "Bad Name.md" is not a valid slug',
        fix: 'rename it to "bad-name.md": lowercase letters, digits and hyphens only',
      }),
    ]);
  });

  it("reports the file name and the front-matter problems together", () => {
    const problems = problemsOf(entryFile(["title: T", "summary: S"]), "Ides_of_March.md");
    expect(problems.map((p) => [p.field, p.message, p.fix])).toEqual([
      [
        undefined,
        'the file name "Ides_of_March.md" is not a valid slug',
        'rename it to "ides-of-march.md": lowercase letters, digits and hyphens only',
      ],
      ["date", "is missing", "add it, e.g. date: 1969-07-20"],
    ]);
  });
});

describe("slugFromFileName", () => {
  it("drops the .md extension, whatever its case", () => {
    expect(slugFromFileName("apollo-11.md")).toBe("apollo-11");
    expect(slugFromFileName("apollo-11.MD")).toBe("apollo-11");
  });
});

describe("lineOfField", () => {
  const text = validEntry({
    extra: ["related:", "  - event: a", "  - date: 2018-01-01", "    text: b", "photo:", "  alt: A"],
  });

  it("finds the line of a top-level field and of a nested one", () => {
    expect(lineOfField(text, ["date"])).toBe(3);
    expect(lineOfField(text, ["related", 0, "event"])).toBe(6);
    expect(lineOfField(text, ["related", 1, "text"])).toBe(8);
    expect(lineOfField(text, ["photo", "alt"])).toBe(10);
  });

  it("returns undefined for a top-level field that is absent", () => {
    expect(lineOfField(text, ["location"])).toBeUndefined();
  });
});
