// The documents of the static JSON API, written once with zod: the build's
// types come from here, and so do the JSON Schemas published beside them.
import { z } from "zod";
import { CALENDARS, PRECISIONS } from "../content/dates.ts";
import { KINDS } from "../content/schema.ts";
import type { ApiSettings } from "../site.ts";

const link = {
  /** Root-relative, under the path prefix: what the site's own scripts follow. */
  path: z.string().startsWith("/"),
  /** The full address, for everyone else. */
  url: z.url(),
};

const license = z.object({ name: z.string(), url: z.url() }).meta({ description: "The license of this data." });

const image = z.object({
  src: z.string(),
  url: z.url(),
  width: z.int().positive(),
  height: z.int().positive(),
});

export const eventSummarySchema = z.object({
  slug: z.string(),
  ...link,
  api: z.url().optional().meta({ description: "This event's full document." }),
  title: z.string(),
  kind: z.enum(KINDS),
  summary: z.string(),
  date: z.string().meta({
    description:
      "The first day, ISO 8601 with astronomical years: -0043-03-15 is 15 March 44 BC (1 January of a year-only date, the 1st of a month-only one).",
  }),
  dateWords: z.string(),
  edtf: z.string().meta({
    description:
      'The date as the entry writes it, in EDTF: "1757-06-12?", "1863-21", "156X", "1863-07-01/1863-07-03", "1863-07-01/..".',
  }),
  calendar: z.enum(CALENDARS).meta({ description: "The calendar the date is written in." }),
  precision: z.enum(PRECISIONS).meta({
    description:
      "How much of the date (an interval's first end, or its known one) is known: a season is EDTF's 21–24, a decade or a century is written with X (156X, 18XX).",
  }),
  oldStyle: z.string().optional().meta({
    description:
      "The first day in the Julian calendar, when the entry gives a date in a calendar other than the default one.",
  }),
  newStyle: z.string().optional().meta({ description: "The same day in the Gregorian calendar." }),
  style: z
    .enum(["O.S.", "N.S."])
    .optional()
    .meta({ description: "In a day's list: which of the event's two days this is." }),
  year: z.string().meta({ description: 'The year as shown: "2018", "AD 79", "44 BC".' }),
  thumbnail: image.extend({ srcset: z.string() }).optional(),
});

const photoSchema = z.object({
  alt: z.string(),
  caption: z.string().optional(),
  photographer: z.string(),
  location: z.string().optional(),
  source: z.string(),
  sourceUrl: z.url().optional(),
  license: z.string(),
  licenseUrl: z.url().optional(),
  image: z
    .object({ large: image, social: image, sources: z.array(z.object({ type: z.string(), srcset: z.string() })) })
    .optional()
    .meta({ description: "Absent when the archive does not carry the image, only its credit." }),
});

export const eventDocumentSchema = eventSummarySchema.extend({
  location: z.string().optional(),
  topics: z.array(z.object({ name: z.string(), ...link })),
  yearPage: z.object(link).meta({
    description:
      "The year page: a date without a day (a month, season, year, decade or century) is listed there under 'date unknown', a decade or century on its first year's page.",
  }),
  dayPage: z.object(link).optional().meta({
    description:
      "The day page that lists it (for an Old Style date, its Old Style day; for an interval with an open or unknown end, its known day); absent when the day is not known, since no day page lists it.",
  }),
  monthPage: z.object(link).optional().meta({
    description: "The month page that lists it under 'date unknown': only when precision is month.",
  }),
  photo: photoSchema.optional(),
  photos: z.array(photoSchema),
  related: z.array(
    z.object({ date: z.string(), dateWords: z.string(), text: z.string(), ...link }).partial({ path: true, url: true }),
  ),
  sources: z.array(
    z.object({
      title: z.string(),
      url: z.url().optional(),
      accessed: z.string().optional().meta({ description: "When the page was read, YYYY-MM-DD." }),
      archiveUrl: z.url().optional(),
    }),
  ),
  bodyHtml: z.string().optional().meta({ description: "The historical context, as HTML." }),
  body: z.string().optional().meta({ description: "The historical context, as the editor wrote it (Markdown)." }),
  license,
});

