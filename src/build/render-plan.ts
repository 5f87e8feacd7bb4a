// Which pages one Eleventy run writes. Eleventy keeps every page it renders in
// memory until its run ends (twice: the body and the finished page), so a
// large archive is written in several runs of a bounded number of event
// pages each; and `npm start` rewrites only the pages an edit touches.
// Every run sees the whole archive; the plan only picks what is paginated.
import { type Archive, type ArchiveEvent, inArchiveOrder, slugOfEventUrl } from "../archive/archive.ts";
import type { EventLink } from "../archive/event-link.ts";
import { type ListPage, listPages } from "../archive/list-pages.ts";
import type { TopicPage } from "../archive/topics.ts";
import type { YearPage } from "../archive/years.ts";
import type { RenderPlan } from "../eleventy/archive-plugin.ts";

export function wholeSite(archive: Archive): RenderPlan {
  const { events, days, months } = archive;
  return { events, days, months, ...listedPages(archive), singles: true };
}

/** Every page of every year's and topic's list (list-pages.ts splits the long ones). */
export function listedPages(archive: Pick<Archive, "years" | "topics">): {
  years: ListPage<YearPage>[];
  topics: ListPage<TopicPage>[];
} {
  return { years: archive.years.flatMap((y) => listPages(y)), topics: archive.topics.flatMap((t) => listPages(t)) };
}

/** One part of a build split across machines: `--shard 2/4`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The whole site, or a shard's part of it, as a series of runs: everything
 * but the events in the first, then the events in batches. Shard k of n
 * writes the k-th of n equal slices of the events (in date order); shard 1
 * also writes every other page.
 */
export function renderRuns(
  archive: Archive,
  eventsPerRun: number,
  shard: Shard = { index: 1, count: 1 },
): RenderPlan[] {
  const perShard = Math.ceil(archive.events.length / shard.count);
  const events = archive.events.slice((shard.index - 1) * perShard, shard.index * perShard);
  return inRuns(shard.index === 1 ? { ...wholeSite(archive), events } : { ...NOTHING, events }, eventsPerRun);
}

/** A plan as runs of at most `eventsPerRun` event pages: the first run writes its other pages too. */
export function inRuns(plan: RenderPlan, eventsPerRun: number): RenderPlan[] {
  const runs: RenderPlan[] = [];
  for (let start = 0; start === 0 || start < plan.events.length; start += eventsPerRun) {
    const events = plan.events.slice(start, start + eventsPerRun);
    runs.push(start === 0 ? { ...plan, events } : { ...NOTHING, events });
  }
  return runs;
}

/** "2/4" → the second of four shards. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * What `npm start` rewrites after entries changed (by slug; added, edited or
 * deleted): their pages as they are now, the pages that list them before or
 * after the change (their days and months, the events that relate to them or
 * show them among the others of their day, and the pages of their years and
 * topics that changed),
 * and every single page. Everything else on disk is already what a full
 * build would write.
 */
