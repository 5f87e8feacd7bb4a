// The Archive: every fact a page shows, computed once from the entries.
// Templates only present what is here; nothing is sorted or counted there.
import { type DateWords, dateWordsIn } from "../content/date-words.ts";
import {
  centuryYear,
  compareDates,
  compareEventDates,
  daysInMonth,
  type HistoricalDate,
  isoDate,
  isPlainDay,
  listedDays,
  monthDayKey,
} from "../content/dates.ts";
import type { LoadedEntry } from "../content/load.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { KINDS, type Kind, type Photo, type Source } from "../content/schema.ts";
import { type CalendarWords, calendarWords } from "../i18n/calendar-words.ts";
import { type MessageKey, type Messages, messagesFor } from "../i18n/messages.ts";
import type { SiteInfo } from "../site.ts";
import { stableHash } from "../util/stable-hash.ts";
import { adjacentDays, type CalendarLinks, calendarLinks, type DayLink, type MonthLink } from "./calendar.ts";
import { type Counted, counted, type EventLink } from "./event-link.ts";
import { type ImageView, type PhotoPlan, planPhoto } from "./renditions.ts";
import { buildTopics, type TopicLink, type TopicPage, topicAddresses } from "./topics.ts";
import { buildYears, type Century, centuryOf, type YearLink, type YearPage, yearLink } from "./years.ts";

export type { Counted, EventLink };

export interface PhotoView extends Photo {
  /** The published image, when the entry has the file. */
  readonly image?: ImageView;
}

/** A published image with its credit and the events that show it: the /credits/ page and the image build. */
export interface CreditedPhoto {
  readonly photo: PhotoView & { readonly image: ImageView };
  readonly plan: PhotoPlan;
  readonly usedOn: readonly EventLink[];
  /** Where it is first named, for error messages: entry file, field and src. */
  readonly origin: { readonly file: string; readonly field: string; readonly src: string };
}

export interface RelatedView {
  readonly date: HistoricalDate;
  readonly dateIso: string;
  readonly dateWords: string;
  readonly text: string;
  /** Set when the related event has its own entry. */
  readonly url?: string;
}

export interface ArchiveEvent extends EventLink {
  readonly location?: string;
  /** The topic names as the entry gives them. */
  readonly topics: readonly string[];
  readonly topicLinks: readonly TopicLink[];
  readonly year: YearLink;
  /** "12 June": the date in words without its year, linked to the day page. */
  readonly dayWords: string;
  /** "20th century", "1st century BC", "XXe siècle": a search filter. */
  readonly century: string;
  /** Other years' events on the same month-day (the first few; the day page has all). */
  readonly alsoOnThisDay: readonly EventLink[];
  readonly alsoOnThisDayMore: number;
  readonly photo?: PhotoView;
  readonly photos: readonly PhotoView[];
  /** The card shown where the page is shared: the first photo the archive carries. */
  readonly socialImage?: { readonly url: string; readonly alt: string };
  readonly related: readonly RelatedView[];
  readonly sources: readonly SourceView[];
  readonly bodyHtml: string;
  /** The body as the editor wrote it (Markdown), for the API's export. */
  readonly body: string;
  /** "Event", "Birth", "Death", "Holiday"; "Événement"… */
  readonly kindLabel: string;
  /** Its day page (for a date without a day, the page of its first day, which does not list it: see onDayPage). */
  readonly day: DayLink;
  readonly month: MonthLink;
  /** Its Wikidata item ("Q23"), for the JSON-LD's sameAs. */
  readonly wikidata?: string;
  /** An editors' pick: first on the home page on its day (src/archive/front-page-pick.ts). */
  readonly featured?: true;
  /** Whether a day page lists it: not when only its month or year is known. */
  readonly onDayPage: boolean;
  /** An exact day in its default calendar, shown as day and year; any other date is shown whole (dateWords). */
  readonly plainDate: boolean;
  /** The entry file, for "edit this entry" and error messages. */
  readonly file: string;
  /** Its former slugs, whose addresses redirect to its page. */
  readonly aliases: readonly string[];
}

