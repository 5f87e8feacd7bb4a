// What the check asks of an entry's body, so that whatever it accepts the
// build can build and every output can carry:
//   - a size the build handles with room to spare (markdown-it, the HTML
//     transforms and Pagefind all hold the body's HTML in memory);
//   - tables of a bounded number of cells: markdown-it fills short rows in,
//     so a few kilobytes can ask for millions of cells;
//   - elements nested a bounded number of levels deep: posthtml, which
//     Eleventy and the RSS plugin run over every page, walks the HTML
//     recursively and overflows the stack near 3,600 levels (8,000 `*`, an
//     `x`, 8,000 `*`); markdown-it itself silently drops what lies deeper
//     than 100 levels of lists and quotes;
//   - no image: every image the site shows is a credited photo;
//   - no http(s) link that is not a valid address;
//   - no character that XML or iCalendar cannot carry;
//   - and, as a warning, not the scaffold's placeholder left in.
// The size and the tables are checked on the text, before markdown-it makes
// a token of it, since parsing is what runs out of memory.
import { findAllUnwritable, findUnwritable } from "../util/unwritable.ts";
import { type MarkdownToken, parseMarkdown } from "./markdown.ts";
import type { ContentProblem } from "./problems.ts";

/** 256 KB: a long essay is 50 KB; the build survives bodies two hundred times larger. */
export const BODY_MAX_BYTES = 256 * 1024;
/** Cells in all of a body's tables together: a table of 50 rows of 10 columns has 500. */
export const BODY_MAX_TABLE_CELLS = 10_000;
/** Elements inside one another in the body's HTML: a list ten levels deep with a link in bold in it is 24. */
export const BODY_MAX_DEPTH = 50;
/** A body with more problems of one kind than this has them counted, not listed. */
const MAX_SHOWN = 10;

/** The body `npm run new` writes, for the editor to replace: the check warns while it is there. */
export const PLACEHOLDER_BODY =
  "Write the historical context here, in Markdown: what happened, why it mattered, and what followed.";

export interface BodyProblem {
  /** Line in the body, from 1. */
  readonly line: number;
  readonly message: string;
  readonly fix: string;
  /** An error unless said otherwise. */
  readonly severity?: "warning";
}

export function checkBody(body: string): BodyProblem[] {
  const bytes = Buffer.byteLength(body);
  if (bytes > BODY_MAX_BYTES) {
    return [
      {
        line: 1,
        message: `is ${kilobytes(bytes)} KB long; a body may be at most ${kilobytes(BODY_MAX_BYTES)} KB`,
        fix: "shorten it, or split the story into several entries",
      },
    ];
  }
  const lines = body.split("\n");
  const problems = findUnwritable(body) ? characterProblems(lines) : [];
  const placeholder = placeholderProblem(lines);
  if (placeholder) problems.push(placeholder);
  const tables = tableProblem(lines);
  if (tables) return [...problems, tables];
  return [...problems, ...structureProblems(parseMarkdown(body))];
}

/** The scaffold's placeholder, however its lines were wrapped, at the line where it starts. */
function placeholderProblem(lines: readonly string[]): BodyProblem | undefined {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");
  if (!words(lines.join(" ")).includes(PLACEHOLDER_BODY)) return undefined;
  const opening = PLACEHOLDER_BODY.split(" ").slice(0, 3).join(" ");
  return {
    line:
      Math.max(
        0,
        lines.findIndex((line) => words(line).includes(opening)),
      ) + 1,
    message: `still has the placeholder "${PLACEHOLDER_BODY.slice(0, 34)}…" that npm run new wrote`,
    fix: "replace it with the historical context: what happened, why it mattered and what followed",
    severity: "warning",
  };
}

/** The body's problems as the check reports them: at their lines in the entry file (`text`). */
export function bodyProblemsInFile(body: string, text: string, file: string): ContentProblem[] {
  const found = checkBody(body);
  if (!found.length) return [];
  // The body is the end of the file, its line ends made Unix as the parser made them.
  const before = countNewlines(text.replace(/\r\n?/g, "\n")) - countNewlines(body);
  return found.map((p) => ({
    file,
    line: before + p.line,
    field: "body",
    message: p.message,
    fix: p.fix,
    severity: p.severity ?? "error",
  }));
}

function characterProblems(lines: readonly string[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const [i, line] of lines.entries()) {
    const found = findAllUnwritable(line);
    if (!found.length) continue;
    const named = [...new Set(found.map((c) => c.description))];
    problems.push({
      line: i + 1,
      message: `contains ${named.join(", ")}`,
      fix: `remove ${found.length > 1 ? "them" : "it"}; only ordinary text belongs here`,
    });
  }
  return limitShown(problems);
}

