// A SiteDiff as a reviewer reads it: Markdown for a GitHub job summary
// ($GITHUB_STEP_SUMMARY), bounded in size, or plain text for the terminal.
import { escapeHtml } from "../util/escape-html.ts";
import type { DiffGap, DiffLine } from "../util/line-diff.ts";
import { plural } from "../util/plural.ts";
import { withoutUnwritable } from "../util/unwritable.ts";
import type { ChangedPage, PageRef, SiteDiff } from "./site-diff.ts";

/**
 * GitHub refuses a step's summary over 1 MiB ("$GITHUB_STEP_SUMMARY upload
 * aborted, supports content up to a size of 1024k"); a reviewer reads far
 * less. What does not fit is counted ("… and 120 more"), never cut mid-line.
 */
export const SUMMARY_BYTES = 100 * 1024;
/** Each list of pages shows at most this many addresses. */
const LIST_LIMIT = 200;
/** Titles and diff lines longer than this are cut: the excerpt is a pointer, not the page. */
const LINE_CHARS = 200;
/** Kept for the closing lines ("… and N more", the footer) whatever the lists take. */
const RESERVE_BYTES = 2 * 1024;

export interface ReportOptions {
  /** The built site's download (actions/upload-artifact's artifact-url). */
  readonly artifactUrl?: string;
  /** Markdown only: the most bytes the report may take. */
  readonly maxBytes?: number;
}

/** Markdown for a GitHub job summary, at most `maxBytes` bytes (SUMMARY_BYTES by default). */
export function markdownReport(diff: SiteDiff, options: ReportOptions = {}): string {
  const out = new Budget(Math.max(options.maxBytes ?? SUMMARY_BYTES, 4 * 1024) - RESERVE_BYTES);
  out.force(`### ${headline(diff)}\n\n`);
  out.force(
    `${pageCounts(diff)}${options.artifactUrl ? ` [Download the built site](<${options.artifactUrl}>).` : ""}\n\n`,
  );
  if (diff.buildDays) out.force(`> [!NOTE]\n> ${buildDaysNote(diff.buildDays)}\n\n`);

  const list = (heading: string, pages: readonly PageRef[]) => {
    if (!pages.length) return;
    out.force(`#### ${heading} (${pages.length})\n\n`);
    const shown = out.addEach(
      pages.slice(0, LIST_LIMIT),
      (page) => `- ${code(page.address)} ${markdownText(page.title)}\n`,
    );
    out.force(`${more(pages.length - shown)}\n`);
  };
  // The lists first; the changed pages' excerpts take what room is left, and the pages in markup only come last.
  list("Added", diff.added);
  list("Removed", diff.removed);
  if (diff.files.length) {
    out.force("#### Other files\n\n| | added | changed | removed |\n|---|--:|--:|--:|\n");
    const shown = out.addEach(diff.files, (g) => `| ${code(g.group)} | ${g.added} | ${g.changed} | ${g.removed} |\n`);
    out.force(`${shown < diff.files.length ? `| … ${diff.files.length - shown} more | | | |\n` : ""}\n`);
  }
  if (diff.changed.length) {
    out.force(`#### Changed (${diff.changed.length})\n\n`);
    const pages = diff.changed.slice(0, LIST_LIMIT);
    const lines = pages.map((page) => `- ${code(page.address)} ${markdownText(page.title)}\n`);
    // Each page with its excerpt while that leaves room for the others' addresses, then the addresses alone.
    let addressesAfter = lines.reduce((sum, line) => sum + Buffer.byteLength(line), 0);
    let withExcerpts = 0;
    for (const page of pages) {
      addressesAfter -= Buffer.byteLength(lines[withExcerpts]!);
      if (!out.addIf(changedDetails(page), addressesAfter)) break;
      withExcerpts++;
    }
    const shown = withExcerpts + out.addEach(lines.slice(withExcerpts), (line) => line);
    out.force(`${more(diff.changed.length - shown)}\n`);
  }
  if (diff.markupOnly.length) {
    out.force(
      `<details><summary>${plural(diff.markupOnly.length, "page")} changed in markup only (the same visible text)</summary>\n\n`,
    );
    const shown = out.addEach(diff.markupOnly.slice(0, LIST_LIMIT), (address) => `${code(address)}\n`);
    out.force(`${more(diff.markupOnly.length - shown)}\n</details>\n\n`);
  }
  out.force(
    `${plural(diff.filesUnchanged, "other file")} unchanged. Visible text compared; scripts, styles and markup are not shown.\n`,
  );
  return out.text();
}