export interface SourceView extends Source {
  /** "12 June 2026": when the page was read. */
  readonly accessedWords?: string;
}

export interface KindSection {
  readonly kind: Kind;
  readonly heading: string;
  readonly events: readonly EventLink[];
}

export interface Day extends DayLink, Counted {
  readonly description: string;
  /** The social card of its first event with a photo, so that a shared day shows one of its photos. */
  readonly socialImage?: { readonly url: string; readonly alt: string };
  readonly sections: readonly KindSection[];
  readonly previous: DayLink;
  readonly next: DayLink;
  readonly monthLink: MonthLink;
}

export interface Month extends MonthLink, Counted {
  readonly description: string;
  readonly days: readonly (DayLink & Counted)[];
  /** The days that have events, each with its first few, for the month page. */
  readonly highlights: readonly DayHighlights[];
  /** Events known only to this month (of any year): no day page lists them. */
  readonly undated: readonly EventLink[];
  readonly previous: MonthLink;
  readonly next: MonthLink;
}

export interface DayHighlights {
  readonly day: DayLink & Counted;
  readonly events: readonly EventLink[];
  /** How many more the day page has: "and 3 more". */
  readonly more: number;
}

/** A month page lists at most this many events per day, and links to the day for the rest. */
export const HIGHLIGHTS_PER_DAY = 5;

export interface Archive {
  /** The site's language (site.json): the words above are in it; messagesFor(language) gives the rest. */
  readonly language: string;
  /** Every event, in date order (BCE first). */
  readonly events: readonly ArchiveEvent[];
  readonly bySlug: ReadonlyMap<string, ArchiveEvent>;
  /** All 366 days in calendar order. */
  readonly days: readonly Day[];
  readonly byDay: ReadonlyMap<string, Day>;
  readonly months: readonly Month[];
  /** Every published image, once, in the order of the first event showing it. */
  readonly photos: readonly CreditedPhoto[];
  /** The day of the build date: the home page's "today". */
  readonly today: Day;
  /** On 28 February of a common year, 29 February too: its events have no other day that year. */
  readonly todayAlso?: Day;
  readonly buildDate: string;
  readonly years: readonly YearPage[];
  readonly centuries: readonly Century[];
  readonly topics: readonly TopicPage[];
  /** The calendar page: each month as rows of seven days. */
  readonly calendar: readonly CalendarMonth[];
  /** "MM-DD" of each day that has events: the random-event script picks among them. */
  readonly dayKeysWithEvents: readonly string[];
  /** The newest entries by the date they were added, for /feed.xml. */
  readonly feed: { readonly updated: string; readonly entries: readonly FeedEntry[] };
  /** An event picked from the build date, for "Random event" without JavaScript. */
  readonly randomPick?: EventLink;
  /** A page at each former address of an event (its aliases). */
  readonly redirects: readonly Redirect[];
}

export interface CalendarMonth extends MonthLink {
  readonly weeks: readonly (readonly ((DayLink & Counted) | null)[])[];
}

/** An event page shows at most this many other events of its day. */
export const ALSO_ON_THIS_DAY = 8;

/** Each kind's section heading on a day page ("Births"), its label ("Birth") and its count ("3 births"). */
const KIND_WORDS: Record<Kind, { heading: MessageKey; label: MessageKey; count: MessageKey }> = {
  event: { heading: "kind.eventHeading", label: "kind.event", count: "count.event" },
  birth: { heading: "kind.birthHeading", label: "kind.birth", count: "count.birth" },
  death: { heading: "kind.deathHeading", label: "kind.death", count: "count.death" },
  holiday: { heading: "kind.holidayHeading", label: "kind.holiday", count: "count.holiday" },
};

export interface ArchiveOptions {
  /** The build date (Gregorian) that stands for "today". */
  readonly buildDate: HistoricalDate;
  /** Entry path → the date it was added, from git; front-matter `added` wins. */
  readonly addedDates?: ReadonlyMap<string, string>;
  /** Markdown → HTML; `npm start` passes one that remembers. */
  readonly renderBody?: (markdown: string) => string;
  /** The site's settings: its language names the days, months, years and counts (English when not given). */
  readonly site?: Pick<SiteInfo, "language">;
}

