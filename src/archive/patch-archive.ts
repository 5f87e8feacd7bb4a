// The archive after an edit that moves nothing, made from the one before it
// in milliseconds rather than rebuilt from every entry (seconds at 100,000
// events): `npm start`'s common case, a title, summary, body or source fixed.
// The result is what buildArchive would make of the edited entries (the
// tests compare the two); an edit that could move or regroup anything (its
// date, kind, topics, related events, photos or added date, or a title that
// reorders events of the same date) is left to buildArchive.
import { compareDates, monthDayKey } from "../content/dates.ts";
import type { LoadedEntry } from "../content/load.ts";
import {
  type Archive,
  type ArchiveEvent,
  type ArchiveOptions,
  archiveEvent,
  compareText,
  type Day,
  eventLink,
  planPhotos,
  type RelatedView,
  relatedView,
  sharedValues,
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
  const renderBody = options.renderBody!;
  const oldLink = new Map<string, EventLink>();
  for (const day of new Set(edited.map((entry) => dayOf(previous, entry))))
    for (const link of day.sections.flatMap((s) => s.events))
      if (editedSlugs.has(link.slug)) oldLink.set(link.slug, link);
  // Every list of events shares the one link of each event: swapping it updates them all.
  const swaps = new Map<EventLink, EventLink>();
  const newLink = new Map<string, EventLink>();
  for (const entry of edited) {
    const link = eventLink(entry, planPhotos(entry).lead?.view);
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
  const values = sharedValues();
  // The other events that may show an edited one: those of its day, and its related ones (links go both ways).
  const others = new Set<string>();
  for (const entry of edited) {
    const was = previous.bySlug.get(entry.slug)!;
    const day = dayOf(previous, entry);
    const linkOf = new Map(day.sections.flatMap((s) => s.events.map((link) => [link.slug, link])));
    const dayEvents = previous.events.filter((e) => e.day.key === day.key);
    replaced.set(
      entry.slug,
      archiveEvent(entry, {
        link: newLink.get(was.url)!,
        photos: planPhotos(entry),
        dayLinks: dayEvents.map((e) => {
          const link = linkOf.get(e.slug)!;
          return swaps.get(link) ?? link;
        }),
        related: swapRelated(was.related),
        topicLinks: was.topicLinks,
        renderBody,
        values,
      }),
    );
    for (const e of dayEvents) others.add(e.url);
    for (const r of was.related) if (r.url) others.add(r.url);
  }
  const byUrl = new Map([...others].map((url) => [url, undefined as ArchiveEvent | undefined]));
  for (const event of previous.events) if (byUrl.has(event.url)) byUrl.set(event.url, event);
  for (const event of byUrl.values()) {
    if (!event || editedSlugs.has(event.slug)) continue;
    const [alsoOnThisDay, related] = [swapIn(event.alsoOnThisDay), swapRelated(event.related)];
    if (alsoOnThisDay !== event.alsoOnThisDay || related !== event.related)
      replaced.set(event.slug, { ...event, alsoOnThisDay, related });
  }

  const days = previous.days.map((day) => {
    const sections = day.sections.map((s) => ({ ...s, events: swapIn(s.events) }));
    return sections.some((s, i) => s.events !== day.sections[i]!.events) ? { ...day, sections } : day;
  });
  const byDay = new Map(days.map((d) => [d.key, d]));
  const events = previous.events.map((e) => replaced.get(e.slug) ?? e);
  const bySlug = new Map(previous.bySlug);
  for (const [slug, event] of replaced) bySlug.set(slug, event);
  return {
    ...previous,
    events,
    bySlug,
    days,
    byDay,
    months: previous.months.map((month) => {
      const highlights = month.highlights.map((h) => ({ ...h, events: swapIn(h.events) }));
      return highlights.some((h, i) => h.events !== month.highlights[i]!.events) ? { ...month, highlights } : month;
    }),
    photos: previous.photos.map((photo) => {
      const usedOn = swapIn(photo.usedOn);
      return usedOn === photo.usedOn ? photo : { ...photo, usedOn };
    }),
    today: byDay.get(previous.today.key)!,
    ...(previous.todayAlso && { todayAlso: byDay.get(previous.todayAlso.key)! }),
    years: previous.years.map((year) => {
      const list = swapIn(year.events);
      return list === year.events ? year : { ...year, events: list };
    }),
    topics: previous.topics.map((topic) => {
      const list = swapIn(topic.events);
      return list === topic.events ? topic : { ...topic, events: list };
    }),
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
  const title = new Map(edited.map((entry) => [entry.slug, entry.title]));
  const { events } = previous;
  const inOrder = (a: EventLink | undefined, b: EventLink | undefined) =>
    !a ||
    !b ||
    (compareDates(a.date, b.date) ||
      compareText(title.get(a.slug) ?? a.title, title.get(b.slug) ?? b.title) ||
      compareText(a.slug, b.slug)) < 0;
  return edited.every((entry) => {
    const at = events.indexOf(previous.bySlug.get(entry.slug)!);
    return inOrder(events[at - 1], events[at]) && inOrder(events[at], events[at + 1]);
  });
}

function dayOf(archive: Archive, entry: LoadedEntry): Day {
  return archive.byDay.get(monthDayKey(entry.date.month, entry.date.day))!;
}
