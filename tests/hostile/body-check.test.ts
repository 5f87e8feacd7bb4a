// The body check's limits sit where body-check.ts says, its line numbers are
// the file's, its table bound is never below the cells markdown-it makes, its
// depth is never below what the HTML nests, and the renderer writes no <img>
// whatever the body says.
import * as cheerio from "cheerio";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import {
  BODY_MAX_BYTES,
  BODY_MAX_DEPTH,
  BODY_MAX_TABLE_CELLS,
  bodyProblemsInFile,
  checkBody,
  tableCells,
} from "../../src/content/body-check.ts";
import { parseMarkdown, renderMarkdown } from "../../src/content/markdown.ts";
import { parseEntry } from "../../src/content/parse-entry.ts";

const messages = (body: string) => checkBody(body).map((p) => `${p.line}: ${p.message}`);

describe("the limits", () => {
  it("a body of 256 KB passes, one byte more is refused before it is parsed", () => {
    const line = "A line of ordinary history writing, with a [link](https://example.org/).\n";
    const full = line.repeat(Math.floor(BODY_MAX_BYTES / line.length)).padEnd(BODY_MAX_BYTES, "x");
    expect(Buffer.byteLength(full)).toBe(BODY_MAX_BYTES);
    expect(messages(full)).toEqual([]);
    expect(messages(`${full}é`)).toEqual(["1: is 257 KB long; a body may be at most 256 KB"]);
  });

  it(`elements nested ${BODY_MAX_DEPTH} deep pass, ${BODY_MAX_DEPTH + 1} are refused, at the line where they go too deep`, () => {
    // A paragraph holds `2n` stars around a word as n levels of em and strong (two stars a level).
    const nested = (levels: number) => `Intro.\n\n${"*".repeat(2 * (levels - 1))}x${"*".repeat(2 * (levels - 1))}\n`;
    expect(messages(nested(BODY_MAX_DEPTH))).toEqual([]);
    expect(messages(nested(BODY_MAX_DEPTH + 1))).toEqual([
      `3: nests elements ${BODY_MAX_DEPTH + 1} levels deep (emphasis, links, lists and quotes inside one another); at most ${BODY_MAX_DEPTH} are allowed`,
    ]);
    const quotes = (n: number) => `${"> ".repeat(n)}deep`;
    expect(messages(quotes(BODY_MAX_DEPTH - 1))).toEqual([]);
    expect(messages(quotes(BODY_MAX_DEPTH))).toHaveLength(1);
  });

  it(`tables of ${BODY_MAX_TABLE_CELLS.toLocaleString("en-US")} cells in all pass, more are refused, naming the largest`, () => {
    const table = (columns: number, rows: number) =>
      [
        `|${" h |".repeat(columns)}`,
        `|${"---|".repeat(columns)}`,
        ...Array.from({ length: rows - 1 }, () => `|${" c |".repeat(columns)}`),
      ].join("\n");
    expect(messages(`${table(100, 50)}\n\n${table(50, 100)}\n`)).toEqual([]);
    expect(messages(`Text.\n\n${table(100, 100)}\n\nMore.\n\n${table(1, 1)}\n`)).toEqual([
      "3: its tables may have up to 10,001 cells (this one 100 columns × 100 rows); an entry's tables may have at most 10,000 cells",
    ]);
  });
});

