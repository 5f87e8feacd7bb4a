// The archive after an edit that moves nothing, made from the one before it
// in milliseconds rather than rebuilt from every entry (seconds at 100,000
// events): `npm start`'s common case, a title, summary, body or source fixed.
// The result is what buildArchive would make of the edited entries (the
// tests compare the two); an edit that could move or regroup anything (its
// date, kind, topics, related events, photos or added date, or a title that
// reorders events of the same date) is left to buildArchive. Only what shows
// an edited event is made anew; the rest is the previous archive's, shared.
import { isPlainDay, monthDayKey } from "../content/dates.ts";
import type { LoadedEntry } from "../content/load.ts";
import {
  type Archive,
  type ArchiveEvent,
  type ArchiveOptions,
  archiveEvent,
  archiveWords,
  type Day,
  daySocialImage,
  eventLink,
  inArchiveOrder,
  planPhotos,
  type RelatedView,
  redirectsOf,
  relatedView,
  sharedValues,
  slugOfEventUrl,
  sortRelated,
  toLink,
} from "./archive.ts";
import type { EventLink } from "./event-link.ts";

/**
 * `previous` with the `edited` entries (each replacing the entry of its slug
 * in `before`, the entries `previous` was built from), or undefined when the
 * edit is not one that moves nothing.
 */
export function patchArchive(
  previous: Archive,
  before: ReadonlyMap<string, LoadedEntry>,
  edited: readonly LoadedEntry[],
  options: Pick<ArchiveOptions, "renderBody">,
): Archive | undefined {
  if (!movesNothing(previous, before, edited)) return undefined;
  const editedSlugs = new Set(edited.map((entry) => entry.slug));
  const days = new Set(edited.map((entry) => dayOf(previous, entry)));
  const oldLink = new Map<string, EventLink>();
  for (const day of days) for (const link of linksOf(day)) if (editedSlugs.has(link.slug)) oldLink.set(link.slug, link);
  // Every list of events shares the one link of each event: swapping it updates them all.
  const swaps = new Map<EventLink, EventLink>();
  const newLink = new Map<string, EventLink>();
  const words = archiveWords(previous.language);
  for (const entry of edited) {
    const link = eventLink(entry, planPhotos(entry).lead?.view, words);
    swaps.set(oldLink.get(entry.slug)!, link);
    newLink.set(link.url, link);
  }
  const swapIn = <T extends readonly EventLink[]>(list: T): T =>
    list.some((l) => swaps.has(l)) ? (list.map((l) => swaps.get(l) ?? l) as unknown as T) : list;
  const swapRelated = (related: readonly RelatedView[]) =>
    related.some((r) => r.url && newLink.has(r.url))
      ? sortRelated(related.map((r) => (r.url && newLink.get(r.url) ? relatedView(newLink.get(r.url)!) : r)))
      : related;

  const replaced = new Map<string, ArchiveEvent>();
  const values = sharedValues(words);
  // The other events that may show an edited one: those of its day, and its related ones (links go both ways).
  const others = new Set<string>();
  for (const entry of edited) {
    const was = previous.bySlug.get(entry.slug)!;
    const dayLinks = linksOf(dayOf(previous, entry)).sort(inArchiveOrder);
    replaced.set(
      entry.slug,
      archiveEvent(entry, {
        link: newLink.get(was.url)!,
        photos: planPhotos(entry),
        dayLinks: dayLinks.map((link) => swaps.get(link) ?? link),
        related: swapRelated(was.related),
        topicLinks: was.topicLinks,
        renderBody: options.renderBody!,
        values,
      }),
    );
    for (const link of dayLinks) others.add(link.slug);
    for (const r of was.related) if (r.url) others.add(slugOfEventUrl(r.url));
  }
  for (const slug of others) {
    const event = previous.bySlug.get(slug);
    if (!event || editedSlugs.has(slug)) continue;
    const [alsoOnThisDay, related] = [swapIn(event.alsoOnThisDay), swapRelated(event.related)];
    if (alsoOnThisDay !== event.alsoOnThisDay || related !== event.related)
      replaced.set(slug, { ...event, alsoOnThisDay, related });
  }

  // The lists that may show an edited event, each copied only if it does.
  const was = edited.map((entry) => previous.bySlug.get(entry.slug)!);
  const lists = new Set(was.flatMap((e) => [e.day.url, e.month.url, e.year.url, ...e.topicLinks.map((t) => t.url)]));
  const swapped = <Of extends { url: string }>(of: Of, swap: (of: Of) => Of) => (lists.has(of.url) ? swap(of) : of);
  const withEvents = <Of extends { url: string; events: readonly EventLink[] }>(of: Of) =>
    swapped(of, () => ({ ...of, events: swapIn(of.events) }));
  const bySlug = withChanges(previous.bySlug, replaced);
  const newDays = previous.days.map((day) =>
    swapped(day, () => {
      const { socialImage: _, ...rest } = day;
      const sections = day.sections.map((s) => ({ ...s, events: swapIn(s.events) }));
      // An edited photo may be the day's social card, or become it.
      return { ...rest, sections, ...daySocialImage(sections, (slug) => bySlug.get(slug)?.socialImage) };
    }),
  );
  const byDay = new Map(newDays.map((d) => [d.key, d]));
  const events = previous.events.map((e) => replaced.get(e.slug) ?? e);
  return {
    ...previous,
    events,
    // An edit may add or drop aliases, or retitle an event that has some.
    redirects: redirectsOf(events),
    bySlug,
    days: newDays,
    byDay,
    months: previous.months.map((month) =>
      swapped(month, () => ({
        ...month,
        highlights: month.highlights.map((h) => ({ ...h, events: swapIn(h.events) })),
      })),
    ),
    photos: previous.photos.map((photo) => {
      const usedOn = swapIn(photo.usedOn);
      return usedOn === photo.usedOn ? photo : { ...photo, usedOn };
    }),
    today: byDay.get(previous.today.key)!,
    ...(previous.todayAlso && { todayAlso: byDay.get(previous.todayAlso.key)! }),
    years: previous.years.map(withEvents),
    topics: previous.topics.map(withEvents),
    feed: {
      ...previous.feed,
      entries: previous.feed.entries.map((item) => {
        const event = editedSlugs.has(item.slug) ? replaced.get(item.slug)! : undefined;
        return event ? { ...toLink(event), added: item.added, bodyHtml: event.bodyHtml } : item;
      }),
    },
    ...(previous.randomPick && { randomPick: swaps.get(previous.randomPick) ?? previous.randomPick }),
  };
}

