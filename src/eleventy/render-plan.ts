// Which pages one Eleventy run writes. Eleventy keeps every page it renders in
// memory until its run ends (twice: the body and the finished page), so a
// large archive is written in several runs of a bounded number of event
// pages each; and `npm start` rewrites only the pages an edit touches.
// Every run sees the whole archive; the plan only picks what is paginated.
import type { Archive, ArchiveEvent, Day, Month } from "../archive/archive.ts";
import type { TopicPage } from "../archive/topics.ts";
import type { YearPage } from "../archive/years.ts";

export interface RenderPlan {
  readonly events: readonly ArchiveEvent[];
  readonly days: readonly Day[];
  readonly months: readonly Month[];
  readonly years: readonly YearPage[];
  readonly topics: readonly TopicPage[];
  /** The pages that are not paginated: home, indexes, feeds, sitemap, 404. */
  readonly singles: boolean;
}

export function wholeSite(archive: Archive): RenderPlan {
  const { events, days, months, years, topics } = archive;
  return { events, days, months, years, topics, singles: true };
}

/** The whole site as a series of runs: everything but the events in the first, then the events in batches. */
export function renderRuns(archive: Archive, eventsPerRun: number): RenderPlan[] {
  const runs: RenderPlan[] = [];
  for (let start = 0; start === 0 || start < archive.events.length; start += eventsPerRun) {
    const events = archive.events.slice(start, start + eventsPerRun);
    runs.push(start === 0 ? { ...wholeSite(archive), events } : { ...NOTHING, events });
  }
  return runs;
}

const NOTHING: RenderPlan = { events: [], days: [], months: [], years: [], topics: [], singles: false };