/** The words of the archive's language, made once per language and shared. */
export interface ArchiveWords {
  readonly messages: Messages;
  readonly words: CalendarWords;
  readonly calendar: CalendarLinks;
  readonly dates: DateWords;
}

export function archiveWords(language: string): ArchiveWords {
  const messages = messagesFor(language);
  const words = calendarWords(messages);
  return { messages, words, calendar: calendarLinks(words), dates: dateWordsIn(messages) };
}

/** The Atom feed lists this many of the newest entries. */
export const FEED_SIZE = 30;

export interface FeedEntry extends EventLink {
  /** "YYYY-MM-DD": when the entry joined the archive. */
  readonly added: string;
  readonly bodyHtml: string;
}

export function buildArchive(entries: readonly LoadedEntry[], options: ArchiveOptions): Archive {
  const renderBody = options.renderBody ?? renderMarkdown;
  const language = options.site?.language ?? "en";
  const words = archiveWords(language);
  const { messages } = words;
  const countLabel = (n: number) => counted(n, messages).countLabel;
  const sorted = [...entries].sort(inArchiveOrder);
  const planned = new Map(sorted.map((entry) => [entry.slug, planPhotos(entry)]));
  const links = new Map(
    sorted.map((entry) => [entry.slug, eventLink(entry, planned.get(entry.slug)!.lead?.view, words)]),
  );

  const related = relatedViews(sorted, links, words);

  const topicAddress = topicAddresses(sorted.flatMap((entry) => entry.topics ?? []));
  const events = archiveEvents(sorted, { links, planned, related, topicAddress, renderBody, words });

  const days = buildDays(events, links, words);
  const months = buildMonths(days, [...links.values()], words);
  const photos = creditPhotos(sorted, planned, links);

  const byDay = new Map(days.map((d) => [d.key, d]));
  const { buildDate } = options;
  const eventLinks = events.map((e) => links.get(e.slug)!);
  const { pages: years, centuries } = buildYears(eventLinks, countLabel, { words: words.words, language });
  const topicNames = new Map(events.map((e) => [e.slug, e.topics]));
  const bySlug = new Map(events.map((e) => [e.slug, e]));
  const isFeb28OfCommonYear = buildDate.month === 2 && buildDate.day === 28 && daysInMonth(buildDate.year, 2) === 28;
  return {
    language,
    events,
    bySlug,
    days,
    byDay,
    months,
    photos,
    today: byDay.get(monthDayKey(buildDate.month, buildDate.day))!,
    ...(isFeb28OfCommonYear && { todayAlso: byDay.get("02-29")! }),
    buildDate: isoDate(buildDate),
    years,
    centuries,
    topics: buildTopics(eventLinks, (e) => topicNames.get(e.slug) ?? [], countLabel, {
      addresses: topicAddress,
      language,
    }),
    calendar: calendarTables(months),
    dayKeysWithEvents: days.filter((d) => d.count > 0).map((d) => d.key),
    feed: newestEntries(sorted, bySlug, options),
    ...(eventLinks.length && { randomPick: eventLinks[pickIndex(isoDate(buildDate), eventLinks.length)]! }),
    redirects: redirectsOf(events),
  };
}

interface EventParts {
  readonly links: ReadonlyMap<string, EventLink>;
  readonly planned: ReadonlyMap<string, PlannedPhotos>;
  readonly related: ReadonlyMap<string, ReadonlyMap<string, RelatedView>>;
  readonly topicAddress: ReturnType<typeof topicAddresses>;
  readonly renderBody: (markdown: string) => string;
  readonly words: ArchiveWords;
}

