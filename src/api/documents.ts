// Archive → the API's documents. Pure: every address is made absolute (or put
// under the path prefix) here, so the documents are right wherever the site lives.
import type { Archive, ArchiveEvent, Day, EventLink, PhotoView } from "../archive/archive.ts";
import { dayPick } from "../archive/front-page-pick.ts";
import type { ImageView } from "../archive/renditions.ts";
import { bcYear, calendarOf, edtfText, firstDay, isoDate, otherCalendarDay, precisionOf } from "../content/dates.ts";
import type { Kind } from "../content/schema.ts";
import { messagesFor } from "../i18n/messages.ts";
import { absoluteUrl, type SiteInfo, sitePath } from "../site.ts";
import { escapeHtml } from "../util/escape-html.ts";
import type {
  DayDocument,
  EventDocument,
  EventSummary,
  EventsIndex,
  WIKIMEDIA_TYPES,
  WikimediaFeed,
  WikimediaItem,
} from "./schemas.ts";

export const apiPaths = {
  day: (key: string) => `/api/v1/days/${key}.json`,
  event: (slug: string) => `/api/v1/events/${slug}.json`,
  events: "/api/v1/events.json",
  export: "/api/v1/export.ndjson",
  schema: (name: string) => `/api/v1/schemas/${name}.json`,
  wikimedia: (type: string, key: string) => `/api/feed/onthisday/${type}/${key.replace("-", "/")}.json`,
};

export class ApiDocuments {
  private readonly archive: Archive;
  private readonly site: SiteInfo;

  constructor(archive: Archive, site: SiteInfo) {
    this.archive = archive;
    this.site = site;
  }

  private link(pagePath: string) {
    return { path: sitePath(this.site, pagePath), url: absoluteUrl(this.site, pagePath) };
  }

  private get license() {
    return this.site.dataLicense;
  }

