// What every importer hands back: entries ready to write, and the lines it
// skipped or could not read, each with where it came from.
import type { NewEntry } from "../content/write-entry.ts";

/** Where an entry or a problem comes from: a file and, when known, its line, CSV row or JSON item. */
export interface Origin {
  readonly file: string;
  /** 1-based line in the file (the first line of an entry that spans several). */
  readonly line?: number;
  /** 1-based CSV row, the header being row 1. */
  readonly row?: number;
  /** Path of a JSON item, e.g. "births[3]". */
  readonly item?: string;
}

export interface ImportedEntry {
  readonly entry: NewEntry;
  readonly origin: Origin;
}

export interface ImportIssue {
  readonly origin: Origin;
  readonly reason: string;
}

/** A parser's result: pure data, nothing written. */
export interface ParsedFile {
  readonly entries: ImportedEntry[];
  /** Lines that are not entries of one day of one year (no year, a movable feast…): reported, not errors. */
  readonly skipped: ImportIssue[];
  /** Lines that should have been entries but cannot be read: errors. */
  readonly failed: ImportIssue[];
}

/** "calendar.history:12", "events.csv row 4 (line 6)", "06-12.json births[3]". */
export function formatOrigin(origin: Origin): string {
  if (origin.row !== undefined) {
    const line = origin.line !== undefined && origin.line !== origin.row ? ` (line ${origin.line})` : "";
    return `${origin.file} row ${origin.row}${line}`;
  }
  if (origin.line !== undefined) return `${origin.file}:${origin.line}`;
  if (origin.item !== undefined) return `${origin.file} ${origin.item}`;
  return origin.file;
}
