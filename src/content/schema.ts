// The front-matter schema of an entry, written once. Types, error messages
// (through each field's description and example), the JSON Schema for editors
// (entry-json-schema.ts) and the scaffolder's template are all derived from it.
import { z } from "zod";
import { findUnwritable } from "../util/unwritable.ts";
import {
  CALENDARS,
  type EventDate,
  type HistoricalDate,
  parseEventDate,
  parseHistoricalDate,
  withCalendar,
} from "./dates.ts";
import { SLUG_MAX, SLUG_PATTERN, suggestSlug } from "./slugs.ts";

export const KINDS = ["event", "birth", "death", "holiday"] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(text: string): text is Kind {
  return (KINDS as readonly string[]).includes(text);
}

export const SUMMARY_MAX = 280;
/**
 * A headline, not a paragraph: Wikidata's labels stop at 250 characters and
 * Wikipedia's titles at 255 bytes; 200 leaves the page's <title> room for the
 * site's name.
 */
export const TITLE_MAX = 200;
/** For the JSON Schema editors get: the format only; the real check is parseHistoricalDate. */
const ISO_DATE_PATTERN = "^-?\\d{4}-\\d{2}-\\d{2}$";
/** An entry's date: EDTF's day, month, season or year, X digits, ? ~ %, and intervals (.. or nothing for an open or unknown end); the real check is parseEventDate. */
const EDTF_DATE_PATTERN =
  "^(-?[\\dX]{4}(-[\\dX]{2}){0,2}[?~%]?|(-?\\d{4}(-\\d{2}){0,2}[?~%]?|\\.\\.)?/(-?\\d{4}(-\\d{2}){0,2}[?~%]?|\\.\\.)?)$";
/** Wikidata's item ids: Q and a number without leading zeros. */
const WIKIDATA_ITEM = /^Q[1-9]\d*$/;

/** A custom issue carries its own fix in `params.fix`. */
function fail(ctx: z.RefinementCtx, message: string, fix: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: "custom", message, params: { fix }, path });
}

// Control characters (other than tab and line feed), noncharacters and lone
// surrogates break feeds and calendars or rewrite a terminal: no field may hold one.
function refuseUnwritable(value: string, ctx: z.RefinementCtx): boolean {
  const found = findUnwritable(value);
  if (found) fail(ctx, `contains ${found.description}`, "remove it; only ordinary text belongs here");
  return found !== undefined;
}

const text = () =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((value, ctx) => void refuseUnwritable(value, ctx));

export const TOPIC_MAX = 60;
export const TOPICS_MAX = 20;

const historicalDate = z.string().transform((value, ctx): HistoricalDate => {
  const parsed = parseHistoricalDate(value);
  if (parsed.ok) return parsed.date;
  fail(ctx, parsed.problem, parsed.fix);
  return z.NEVER;
});

/**
 * An entry's `date` in EDTF. YAML reads a bare year (1757, 0079, -43) as a
 * number: it is the same year written as EDTF.
 */
const eventDate = z.unknown().transform((value, ctx): EventDate => {
  const text = typeof value === "number" && Number.isInteger(value) ? yearText(value) : value;
  if (typeof text !== "string") {
    // What z.string() would say: "is missing", or "must be text, not …".
    ctx.addIssue({ code: "invalid_type", expected: "string", input: value });
    return z.NEVER;
  }
  const parsed = parseEventDate(text);
  if (parsed.ok) return parsed.date;
  fail(ctx, parsed.problem, parsed.fix);
  return z.NEVER;
});

/** 1757 → "1757", -43 → "-0043": a year as EDTF writes it. */
function yearText(year: number): string {
  return `${year < 0 ? "-" : ""}${String(Math.abs(year)).padStart(4, "0")}`;
}

const wikidataItem = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (WIKIDATA_ITEM.test(value)) return;
    const id = /Q[1-9]\d*/.exec(value)?.[0];
    fail(
      ctx,
      `"${value}" is not a Wikidata item id`,
      id
        ? `write the id alone: wikidata: ${id}`
        : "write Q and the item's number, as in its address, e.g. wikidata: Q23",
    );
  });

const httpUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (refuseUnwritable(value, ctx)) return;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      return fail(ctx, `"${value}" is not a web address`, "give the full address, starting with https://");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      fail(ctx, `"${value}" uses ${url.protocol}, which is not allowed`, "use an https:// (or http://) address");
    }
  });