/** Each entry's event page, in the entries' order. */
function archiveEvents(
  sorted: readonly LoadedEntry[],
  { links, planned, related, topicAddress, renderBody, words }: EventParts,
): ArchiveEvent[] {
  const linksByDay = dayListings(links.values());
  const values = sharedValues(words);
  return sorted.map((entry) =>
    archiveEvent(entry, {
      link: links.get(entry.slug)!,
      photos: planned.get(entry.slug)!,
      dayLinks: linksByDay.get(listedKey(entry)) ?? [],
      related: related.get(entry.slug)!.values(),
      topicLinks: [...new Map((entry.topics ?? []).map((t) => [topicAddress.key(t), topicAddress.link(t)])).values()],
      renderBody,
      values,
    }),
  );
}

/** Each day's listings, in the links' order: an Old Style date on two days, labelled; a date without a day on none. */
function dayListings(links: Iterable<EventLink>): Map<string, EventLink[]> {
  const byDay = new Map<string, EventLink[]>();
  for (const link of links) {
    for (const { month, day, style } of listedDays(link.date)) {
      const key = monthDayKey(month, day);
      if (!byDay.has(key)) byDay.set(key, []);
      byDay.get(key)!.push(style ? { ...link, style } : link);
    }
  }
  return byDay;
}

/** The day page an event's page links to: the first it is listed on, else its first day's. */
function listedKey(entry: Pick<LoadedEntry, "date">): string {
  const first = listedDays(entry.date)[0] ?? entry.date;
  return monthDayKey(first.month, first.day);
}

/** Values many events have in common, made once and shared: at 100,000 events, copies cost 100 MB. */
export function sharedValues({ messages, words, calendar }: ArchiveWords) {
  const dayOf = new Map(calendar.days.map((d) => [d.key, d]));
  return {
    words,
    dayOf: (key: string) => dayOf.get(key)!,
    monthOf: (month: number) => calendar.months[month - 1]!,
    dayWordsOf: shared((key: string) => {
      const { day, month } = dayOf.get(key)!;
      return words.dayMonth(month, day);
    }),
    yearOf: shared((year: number) => yearLink(year, words)),
    centuryLabelOf: shared((year: number) => words.centuryLabel(centuryOf(year))),
    kindLabelOf: shared((kind: Kind) => messages.t(KIND_WORDS[kind].label)),
  };
}

/** What one event's page is made of, besides its entry. */
export interface EventContext {
  readonly link: EventLink;
  readonly photos: PlannedPhotos;
  /** The links of every event of its day, in date order (its own among them). */
  readonly dayLinks: readonly EventLink[];
  readonly related: Iterable<RelatedView>;
  readonly topicLinks: readonly TopicLink[];
  readonly renderBody: (markdown: string) => string;
  readonly values: ReturnType<typeof sharedValues>;
}

/** One entry's event page. */
export function archiveEvent(
  entry: LoadedEntry,
  { link, photos: { lead, further }, dayLinks: day, related, topicLinks, renderBody, values }: EventContext,
): ArchiveEvent {
  const key = listedKey(entry);
  const onDayPage = listedDays(entry.date).length > 0;
  // The day's first few, other than this one: constant work however full the day is.
  // A date without a day is on no day page, so it has no "also on".
  const alsoOnThisDay = (onDayPage ? day : [])
    .slice(0, ALSO_ON_THIS_DAY + 1)
    .filter((l) => l.slug !== entry.slug)
    .slice(0, ALSO_ON_THIS_DAY);
  return {
    ...link,
    location: entry.location,
    topics: entry.topics ?? [],
    topicLinks,
    year: values.yearOf(entry.date.year),
    dayWords: values.dayWordsOf(key),
    century: values.centuryLabelOf(centuryYear(entry.date)),
    alsoOnThisDay,
    alsoOnThisDayMore: onDayPage ? Math.max(0, day.length - 1 - ALSO_ON_THIS_DAY) : 0,
    photo: lead?.view,
    photos: further.map((p) => p.view),
    ...socialImageOf([lead, ...further]),
    related: sortRelated([...related]),
    sources: sourceViews(entry.sources, values.words),
    bodyHtml: renderBody(entry.body),
    body: entry.body,
    kindLabel: values.kindLabelOf(entry.kind),
    day: values.dayOf(key),
    month: values.monthOf(entry.date.month),
    onDayPage,
    plainDate: isPlainDay(entry.date),
    ...(entry.wikidata && { wikidata: entry.wikidata }),
    ...(entry.featured && { featured: true as const }),
    file: entry.file,
    aliases: entry.aliases ?? NO_ALIASES,
  };
}

