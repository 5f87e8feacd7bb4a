// The formats `npm run import` reads, by the name given to --format.
import { parseBsdCalendar } from "./bsd-calendar.ts";
import { parseCsv } from "./csv.ts";
import type { ParsedFile } from "./types.ts";
import { type MonthDay, parseWikimediaOnThisDay } from "./wikimedia-onthisday.ts";

export interface ParseOptions {
  /** The day of a Wikimedia feed file (--day), when its path does not say. */
  readonly day?: MonthDay;
}

export const FORMATS = {
  "bsd-calendar": (text: string, file: string) => parseBsdCalendar(text, file),
  csv: (text: string, file: string) => parseCsv(text, file),
  "wikimedia-onthisday": (text: string, file: string, options: ParseOptions) =>
    parseWikimediaOnThisDay(text, file, options),
} as const satisfies Record<string, (text: string, file: string, options: ParseOptions) => ParsedFile>;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

export function parseFile(format: FormatName, text: string, file: string, options: ParseOptions = {}): ParsedFile {
  return FORMATS[format](text, file, options);
}