const slug = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!SLUG_PATTERN.test(value)) {
      fail(
        ctx,
        `"${value}" is not an entry slug`,
        "use the file name of another entry without .md, e.g. apollo-11-moon-landing",
      );
    } else if (value.length > SLUG_MAX) {
      fail(
        ctx,
        `"${value}" is longer than the ${SLUG_MAX} characters a slug may have, so no entry has it`,
        "use the file name of another entry without .md",
      );
    }
  });

/** A slug this entry had: "/events/old-name/", "old-name.md" and "Old Name" are told how to write it. */
const formerSlug = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (SLUG_PATTERN.test(value) && value.length <= SLUG_MAX) return;
    if (!value) return fail(ctx, "is empty", "write the former file name without .md, or remove the line");
    const bare = value.replace(/^\/?(events\/)?|\/$|\.md$/g, "").toLowerCase();
    const suggested = SLUG_PATTERN.test(bare) && bare.length <= SLUG_MAX ? bare : suggestSlug(value);
    const why = SLUG_PATTERN.test(value)
      ? `is longer than the ${SLUG_MAX} characters a slug may have`
      : "is not a slug";
    fail(ctx, `"${value}" ${why}`, `write it as ${suggested}: the former file name without .md`);
  });

export const photoSchema = z.strictObject({
  src: text()
    .optional()
    .meta({
      description: "The image file, relative to the entry file. Leave it out to show the credit without an image.",
      examples: ["trump-kim-singapore.jpg"],
    }),
  alt: text().meta({
    description: "What the photo shows, for readers who cannot see it.",
    examples: ["Two men shake hands in front of a row of flags"],
  }),
  caption: text()
    .optional()
    .meta({ description: "Caption shown under the photo.", examples: ["The handshake at the Capella Hotel"] }),
  // No uncredited image ships: who made it, where it comes from and its license are required.
  photographer: text().meta({
    description: "Who took the photo (or made the image).",
    examples: ["Shealah Craighead"],
  }),
  location: text()
    .optional()
    .meta({ description: "Where the photo was taken.", examples: ["Singapore"] }),
  source: text().meta({ description: "Where the photo comes from.", examples: ["Wikimedia Commons"] }),
  sourceUrl: httpUrl
    .optional()
    .meta({ description: "Web address of the source.", examples: ["https://commons.wikimedia.org/"] }),
  license: text().meta({ description: "The photo's license.", examples: ["Public domain"] }),
  licenseUrl: httpUrl.optional().meta({
    description: "Web address of the license text.",
    examples: ["https://creativecommons.org/publicdomain/mark/1.0/"],
  }),
});

export const relatedSchema = z
  .strictObject({
    event: slug.optional().meta({ description: "Slug of another entry.", examples: ["hanoi-summit"] }),
    date: historicalDate
      .optional()
      .meta({ description: "Date of an event without its own entry (YYYY-MM-DD).", examples: ["2019-02-27"] }),
    text: text()
      .optional()
      .meta({
        description: "What happened, for an event without its own entry.",
        examples: ["The Hanoi summit ends early"],
      }),
  })
  .superRefine((item, ctx) => {
    const byEntry = item.event !== undefined;
    const byText = item.date !== undefined || item.text !== undefined;
    const fix = 'write either "- event: <slug>" or "- date: YYYY-MM-DD" with "text: …"';
    if (byEntry && byText) fail(ctx, "names an entry and also gives a date or text", fix);
    else if (!byEntry && !(item.date && item.text)) {
      fail(ctx, item.date ? "has a date but no text" : item.text ? "has text but no date" : "is empty", fix);
    }
  });

export const sourceSchema = z.strictObject({
  title: text().meta({
    description: "Title of the book, article or page.",
    examples: ["Joint Statement of President Trump and Chairman Kim"],
  }),
  url: httpUrl
    .optional()
    .meta({ description: "Its web address, if it has one.", examples: ["https://example.org/article"] }),
  accessed: historicalDate.optional().meta({
    pattern: ISO_DATE_PATTERN,
    description: "When the web page was read (YYYY-MM-DD).",
    examples: ["2026-06-12"],
  }),
  archiveUrl: httpUrl.optional().meta({
    description: "An archived copy of the page (the Wayback Machine, archive.today).",
    examples: ["https://web.archive.org/web/2019/https://example.org/article"],
  }),
});