/** The sources with the day each was read in words; the entry's own list when none says. */
function sourceViews(sources: readonly Source[] | undefined, words: CalendarWords): readonly SourceView[] {
  if (!sources?.some((s) => s.accessed)) return sources ?? [];
  return sources.map((s) => (s.accessed ? { ...s, accessedWords: words.dateInWords(s.accessed) } : s));
}

/** Shared by the events without aliases: nearly all of them. */
const NO_ALIASES: readonly string[] = [];

/** Related events in date order, then by text. */
export function sortRelated(related: RelatedView[]): RelatedView[] {
  return related.sort((a, b) => compareDates(a.date, b.date) || compareText(a.text, b.text));
}

/** Each entry's related events. Links go both ways: if A lists B, B's page shows A too. */
function relatedViews(
  sorted: readonly LoadedEntry[],
  links: ReadonlyMap<string, EventLink>,
  { words }: ArchiveWords,
): Map<string, Map<string, RelatedView>> {
  const related = new Map<string, Map<string, RelatedView>>(sorted.map((e) => [e.slug, new Map()]));
  const add = (slug: string, key: string, view: RelatedView) => {
    const list = related.get(slug)!;
    if (!list.has(key)) list.set(key, view);
  };
  for (const entry of sorted) {
    for (const item of entry.related ?? []) {
      const target = item.event === undefined ? undefined : links.get(item.event);
      if (target) {
        add(entry.slug, target.slug, relatedView(target));
        add(target.slug, entry.slug, relatedView(links.get(entry.slug)!));
      } else if (item.date && item.text) {
        add(entry.slug, `${isoDate(item.date)} ${item.text}`, {
          date: item.date,
          dateIso: isoDate(item.date),
          dateWords: words.dateInWords(item.date),
          text: item.text,
        });
      }
    }
  }
  return related;
}

/** All 366 days, each with its events by kind and its neighbours. */
function buildDays(
  events: readonly ArchiveEvent[],
  links: ReadonlyMap<string, EventLink>,
  { messages, calendar }: ArchiveWords,
): Day[] {
  const eventsByDay = dayListings(events.map((e) => links.get(e.slug)!));
  const headings = new Map(KINDS.map((kind) => [kind, messages.t(KIND_WORDS[kind].heading)]));
  const socialImages = new Map(events.flatMap((e) => (e.socialImage ? [[e.slug, e.socialImage] as const] : [])));
  const socialImageOf = (slug: string) => socialImages.get(slug);
  return calendar.days.map((link, index): Day => {
    const dayEvents = eventsByDay.get(link.key) ?? [];
    const sections = KINDS.map((kind) => ({
      kind,
      heading: headings.get(kind)!,
      events: dayEvents.filter((e) => e.kind === kind),
    })).filter((s) => s.events.length > 0);
    return {
      ...link,
      ...counted(dayEvents.length, messages),
      description: messages.t("archive.dayDescription", {
        day: link.label,
        sections: describeSections(sections, messages),
      }),
      sections,
      ...adjacentDays(calendar.days, index),
      monthLink: calendar.months[link.month - 1]!,
      // Last, where a patched day (patch-archive.ts) puts it.
      ...daySocialImage(sections, socialImageOf),
    };
  });
}

/** The social card of a day's first event that has one, in the page's order. */
export function daySocialImage(
  sections: readonly KindSection[],
  socialImageOf: (slug: string) => { url: string; alt: string } | undefined,
): { socialImage?: { url: string; alt: string } } {
  for (const section of sections)
    for (const event of section.events) {
      const socialImage = socialImageOf(event.slug);
      if (socialImage) return { socialImage };
    }
  return {};
}

