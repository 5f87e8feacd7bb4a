// Text helpers the importers share: one-line text, summaries cut at a word,
// and the key that tells two titles apart.
import { SUMMARY_MAX } from "../content/schema.ts";
import { foldName } from "../content/slugs.ts";

/** Runs of white space (newlines included) become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** `text` if it fits in `max` characters, else cut at the last word boundary that fits, with "…". */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.search(/\s\S*$/);
  // A single very long word is cut where it must be.
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/**
 * The summary for a text: the text itself when it fits the schema's limit,
 * else its start cut at a word, with the whole text kept for the body.
 */
export function summaryOf(text: string): { summary: string; fullText?: string } {
  const line = oneLine(text);
  if (line.length <= SUMMARY_MAX) return { summary: line };
  return { summary: truncateAtWord(line, SUMMARY_MAX), fullText: line };
}

/** Titles compare equal when they differ only in case, accents, punctuation or spacing, as slugs fold them. */
export const titleKey = foldName;