export const frontMatterSchema = z
  .strictObject({
    title: text()
      .max(TITLE_MAX)
      .meta({
        description: `The headline, plain text, at most ${TITLE_MAX} characters.`,
        examples: ["Apollo 11 lands on the Moon"],
      }),
    date: eventDate.meta({
      pattern: EDTF_DATE_PATTERN,
      description:
        "When it happened, YYYY-MM-DD, or as EDTF: 1757 or 1757-06 when the day is unknown, 1863-21 to 1863-24 for spring to winter, 156X or 18XX for a decade or century, 1757-06-12? when uncertain, 1500-05-01~ when approximate, 1863-07-01/1863-07-03 for a span, 1863-07-01/.. or ../1863-07-03 for one with an open end. Years before 1000 keep four digits (0079-08-24); BCE years use a minus sign (-0043-03-15 is 15 March 44 BC).",
      examples: ["1969-07-20"],
    }),
    calendar: z
      .enum(CALENDARS)
      .optional()
      .meta({
        description:
          "The calendar the date is written in: julian or gregorian. Without it, Julian before 15 October 1582 and Gregorian from then on; write julian for an Old Style date after 1582.",
        examples: ["julian"],
      }),
    wikidata: wikidataItem.optional().meta({
      description: "The event's Wikidata item, Q and its number.",
      examples: ["Q23"],
    }),
    kind: z
      .enum(KINDS)
      .default("event")
      .meta({ description: "event (default), birth, death or holiday.", examples: ["event"] }),
    summary: text()
      .max(SUMMARY_MAX)
      .refine((s) => !/[\r\n]/.test(s), {
        message: "must be one line",
        params: { fix: "join the lines, or move the detail into the body" },
      })
      .meta({
        description: `One line, at most ${SUMMARY_MAX} characters, shown on day pages and in feeds.`,
        examples: ["Neil Armstrong and Buzz Aldrin land the lunar module Eagle."],
      }),
    location: text()
      .optional()
      .meta({ description: "Where it happened.", examples: ["Sea of Tranquility, the Moon"] }),
    topics: z
      .array(text().max(TOPIC_MAX))
      .max(TOPICS_MAX)
      .optional()
      .meta({
        description: `Topic names: at most ${TOPICS_MAX}, each at most ${TOPIC_MAX} characters.`,
        examples: [["space exploration"]],
      }),
    featured: z
      .boolean()
      .optional()
      .meta({
        description:
          "true for an editors' pick: the home page shows it first on its day, before the anniversaries it picks itself.",
        examples: [true],
      }),
    photo: photoSchema.optional().meta({ description: "The lead photo and its credit." }),
    photos: z.array(photoSchema).optional().meta({ description: "Further historical photos, each like photo." }),
    related: z.array(relatedSchema).optional().meta({ description: "Related events: entries by slug, or dated text." }),
    sources: z.array(sourceSchema).optional().meta({ description: "References: title and url." }),
    added: historicalDate.optional().meta({
      pattern: ISO_DATE_PATTERN,
      description:
        "When the entry joined the archive (YYYY-MM-DD), for the feed of new entries. Without it, the date of the git commit that added the file.",
      examples: ["2026-06-12"],
    }),
    aliases: z
      .array(formerSlug)
      .optional()
      .meta({
        description:
          "Former slugs of this entry (its earlier file names, without .md): each old address redirects to this entry's page.",
        examples: [["1969-07-21-apollo-11-lands"]],
      }),
  })
  // The date read in its calendar: whenever the date and the calendar are each valid, whatever else is wrong.
  .superRefine(
    (entry, ctx) => {
      const dated = withCalendar(entry.date, entry.calendar);
      if (!dated.ok) fail(ctx, dated.problem, dated.fix, ["date"]);
    },
    {
      when: ({ value, issues }) =>
        typeof (value as { date?: unknown } | undefined)?.date === "object" &&
        !issues.some((i) => i.path?.[0] === "date" || i.path?.[0] === "calendar"),
    },
  )
  // The calendar is part of the date from here on: every output asks dates.ts.
  .overwrite(({ calendar, ...entry }) => {
    const dated = withCalendar(entry.date, calendar);
    return dated.ok ? { ...entry, date: dated.date } : entry;
  });

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type Photo = z.output<typeof photoSchema>;
export type RelatedItem = z.output<typeof relatedSchema>;
export type Source = z.output<typeof sourceSchema>;