  summary(event: EventLink): EventSummary {
    const thumbnail = event.thumbnail?.image;
    return {
      slug: event.slug,
      ...this.link(event.url),
      ...(this.site.api.eventDocuments && { api: absoluteUrl(this.site, apiPaths.event(event.slug)) }),
      title: event.title,
      kind: event.kind,
      summary: event.summary,
      date: event.dateIso,
      dateWords: event.dateWords,
      edtf: edtfText(event.date),
      calendar: calendarOf(event.date),
      precision: precisionOf(event.date),
      ...bothStyles(event),
      ...(event.style && { style: event.style }),
      year: event.yearLabel,
      ...(thumbnail && {
        thumbnail: {
          src: sitePath(this.site, thumbnail.src),
          url: absoluteUrl(this.site, thumbnail.src),
          ...thumbnail.srcSize,
          srcset: thumbnail.srcset.replace(/(^|, )\//g, `$1${this.site.pathPrefix}`),
        },
      }),
    };
  }

  day(day: Day): DayDocument {
    return {
      key: day.key,
      label: day.label,
      ...this.link(day.url),
      count: day.count,
      selected: dayPick(day, this.archive).map((e) => e.slug),
      sections: day.sections.map((s) => ({
        kind: s.kind,
        heading: s.heading,
        events: s.events.map((e) => this.summary(e)),
      })),
      license: this.license,
    };
  }

  event(event: ArchiveEvent): EventDocument {
    return {
      ...this.summary(event),
      ...(event.location && { location: event.location }),
      topics: event.topicLinks.map((t) => ({ name: t.name, ...this.link(t.url) })),
      yearPage: this.link(event.year.url),
      // A date without a day is on no day page: its year page lists it, and a month-only one its month page.
      ...(event.onDayPage && { dayPage: this.link(event.day.url) }),
      ...(event.date.precision === "month" && { monthPage: this.link(event.month.url) }),
      ...(event.photo && { photo: this.photo(event.photo) }),
      photos: event.photos.map((p) => this.photo(p)),
      related: event.related.map((r) => ({
        date: r.dateIso,
        dateWords: r.dateWords,
        text: r.text,
        ...(r.url && this.link(r.url)),
      })),
      sources: event.sources.map((s) => ({
        title: s.title,
        ...(s.url && { url: s.url }),
        ...(s.accessed && { accessed: isoDate(s.accessed) }),
        ...(s.archiveUrl && { archiveUrl: s.archiveUrl }),
      })),
      // The body once, in the form site.json asks for (HTML unless it says otherwise).
      ...(this.site.api.body !== "markdown" && { bodyHtml: event.bodyHtml }),
      ...(this.site.api.body !== "html" && { body: event.body }),
      license: this.license,
    };
  }

  private photo(photo: PhotoView): EventDocument["photos"][number] {
    const { image, src: _src, ...credit } = photo;
    return { ...credit, ...(image && { image: this.image(image) }) };
  }

  private image(image: ImageView) {
    const file = (src: string, width: number, height: number) => ({
      src: sitePath(this.site, src),
      url: absoluteUrl(this.site, src),
      width,
      height,
    });
    return {
      large: file(image.large, image.largeSize.width, image.largeSize.height),
      social: file(image.social, 1200, 630),
      sources: image.sources.map((s) => ({
        type: s.type,
        srcset: s.srcset.replace(/(^|, )\//g, `$1${this.site.pathPrefix}`),
      })),
    };
  }

  index(): EventsIndex {
    return {
      count: this.archive.events.length,
      ...(this.site.api.export && { export: absoluteUrl(this.site, apiPaths.export) }),
      events: this.archive.events.map((e) => this.summary(e)),
      license: this.license,
    };
  }

  /**
   * Wikimedia's feed for one day: type "all" has every list, the others one
   * each. Wikimedia's "all" also has "selected", its editors' choice: here the
   * home page's pick for the build year (src/archive/front-page-pick.ts).
   */
  wikimedia(day: Day, type: "all" | (typeof WIKIMEDIA_TYPES)[number]): WikimediaFeed {
    const byKind = (kind: Kind) =>
      day.sections
        .find((s) => s.kind === kind)
        // An Old Style date is in Wikimedia's feed on its New Style day only.
        ?.events.filter((e) => e.style !== "O.S.")
        .map((e) => this.wikimediaItem(e)) ?? [];
    const lists = {
      events: byKind("event"),
      births: byKind("birth"),
      deaths: byKind("death"),
      holidays: byKind("holiday"),
    };
    if (type !== "all") return { [type]: lists[type] };
    return { selected: dayPick(day, this.archive).map((e) => this.wikimediaItem(e)), ...lists };
  }

  private wikimediaItem(event: EventLink): WikimediaItem {
    const url = absoluteUrl(this.site, event.url);
    const image = event.thumbnail?.image;
    // Wikimedia writes 44 BC as -44; ISO's astronomical year for it is -43.
    const year = event.date.year <= 0 ? -bcYear(event.date.year) : event.date.year;
    return {
      text: event.title,
      ...(event.kind !== "holiday" && { year }),
      pages: [
        {
          type: "standard",
          title: event.slug,
          displaytitle: escapeHtml(event.title),
          normalizedtitle: event.title,
          titles: { canonical: event.slug, normalized: event.title, display: escapeHtml(event.title) },
          description: event.dateWords,
          extract: event.summary,
          extract_html: `<p>${escapeHtml(event.summary)}</p>`,
          lang: this.site.language,
          dir: messagesFor(this.site.language).dir,
          ...(image && {
            thumbnail: { source: absoluteUrl(this.site, image.src), ...image.srcSize },
            originalimage: { source: absoluteUrl(this.site, image.large), ...image.largeSize },
          }),
          content_urls: { desktop: { page: url }, mobile: { page: url } },
        },
      ],
    };
  }
}

/** For a date in a non-default calendar, its first day in both: the day an Old Style source gives, and the New Style one. */
function bothStyles(event: EventLink): { oldStyle?: string; newStyle?: string } {
  const other = otherCalendarDay(event.date);
  if (!other || event.date.precision) return {};
  const written = firstDay(event.date);
  const [julian, gregorian] = other.calendar === "gregorian" ? [written, other.date] : [other.date, written];
  return { oldStyle: isoDate(julian), newStyle: isoDate(gregorian) };
}