export function touchedBy(previous: Archive, next: Archive, slugs: ReadonlySet<string>): RenderPlan {
  const changed = [...slugs]
    .flatMap((slug) => [previous.bySlug.get(slug), next.bySlug.get(slug)])
    .filter((e) => e !== undefined);
  const urls = (pick: (event: ArchiveEvent) => string[]) => new Set(changed.flatMap(pick));
  const changedUrls = urls((e) => [e.url]);
  const days = urls((e) => [e.day.url]);
  // Related links go both ways: the events that showed or now show a changed one are among its own related.
  const relating = urls((e) => e.related.flatMap((r) => (r.url ? [r.url] : [])));
  // A topic whose address another topic now takes moves (see topicAddresses): its new page, and its events' links to it.
  const topicUrlsBefore = new Set(previous.topics.map((t) => t.url));
  const movedTopics = new Set(next.topics.filter((t) => !topicUrlsBefore.has(t.url)).map((t) => t.url));
  const linkingMoved = new Set(
    next.topics.filter((t) => movedTopics.has(t.url)).flatMap((t) => t.events.map((e) => e.url)),
  );
  const years = urls((e) => [e.year.url]);
  const topics = new Set([...urls((e) => e.topicLinks.map((t) => t.url)), ...movedTopics]);
  const sameDay = alsoOnThisDayChanged(previous, next, days);
  // Looked up, not found by a scan of every event.
  const events = [...new Set([...changedUrls, ...sameDay, ...relating, ...linkingMoved])]
    .map((url) => next.bySlug.get(slugOfEventUrl(url)))
    .filter((e) => e !== undefined);
  return {
    events: events.sort(inArchiveOrder),
    days: within(next.days, days),
    months: within(
      next.months,
      urls((e) => [e.month.url]),
    ),
    years: changedListPages(previous.years, next.years, yearsAround(previous, next, years), {
      changed: changedUrls,
      heading: (y) => [y.countLabel, y.previous?.url, y.next?.url],
    }),
    topics: changedListPages(previous.topics, next.topics, topics, {
      changed: changedUrls,
      heading: (t) => [t.name, t.countLabel],
    }),
    singles: true,
  };
}

/**
 * The events of the given days whose "also on this day" differs from before:
 * a full day has hundreds of events at 100,000, and an edit changes the
 * list of only the few that show the edited one.
 */
function alsoOnThisDayChanged(previous: Archive, next: Archive, dayUrls: ReadonlySet<string>): Set<string> {
  const shown = (event: ArchiveEvent | undefined) =>
    event && JSON.stringify([event.alsoOnThisDay, event.alsoOnThisDayMore]);
  const changed = new Set<string>();
  for (const day of within(next.days, dayUrls))
    for (const { slug } of day.sections.flatMap((s) => s.events)) {
      const event = next.bySlug.get(slug)!;
      if (shown(event) !== shown(previous.bySlug.get(slug))) changed.add(event.url);
    }
  return changed;
}

/** The changed years and the years beside them, before and after: a year page links its neighbours. */
function yearsAround(previous: Archive, next: Archive, changed: ReadonlySet<string>): Set<string> {
  const around = new Set(changed);
  for (const { years } of [previous, next])
    for (const year of years) {
      if (!changed.has(year.url)) continue;
      if (year.previous) around.add(year.previous.url);
      if (year.next) around.add(year.next.url);
    }
  return around;
}

/**
 * The pages of the wanted lists (years or topics, by address) that show a
 * changed event, or that differ from the page at their address before: other
 * events, or another heading (count, name, neighbours) or number of pages. An
 * event added to a long topic moves every later event down a page; an edited
 * title rewrites only the page that shows it.
 */
function changedListPages<Of extends { url: string; events: readonly EventLink[] }>(
  before: readonly Of[],
  after: readonly Of[],
  wanted: ReadonlySet<string>,
  { changed, heading }: { changed: ReadonlySet<string>; heading: (of: Of) => unknown[] },
): ListPage<Of>[] {
  const pagesOf = (lists: readonly Of[]) => within(lists, wanted).flatMap((list) => listPages(list));
  const fingerprint = (page: ListPage<Of>) =>
    JSON.stringify([heading(page.of), page.pager?.label, page.events.map((e) => e.url)]);
  const was = new Map(pagesOf(before).map((page) => [page.url, fingerprint(page)]));
  return pagesOf(after).filter(
    (page) => page.events.some((e) => changed.has(e.url)) || was.get(page.url) !== fingerprint(page),
  );
}

const within = <T extends { url: string }>(list: readonly T[], wanted: ReadonlySet<string>) =>
  list.filter((item) => wanted.has(item.url));

/** A plan that writes no page. */
export const NOTHING: RenderPlan = { events: [], days: [], months: [], years: [], topics: [], singles: false };