/** The twelve months, each with its days' counts and first events. */
function buildMonths(days: readonly Day[], links: readonly EventLink[], { messages, calendar }: ArchiveWords): Month[] {
  const months = calendar.months;
  const undated = Map.groupBy(
    links.filter((l) => l.date.precision === "month"),
    (l) => l.date.month,
  );
  return months.map((month, i): Month => {
    const fullDays = days.filter((d) => d.month === month.number);
    const monthDays = fullDays.map((d) => ({ ...toDayLink(d), count: d.count, countLabel: d.countLabel }));
    const highlights = fullDays
      .map((d, i) => {
        const dayEvents = d.sections.flatMap((s) => s.events);
        return {
          day: monthDays[i]!,
          events: dayEvents.slice(0, HIGHLIGHTS_PER_DAY),
          more: Math.max(0, d.count - HIGHLIGHTS_PER_DAY),
        };
      })
      .filter((h) => h.events.length > 0);
    const total = counted(
      monthDays.reduce((sum, d) => sum + d.count, 0),
      messages,
    );
    return {
      ...month,
      ...total,
      description: messages.t("archive.monthDescription", {
        days: monthDays.length,
        month: month.name,
        entries: total.countLabel,
      }),
      days: monthDays,
      highlights,
      undated: undated.get(month.number) ?? [],
      previous: months[(i + 11) % 12]!,
      next: months[(i + 1) % 12]!,
    };
  });
}

/** Every published image once, with the events that show it. */
function creditPhotos(
  sorted: readonly LoadedEntry[],
  planned: ReadonlyMap<string, PlannedPhotos>,
  links: ReadonlyMap<string, EventLink>,
): CreditedPhoto[] {
  // The same file used by several events is published (and credited) once.
  const photos = new Map<string, CreditedPhoto & { usedOn: EventLink[] }>();
  for (const entry of sorted) {
    const { lead, further } = planned.get(entry.slug)!;
    for (const item of [lead, ...further]) {
      const image = item?.view.image;
      if (!item || !image || !item.plan) continue;
      const { view, plan, field } = item;
      const known = photos.get(image.social);
      if (known) {
        if (!known.usedOn.some((e) => e.slug === entry.slug)) known.usedOn.push(links.get(entry.slug)!);
        continue;
      }
      photos.set(image.social, {
        photo: { ...view, image },
        plan,
        usedOn: [links.get(entry.slug)!],
        origin: { file: entry.file, field, src: view.src! },
      });
    }
  }

  return [...photos.values()];
}

/** The calendar page's tables: each month in rows of seven days. */
function calendarTables(months: readonly Month[]): CalendarMonth[] {
  return months.map(
    (month): CalendarMonth => ({
      number: month.number,
      name: month.name,
      url: month.url,
      weeks: Array.from({ length: Math.ceil(month.days.length / 7) }, (_, w) =>
        Array.from({ length: 7 }, (_, d) => month.days[w * 7 + d] ?? null),
      ),
    }),
  );
}

/** The feed: the newest entries by the date they joined the archive (front-matter, else git, else the build date). */
function newestEntries(
  entries: readonly LoadedEntry[],
  bySlug: ReadonlyMap<string, ArchiveEvent>,
  options: ArchiveOptions,
): Archive["feed"] {
  const fallback = isoDate(options.buildDate);
  const added = (entry: LoadedEntry) =>
    entry.added ? isoDate(entry.added) : (options.addedDates?.get(entry.path) ?? fallback);
  const newest = entries
    .map((entry) => ({ entry, added: added(entry) }))
    .sort((a, b) => compareText(b.added, a.added) || compareText(a.entry.slug, b.entry.slug))
    .slice(0, FEED_SIZE)
    .map(({ entry, added }): FeedEntry => {
      const event = bySlug.get(entry.slug)!;
      return { ...toLink(event), added, bodyHtml: event.bodyHtml };
    });
  return { updated: newest[0]?.added ?? fallback, entries: newest };
}

function socialImageOf(photos: readonly (PlannedPhoto | undefined)[]): { socialImage?: { url: string; alt: string } } {
  const first = photos.find((p) => p?.view.image)?.view;
  return first?.image ? { socialImage: { url: first.image.social, alt: first.alt } } : {};
}