function tableProblem(lines: readonly string[]): BodyProblem | undefined {
  const { total, largest } = tableCells(lines);
  if (total <= BODY_MAX_TABLE_CELLS) return undefined;
  return {
    line: largest.line,
    message: `its tables may have up to ${count(total)} cells (this one ${count(largest.columns)} columns × ${count(largest.rows)} rows); an entry's tables may have at most ${count(BODY_MAX_TABLE_CELLS)} cells`,
    fix: "keep the table short, or link to the full data among the sources",
  };
}

/**
 * An upper bound on the cells markdown-it makes of the tables, from the text
 * alone. A table's delimiter row (`|---|:-:|`) has no more columns than runs
 * of dashes and makes no cells itself, and a table ends at a blank line at
 * the latest, so the tables between two blank lines have at most
 * (the most columns) × (the lines but one) cells.
 */
export function tableCells(lines: readonly string[]): {
  total: number;
  largest: { cells: number; line: number; columns: number; rows: number };
} {
  let total = 0;
  let largest = { cells: 0, line: 0, columns: 0, rows: 0 };
  for (let start = 0; start < lines.length; ) {
    let end = start;
    let columns = 0;
    while (end < lines.length && NOT_BLANK.test(lines[end]!)) {
      if (end > start && DELIMITER_ROW.test(lines[end]!)) columns = Math.max(columns, lines[end]!.match(/-+/g)!.length);
      end++;
    }
    // A table's delimiter row makes no cells: at least one line of a block with a table makes none.
    const rows = end - start - 1;
    const cells = columns * rows;
    total += cells;
    if (cells > largest.cells) largest = { cells, line: start + 1, columns, rows };
    start = end + 1;
  }
  return { total, largest };
}

const NOT_BLANK = /\S/;
/** A line that may be a table's delimiter row, inside quotes or a list: pipes, colons, spaces and at least one dash. */
const DELIMITER_ROW = /^[ \t>]*[-|: \t]*-[-|: \t]*$/;

/** Elements nested too deep, and images, found in the tokens. */
function structureProblems(tokens: readonly MarkdownToken[]): BodyProblem[] {
  const images: BodyProblem[] = [];
  const links: BodyProblem[] = [];
  let deepest = { depth: 0, line: 0 };
  let depth = 0;
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0] + 1;
    if (token.hidden) continue;
    depth += token.nesting;
    // An element with no children (a rule, a code block) is a level of its own too.
    const reached = token.nesting === 0 && token.tag ? depth + 1 : depth;
    if (reached > deepest.depth) deepest = { depth: reached, line };
    if (token.type !== "inline") continue;
    // An inline token's line breaks are tokens of their own, so its children's lines can be counted.
    let inlineDepth = depth;
    let inlineLine = line;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") inlineLine++;
      inlineDepth += child.nesting;
      const reachedInline = child.nesting === 0 && child.tag ? inlineDepth + 1 : inlineDepth;
      if (reachedInline > deepest.depth) deepest = { depth: reachedInline, line: inlineLine };
      if (child.type === "link_open" && !isWebAddress(String(child.attrGet("href") ?? ""))) {
        links.push({
          line: inlineLine,
          message: `links to ${JSON.stringify(shorten(String(child.attrGet("href"))))}, which is not a web address`,
          fix: "correct the address: a full https:// address with a valid host name (and port)",
        });
      }
      if (child.type === "image") {
        const src = String(child.attrGet("src") ?? "");
        images.push({
          line: inlineLine,
          message: `has an image, ${JSON.stringify(shorten(src))}: a body cannot show images`,
          fix: "every image the site shows is a credited photo: give it under photos: with its photographer, source and license",
        });
      }
    }
  }
  const problems = [...limitShown(images), ...limitShown(links)];
  if (deepest.depth > BODY_MAX_DEPTH) {
    problems.push({
      line: deepest.line,
      message: `nests elements ${count(deepest.depth)} levels deep (emphasis, links, lists and quotes inside one another); at most ${BODY_MAX_DEPTH} are allowed`,
      fix: "remove some of the * or _ marks, or flatten the lists and quotes",
    });
  }
  return problems;
}

/**
 * Relative and mailto: links pass; an http(s) address must parse, since the
 * feed's absolute-address step would otherwise mangle it into another one.
 */
function isWebAddress(href: string): boolean {
  return !/^https?:/i.test(href) || URL.canParse(href);
}

/** The first MAX_SHOWN problems, and one line counting the rest. */
function limitShown(problems: BodyProblem[]): BodyProblem[] {
  if (problems.length <= MAX_SHOWN) return problems;
  const rest = problems.length - MAX_SHOWN;
  const last = problems[MAX_SHOWN]!;
  return [
    ...problems.slice(0, MAX_SHOWN),
    { ...last, message: `and ${count(rest)} more like the ones above`, fix: last.fix },
  ];
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const kilobytes = (bytes: number) => count(Math.ceil(bytes / 1024));
const count = (n: number) => n.toLocaleString("en-US");