describe("problems at their lines in the file", () => {
  it("images, characters and depth, each where the editor sees it; a raw <img> is text and passes", () => {
    const text = [
      "---",
      "title: T",
      "date: 2018-06-12",
      "summary: S.",
      "---",
      "First line, ![a](https://tracker.example/p.png).",
      "",
      "- a list",
      "  - with a line",
      "    and ![b][ref] on its second line",
      "",
      '<img src="https://tracker.example/raw.png">',
      "",
      "| a | b |",
      "|---|---|",
      "| 1 | ![c](c.png) |",
      "",
      "Form \f feed.",
      "",
      "[ref]: https://tracker.example/ref.png",
      "",
    ].join("\r\n");
    const parsed = parseEntry(text, "x.md", "x.md");
    expect(parsed.entry).toBeDefined();
    const found = bodyProblemsInFile(parsed.entry!.body, text, "x.md");
    expect(
      found
        .map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`)
        .sort((x, y) => Number(x.split(":")[1]) - Number(y.split(":")[1])),
    ).toEqual([
      'x.md:6: body: has an image, "https://tracker.example/p.png": a body cannot show images',
      'x.md:10: body: has an image, "https://tracker.example/ref.png": a body cannot show images',
      'x.md:16: body: has an image, "c.png": a body cannot show images',
      "x.md:18: body: contains the control character U+000C",
    ]);
    expect(found.find((p) => p.line === 6)!.fix).toBe(
      "every image the site shows is a credited photo: give it under photos: with its photographer, source and license",
    );
  });
});

// Markdown made of the pieces that nest, tables and images, in any order.
const piece = fc.constantFrom(
  "*",
  "**",
  "_",
  "~~",
  "[",
  "](https://example.org/)",
  "![i](https://example.org/i.png)",
  "![j][r]",
  "`",
  "x",
  " ",
  "\n",
  "\n\n",
  "> ",
  "- ",
  "1. ",
  "  ",
  "|",
  "|---|",
  ":-:",
  "-",
  "# ",
);
const markdown = fc
  .array(piece, { maxLength: 200 })
  .map((parts) => `${parts.join("")}\n\n[r]: https://example.org/r.png\n`);

/** How deep the rendered HTML nests elements, read by a real HTML parser. */
function htmlDepth(html: string): number {
  const $ = cheerio.load(`<body>${html}</body>`);
  let deepest = 0;
  $("body *").each((_, el) => {
    deepest = Math.max(deepest, $(el).parentsUntil("body").length + 1);
  });
  return deepest;
}

describe("links", () => {
  it("an http(s) link that is not a valid address is refused at its line; relative, mailto and valid ones pass", () => {
    const body = [
      "See [the page](https://example.org/a?b=c#d), [a day](/days/07-20/) and [mail](mailto:editor@example.org).",
      "",
      'A [bad port](https://example.org:99999/">) and',
      '[a quote for a host](http://">/).',
    ].join("\n");
    expect(messages(body)).toEqual([
      '3: links to "https://example.org:99999/%22%3E", which is not a web address',
      '4: links to "http://%22%3E/", which is not a web address',
    ]);
  });
});

describe("what the check counts is never less than what the build meets", () => {
  it("the depth it reports is at least the HTML's depth (the HTML is checked only for bodies it accepts)", () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 1, max: 80 }), (body, stars) => {
        const source = `${"*".repeat(stars)}${body}${"*".repeat(stars)}`;
        const depth = htmlDepth(renderMarkdown(source));
        const refused = checkBody(source).some((p) => p.message.startsWith("nests elements"));
        expect(refused || depth <= BODY_MAX_DEPTH).toBe(true);
        if (depth > BODY_MAX_DEPTH) expect(refused).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the table bound is at least the cells markdown-it makes, in quotes and lists, with rows it fills in", () => {
    const row = fc
      .array(fc.constantFrom("|", " a ", "-", ":", "x", "\\|"), { maxLength: 12 })
      .map((cells) => cells.join(""));
    const table = fc
      .tuple(
        fc.integer({ min: 1, max: 8 }),
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom("", "> ", "- ", "  ", "> > "),
      )
      .map(([columns, rows, prefix]) =>
        [`|${" h |".repeat(columns)}`, `|${"---|".repeat(columns)}`, ...rows]
          .map((line, i) => (i === 0 || prefix.startsWith(">") ? prefix : " ".repeat(prefix.length)) + line)
          .join("\n"),
      );
    const md = new MarkdownIt();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(table, row), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\n\n"),
        (blocks, gap) => {
          const source = blocks.join(gap);
          const cells = md.parse(source, {}).filter((t) => t.type === "td_open" || t.type === "th_open").length;
          expect(tableCells(source.split("\n")).total, source).toBeGreaterThanOrEqual(cells);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the renderer writes no <img>, whatever the body, since the check refuses every image", () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const html = renderMarkdown(body);
        expect(cheerio.load(html)("img")).toHaveLength(0);
        expect(parseMarkdown(body).some((t) => t.children?.some((c) => c.type === "image"))).toBe(
          checkBody(body).some((p) => p.message.startsWith("has an image")),
        );
      }),
      { numRuns: 300 },
    );
  });
});