/** `make`, called once per distinct key. */
function shared<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/** The same pick for the same build date: builds stay reproducible. */
function pickIndex(seed: string, n: number): number {
  return stableHash(seed) % n;
}

/** "2 events, 1 birth" or "nothing recorded yet": joined as the language lists counts (Intl.ListFormat). */
function describeSections(sections: readonly KindSection[], messages: Messages): string {
  if (!sections.length) return messages.t("archive.nothingYet");
  const counts = sections.map((s) => messages.t(KIND_WORDS[s.kind].count, { count: s.events.length }));
  return new Intl.ListFormat(messages.language, { type: "unit", style: "short" }).format(counts);
}

export function eventLink(entry: LoadedEntry, lead: PhotoView | undefined, { words, dates }: ArchiveWords): EventLink {
  return {
    slug: entry.slug,
    ...(lead?.image && { thumbnail: { image: lead.image, alt: lead.alt } }),
    url: eventUrl(entry.slug),
    title: entry.title,
    kind: entry.kind,
    summary: entry.summary,
    date: entry.date,
    dateIso: isoDate(entry.date),
    dateWords: dates.eventDateWords(entry.date),
    yearLabel: words.yearLabel(entry.date.year),
  };
}

export function toLink(event: ArchiveEvent): EventLink {
  const { slug, thumbnail, url, title, kind, summary, date, dateIso, dateWords, yearLabel } = event;
  return { slug, ...(thumbnail && { thumbnail }), url, title, kind, summary, date, dateIso, dateWords, yearLabel };
}

function toDayLink(day: Day): DayLink {
  const { key, month, day: d, label, url } = day;
  return { key, month, day: d, label, url };
}

export function relatedView(link: EventLink): RelatedView {
  return { date: link.date, dateIso: link.dateIso, dateWords: link.dateWords, text: link.title, url: link.url };
}

interface PlannedPhoto {
  readonly view: PhotoView;
  readonly plan?: PhotoPlan;
  readonly field: string;
}

export interface PlannedPhotos {
  readonly lead?: PlannedPhoto;
  readonly further: readonly PlannedPhoto[];
}

/** Each photo with the plan of its published image, when the entry has the file. */
export function planPhotos(entry: LoadedEntry): PlannedPhotos {
  const planned = (photo: Photo, field: string): PlannedPhoto => {
    const file = photo.src === undefined ? undefined : entry.photoFiles[photo.src];
    if (!file) return { view: photo, field };
    const plan = planPhoto(file);
    return { view: { ...photo, image: plan.view }, plan, field };
  };
  return {
    lead: entry.photo && planned(entry.photo, "photo.src"),
    further: (entry.photos ?? []).map((photo, i) => planned(photo, `photos[${i}].src`)),
  };
}

/** The order of the archive's events: by date, then title, then slug. */
export function inArchiveOrder(a: Pick<EventLink, "date" | "title" | "slug">, b: typeof a): number {
  return compareEventDates(a.date, b.date) || compareText(a.title, b.title) || compareText(a.slug, b.slug);
}

/** The address of an event's page, and back. */
export const eventUrl = (slug: string): string => `/events/${slug}/`;
export const slugOfEventUrl = (url: string): string => url.slice("/events/".length, -1);

/**
 * An old address of an entry whose slug changed: each former slug it lists
 * (front-matter `aliases`) gets a page that sends readers and search engines
 * on (layouts/redirect.njk) and a 301 rule for the hosts that read
 * `_redirects` (src/build/redirects-file.ts). The check refuses an alias that
 * is another entry's slug or alias (src/content/aliases.ts).
 */
export interface Redirect {
  /** The old address: "/events/<alias>/". */
  readonly url: string;
  /** The entry's page. */
  readonly to: string;
  /** The entry's title, for the redirect page's link. */
  readonly title: string;
}

/** Every alias of every event, in the events' order. */
export function redirectsOf(events: readonly ArchiveEvent[]): Redirect[] {
  return events.flatMap((event) =>
    event.aliases.map((alias) => ({ url: eventUrl(alias), to: event.url, title: event.title })),
  );
}

/** Code-point order: the same result under every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
