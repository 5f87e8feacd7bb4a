// The home page's pick for a day, as Wikipedia's main page chooses its "On
// this day": five at most, the editors' featured entries first, then round
// anniversaries and a spread of kinds and topics. The same
// for the same build date, so that a rebuild shows the same page
// (README: "The front page").
import type { Kind } from "../content/schema.ts";
import { stableHash } from "../util/stable-hash.ts";
import type { Archive, ArchiveEvent, Day } from "./archive.ts";

/** Wikipedia's main page shows about five. */
export const FRONT_PAGE_SIZE = 5;

/** What the pick reads of an event. */
export interface PickCandidate {
  readonly slug: string;
  readonly kind: Kind;
  readonly topics: readonly string[];
  /** Its year, astronomical (44 BC is -43), as dates.ts keeps it. */
  readonly date: { readonly year: number };
  readonly featured?: true;
}

/** Whole years from an event's year to `year`; astronomical years count across 1 BC to AD 1 without a year zero. */
export function yearsAgo(eventYear: number, year: number): number {
  return year - eventYear;
}

/** Multiples of 25, and under 100 years also multiples of 10: Wikipedia's rule for its main page. */
export function isRoundAnniversary(years: number): boolean {
  return years > 0 && (years % 25 === 0 || (years < 100 && years % 10 === 0));
}

/**
 * The day's pick for a build date ("2026-06-12"): FRONT_PAGE_SIZE events (or
 * all of a quieter day), chosen one at a time, each time the one that is
 * (1) featured, then (2) a round anniversary in the build's year, then (3) of
 * a kind not yet picked, then (4) with the most topics not yet picked, then
 * (5) first in an order shuffled by the build date. Featured entries are
 * shown first, the others after them, each group in the day's order.
 */
export function frontPagePick<Event extends PickCandidate>(events: readonly Event[], buildDate: string): Event[] {
  const year = Number.parseInt(buildDate, 10);
  const kinds = new Set<Kind>();
  const topics = new Set<string>();
  const rest = new Set(events);
  const chosen = new Set<Event>();
  const score = (e: Event): readonly number[] => [
    e.featured ? 1 : 0,
    isRoundAnniversary(yearsAgo(e.date.year, year)) ? 1 : 0,
    kinds.has(e.kind) ? 0 : 1,
    new Set(e.topics.filter((t) => !topics.has(t))).size,
    // A stable order for the build date, so that ties fall the same way on every build of it.
    -stableHash(`${buildDate} ${e.slug}`),
  ];
  while (chosen.size < FRONT_PAGE_SIZE && rest.size) {
    let best: Event | undefined;
    let bestScore: readonly number[] = [];
    for (const e of rest) {
      const s = score(e);
      if (!best || isGreater(s, bestScore)) [best, bestScore] = [e, s];
    }
    rest.delete(best!);
    chosen.add(best!);
    kinds.add(best!.kind);
    for (const t of best!.topics) topics.add(t);
  }
  const picked = events.filter((e) => chosen.has(e));
  return [...picked.filter((e) => e.featured), ...picked.filter((e) => !e.featured)];
}

function isGreater(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((n, at) => n !== b[at]);
  return i >= 0 && a[i]! > b[i]!;
}

/** A day's pick from the archive, for its build date: what the home page, /today.xml and the feed's `selected` show. */
export function dayPick(day: Day, archive: Pick<Archive, "bySlug" | "buildDate">): ArchiveEvent[] {
  const events = new Set(day.sections.flatMap((s) => s.events.map((e) => archive.bySlug.get(e.slug)!)));
  return frontPagePick([...events], archive.buildDate);
}