/** Plain text for the terminal: every page listed, each change with its excerpt. */
export function textReport(diff: SiteDiff, options: Pick<ReportOptions, "artifactUrl"> = {}): string {
  const lines = [headline(diff), pageCounts(diff)];
  if (options.artifactUrl) lines.push(`The built site: ${options.artifactUrl}`);
  if (diff.buildDays) lines.push(buildDaysNote(diff.buildDays));
  const list = (heading: string, pages: readonly PageRef[]) => {
    if (pages.length)
      lines.push("", `${heading} (${pages.length}):`, ...pages.map((p) => `  ${p.address}  ${plain(p.title)}`));
  };
  list("Added", diff.added);
  list("Removed", diff.removed);
  if (diff.changed.length) {
    lines.push("", `Changed (${diff.changed.length}):`);
    for (const page of diff.changed) {
      lines.push(`  ${page.address}  ${plain(page.title)}`, ...excerptLines(page).map((line) => `    ${line}`));
    }
  }
  if (diff.markupOnly.length)
    lines.push("", `Changed in markup only (${diff.markupOnly.length}):`, ...diff.markupOnly.map((a) => `  ${a}`));
  if (diff.files.length) {
    lines.push("", "Other files (added, changed, removed):");
    for (const g of diff.files) lines.push(`  ${g.group}  +${g.added} ~${g.changed} -${g.removed}`);
  }
  lines.push(`${plural(diff.filesUnchanged, "other file")} unchanged.`);
  return `${lines.join("\n")}\n`;
}

function headline(diff: SiteDiff): string {
  const { added, changed, removed } = diff;
  if (!added.length && !changed.length && !removed.length) return "No page changes";
  return `Pages: ${added.length} added, ${changed.length} changed, ${removed.length} removed`;
}

function pageCounts(diff: SiteDiff): string {
  return `The site had ${plural(diff.pagesBefore, "page")} and has ${diff.pagesAfter}.`;
}

function buildDaysNote(days: NonNullable<SiteDiff["buildDays"]>): string {
  return `The sites were built for different days (${days.before} and ${days.after}): the home page and /random/ differ for that alone. Build both with the same BUILD_DATE.`;
}

function changedDetails(page: ChangedPage): string {
  const body = excerptLines(page).join("\n");
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  const counts = `${plural(page.linesAdded, "line")} added, ${page.linesRemoved} removed`;
  return (
    `<details><summary><code>${escapeHtml(plain(page.address))}</code> ${escapeHtml(plain(page.title))} (${counts})</summary>\n\n` +
    `${fence}diff\n${body}\n${fence}\n\n</details>\n\n`
  );
}

/** The excerpt as unified-diff lines: "- ", "+ ", "  ", and "…" for kept lines left out. */
function excerptLines(page: ChangedPage): string[] {
  const mark = { "=": " ", "-": "-", "+": "+" } as const;
  const lines = page.excerpt.map((line: DiffLine | DiffGap) =>
    line.op === "gap" ? `@@ ${plural(line.lines, "line")} unchanged @@` : `${mark[line.op]} ${plain(line.text)}`,
  );
  if (page.excerptCut) lines.push(`@@ ${plural(page.excerptCut, "more line")} of changes and context @@`);
  return lines;
}

/** After a list, a paragraph of its own (a blank line first, or it would continue the last item). */
const more = (count: number) => (count > 0 ? `\n… and ${count} more.\n` : "");

/** One line of text from a page, for any output: no control character, no line break, not too long. */
function plain(text: string): string {
  const line = withoutUnwritable(text).replace(/\s+/g, " ").trim();
  const chars = [...line];
  return chars.length > LINE_CHARS ? `${chars.slice(0, LINE_CHARS - 1).join("")}…` : line;
}

/** Text as Markdown shows it, whatever characters it holds. */
function markdownText(text: string): string {
  return plain(text).replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}

/** An inline code span that holds any text. */
function code(text: string): string {
  const line = plain(text);
  const ticks = "`".repeat(longestRun(line, "`") + 1);
  return ticks.length > 1 ? `${ticks} ${line} ${ticks}` : `${ticks}${line}${ticks}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Markdown in parts, each whole or not at all, within a number of bytes. */
class Budget {
  private readonly parts: string[] = [];
  private left: number;

  constructor(bytes: number) {
    this.left = bytes;
  }

  /** Headings and closing lines: small, always written (RESERVE_BYTES pays for them). */
  force(text: string): void {
    this.parts.push(text);
    this.left -= Buffer.byteLength(text);
  }

  /** Adds `text` if it fits and leaves `keep` bytes free. */
  addIf(text: string, keep = 0): boolean {
    const bytes = Buffer.byteLength(text);
    if (bytes + keep > this.left) return false;
    this.parts.push(text);
    this.left -= bytes;
    return true;
  }

  /** Adds each item's text while it fits; returns how many were added. */
  addEach<T>(items: readonly T[], render: (item: T) => string): number {
    let added = 0;
    for (const item of items) {
      if (!this.addIf(render(item))) break;
      added++;
    }
    return added;
  }

  text(): string {
    return this.parts.join("");
  }
}