const daySchema = <S extends z.ZodType>(summary: S) =>
  z.object({
    key: z.string().regex(/^\d\d-\d\d$/),
    label: z.string(),
    ...link,
    count: z.int().nonnegative(),
    selected: z.array(z.string()).meta({
      description:
        "The slugs of the day's pick, among the sections' events, as the home page shows it for the build year: editors' featured entries, then round anniversaries and a spread of kinds and topics, five at most unless more are featured.",
    }),
    sections: z.array(z.object({ kind: z.enum(KINDS), heading: z.string(), events: z.array(summary) })),
    license,
  });
export const dayDocumentSchema = daySchema(eventSummarySchema);

const indexSchema = <S extends z.ZodType>(summary: S) =>
  z.object({
    count: z.int().nonnegative(),
    export: z.url().optional().meta({ description: "Every event's full document, one JSON object per line." }),
    events: z.array(summary),
    license,
  });
export const eventsIndexSchema = indexSchema(eventSummarySchema);

/** The shape of Wikimedia's On This Day feed, for the parts clients read. */
const wikimediaPage = z.object({
  type: z.literal("standard"),
  title: z.string(),
  displaytitle: z.string(),
  normalizedtitle: z.string(),
  titles: z.object({ canonical: z.string(), normalized: z.string(), display: z.string() }),
  description: z.string(),
  extract: z.string(),
  extract_html: z.string(),
  lang: z.string(),
  dir: z.enum(["ltr", "rtl"]),
  thumbnail: z.object({ source: z.url(), width: z.int(), height: z.int() }).optional(),
  originalimage: z.object({ source: z.url(), width: z.int(), height: z.int() }).optional(),
  content_urls: z.object({
    desktop: z.object({ page: z.url() }),
    mobile: z.object({ page: z.url() }),
  }),
});

export const wikimediaItemSchema = z.object({
  text: z.string(),
  year: z
    .int()
    .optional()
    .meta({ description: "BCE as negative years the way Wikimedia writes them: 44 BC is -44. Holidays have none." }),
  pages: z.array(wikimediaPage),
});

export const WIKIMEDIA_TYPES = ["events", "births", "deaths", "holidays"] as const;

export const wikimediaFeedSchema = z
  .object({
    selected: z
      .array(wikimediaItemSchema)
      .optional()
      .meta({ description: "In type all only: the day's pick, as the day document's selected." }),
    events: z.array(wikimediaItemSchema).optional(),
    births: z.array(wikimediaItemSchema).optional(),
    deaths: z.array(wikimediaItemSchema).optional(),
    holidays: z.array(wikimediaItemSchema).optional(),
  })
  .meta({
    description:
      "A drop-in for Wikimedia's /feed/onthisday/{type}/{MM}/{DD}; \"selected\" is the home page's pick for the day, not editors' alone.",
  });

export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventDocument = z.infer<typeof eventDocumentSchema>;
export type DayDocument = z.infer<typeof dayDocumentSchema>;
export type EventsIndex = z.infer<typeof eventsIndexSchema>;
export type WikimediaItem = z.infer<typeof wikimediaItemSchema>;
export type WikimediaFeed = z.infer<typeof wikimediaFeedSchema>;

/**
 * The schemas of the documents a site with these settings publishes, at
 * /api/v1/schemas/<name>.json: a field that site.json's "api" setting
 * decides is required where the site writes it and absent where it does not,
 * so each schema is exact for the site that publishes it.
 */
export function publishedSchemas(api: ApiSettings): Record<string, z.ZodType> {
  // The `api` address of a summary and the index's `export` link lead only to documents that are written.
  const summary = api.eventDocuments
    ? eventSummarySchema.required({ api: true })
    : eventSummarySchema.omit({ api: true });
  const index = indexSchema(summary);
  const event = eventDocumentSchema.extend(summary.shape);
  const bodies = {
    html: event.required({ bodyHtml: true }).omit({ body: true }),
    markdown: event.required({ body: true }).omit({ bodyHtml: true }),
    both: event.required({ bodyHtml: true, body: true }),
  };
  return {
    day: daySchema(summary),
    ...((api.eventDocuments || api.export) && { event: bodies[api.body] }),
    events: api.export ? index.required({ export: true }) : index.omit({ export: true }),
    ...(api.onThisDay && { onthisday: wikimediaFeedSchema }),
  };
}