/**
 * The entries changed nothing that places or groups their events, nor what
 * is made from their files (photos), and their titles keep the events in
 * their places among those of the same date.
 */
function movesNothing(previous: Archive, before: ReadonlyMap<string, LoadedEntry>, edited: readonly LoadedEntry[]) {
  const placing = (e: LoadedEntry) =>
    JSON.stringify([e.date, e.kind, e.topics, e.related, e.photo, e.photos, e.added, e.photoFiles]);
  const same = (was: LoadedEntry | undefined, entry: LoadedEntry) =>
    was && was.path === entry.path && was.file === entry.file && placing(was) === placing(entry);
  if (!edited.every((entry) => same(before.get(entry.slug), entry))) return false;
  // A date listed on two day pages, or on none, is placed by a whole build.
  if (!edited.every((entry) => isPlainDay(entry.date))) return false;
  const title = new Map(edited.map((entry) => [entry.slug, entry.title]));
  const retitled = (e: EventLink) => ({ ...e, title: title.get(e.slug) ?? e.title });
  const { events } = previous;
  const inOrder = (a: EventLink | undefined, b: EventLink | undefined) =>
    !a || !b || inArchiveOrder(retitled(a), retitled(b)) < 0;
  return edited.every((entry) => {
    const at = events.indexOf(previous.bySlug.get(entry.slug)!);
    return inOrder(events[at - 1], events[at]) && inOrder(events[at], events[at + 1]);
  });
}

function dayOf(archive: Archive, entry: LoadedEntry): Day {
  return archive.byDay.get(monthDayKey(entry.date.month, entry.date.day))!;
}

/** The links of a day's events, every kind. */
const linksOf = (day: Day): EventLink[] => day.sections.flatMap((s) => s.events);

/** `base` with some values replaced, read through rather than copied: a copy of 100,000 costs 100 ms. */
function withChanges<V>(base: ReadonlyMap<string, V>, changes: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  const [under, over] =
    base instanceof Overlay ? [base.base, new Map([...base.changes, ...changes])] : [base, new Map(changes)];
  // Many edits in one session: the overlay stays small.
  return over.size > 1_000 ? new Map([...new Overlay(under, over)]) : new Overlay(under, over);
}

class Overlay<V> implements ReadonlyMap<string, V> {
  readonly base: ReadonlyMap<string, V>;
  readonly changes: ReadonlyMap<string, V>;
  constructor(base: ReadonlyMap<string, V>, changes: ReadonlyMap<string, V>) {
    [this.base, this.changes] = [base, changes];
  }
  get size(): number {
    return this.base.size;
  }
  get(key: string): V | undefined {
    return this.changes.get(key) ?? this.base.get(key);
  }
  has(key: string): boolean {
    return this.base.has(key);
  }
  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.base) yield [key, this.changes.get(key) ?? value];
  }
  keys(): MapIterator<string> {
    return this.base.keys();
  }
  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  forEach(call: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) call(value, key, this);
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
