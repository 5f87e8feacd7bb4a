// Writes new entry files, for the scaffolder and the importers: a slug from the
// title (and, for imports, the date), front-matter in the order the README shows, the optional
// fields the entry leaves out as comments (from the schema's own descriptions),
// and never over an existing file.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { displayPath } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";
import { bcYear, type EventDate, edtfText, type HistoricalDate, isoDate } from "./dates.ts";
import { fieldHelp } from "./field-help.ts";
import { frontMatterSchema, type Kind } from "./schema.ts";
import { slugWords } from "./slugs.ts";

/** An entry as a scaffolder or an importer has it, before it is a file. */
export interface NewEntry {
  readonly title: string;
  /** Its calendar, when not the default, is written as `calendar:`. */
  readonly date: EventDate;
  readonly kind?: Kind;
  readonly summary: string;
  readonly location?: string;
  readonly topics?: readonly string[];
  readonly related?: readonly ({ event: string } | { date: string; text: string })[];
  readonly sources?: readonly { title: string; url?: string }[];
  readonly added?: HistoricalDate;
  /** Former slugs: their addresses redirect to this entry's. */
  readonly aliases?: readonly string[];
  /** Markdown: the historical context. */
  readonly body?: string;
}

const FIELD_ORDER = [
  "title",
  "date",
  "calendar",
  "kind",
  "summary",
  "location",
  "topics",
  "photo",
  "photos",
  "related",
  "sources",
  "added",
  "aliases",
] as const;

/**
 * The scaffolder's slug: the title's words alone, "trump-steps-into-north-korea".
 * The slug is the event's address, and the date is what a correction changes
 * most (a BCE year off by one, a Julian date taken for a Gregorian one): a
 * name without it survives that. A title another entry has already made
 * gets a number (freeSlug): "battle-of-kadesh-2".
 */
export function scaffoldSlug(title: string): string {
  return slugWords(title);
}

/**
 * The importers' slug, with the date before the title:
 * "2019-06-30-trump-steps-into-north-korea", "44-bc-03-15-caesar-is-assassinated",
 * "1917-10-25-shturm-zimnego-dvortsa". Calendars repeat titles from year to
 * year ("Independence Day", "Earthquake"), which the date tells apart; another
 * title of the same day may have the same slug: callers that find it taken use
 * freeSlug. Correcting an imported entry's date keeps its name; renaming its
 * file moves its address, which `aliases` then redirects.
 */
export function entrySlug(date: HistoricalDate, title: string): string {
  const day = isoDate(date).slice(-5);
  const year = date.year <= 0 ? `${bcYear(date.year)}-bc` : String(date.year).padStart(4, "0");
  return `${year}-${day}-${slugWords(title)}`;
}

/**
 * The file's text. With `template`, the optional fields it leaves out follow
 * as comments to fill in; `today` is the example of `added`.
 */
export function entryText(entry: NewEntry, options: { template?: boolean; today?: HistoricalDate } = {}): string {
  const fields: Record<string, unknown> = {
    title: entry.title,
    date: edtfText(entry.date),
    calendar: entry.date.calendar,
    kind: entry.kind ?? "event",
    summary: entry.summary,
    location: entry.location,
    topics: entry.topics?.length ? entry.topics : undefined,
    related: entry.related?.length ? entry.related : undefined,
    sources: entry.sources?.length ? entry.sources : undefined,
    added: entry.added && isoDate(entry.added),
    aliases: entry.aliases?.length ? entry.aliases : undefined,
  };
  const lines: string[] = [];
  for (const key of FIELD_ORDER) {
    const value = fields[key];
    if (value !== undefined) lines.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
    // The calendar is written when the date needs one; the date's own comment-free line is the place to learn it.
    else if (options.template && key !== "calendar") lines.push(...commentedField(key, options.today));
  }
  const body = entry.body?.trim() ? `${entry.body.trim()}\n` : "";
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** An optional field as a comment: its description, then an example to uncomment. */
function commentedField(key: (typeof FIELD_ORDER)[number], today: HistoricalDate | undefined): string[] {
  const help = fieldHelp(frontMatterSchema, [key]);
  // The schema's example of `added` is a fixed day; the day the entry is written is the one to keep.
  const dated = key === "added" && today ? `added: ${isoDate(today)}` : undefined;
  const example = dated ?? EXAMPLES[key] ?? help.example ?? `${key}:`;
  return [`# ${help.description ?? key}`, ...example.split("\n").map((line) => `# ${line}`)];
}

// Group fields have no single example in the schema; these show their shape.
const EXAMPLES: Partial<Record<(typeof FIELD_ORDER)[number], string>> = {
  photo: [
    "photo:",
    "  src: my-photo.jpg",
    "  alt: What the photo shows",
    "  caption: A caption",
    "  photographer: Who took it",
    "  location: Where it was taken",
    "  source: Where it comes from",
    "  sourceUrl: https://example.org/photo",
    "  license: Public domain",
    "  licenseUrl: https://creativecommons.org/publicdomain/mark/1.0/",
  ].join("\n"),
  photos: [
    "photos:",
    "  - src: another-photo.jpg",
    "    alt: …",
    "    photographer: …",
    "    source: …",
    "    license: …",
  ].join("\n"),
  related: [
    "related:",
    "  - event: another-entry-slug",
    "  - date: 2019-02-27",
    "    text: An event without its own entry",
  ].join("\n"),
  sources: ["sources:", "  - title: Title of the book, article or page", "    url: https://example.org/article"].join(
    "\n",
  ),
};

export class EntryExistsError extends Error {
  override name = "EntryExistsError";
}

/** Writes <eventsDir>/<slug>.md, refusing to replace a file that is there. Returns its path. */
export async function writeNewEntry(eventsDir: string, slug: string, text: string): Promise<string> {
  const file = path.join(eventsDir, `${slug}.md`);
  await mkdir(eventsDir, { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new EntryExistsError(`${displayPath(file)} already exists`);
    throw error;
  }
  return file;
}
