// A busy day's sections split by era, as Wikipedia's date pages split theirs:
// up to 1600, 1601–1900, 1901 to the present. A day page of 300 entries is
// then three lists a reader can jump between, not one scroll of 300.
import type { EventLink } from "./event-link.ts";

/** A day with more entries than this is split by era (Wikipedia's pages split at about this size). */
export const BUSY_DAY = 25;

export const ERAS = [
  { id: "to-1600", last: 1600 },
  { id: "1601-1900", last: 1900 },
  { id: "from-1901", last: Number.POSITIVE_INFINITY },
] as const;

export type EraId = (typeof ERAS)[number]["id"];

export interface EraGroup {
  readonly id: EraId;
  /** The message key of its heading: "era.to-1600". */
  readonly key: `era.${EraId}`;
  readonly events: readonly EventLink[];
}

/** The era of a year as the event's date gives it (astronomical: 44 BC is -43, which is before 1601 either way). */
export function eraOf(year: number): EraId {
  return ERAS.find((era) => year <= era.last)!.id;
}

/**
 * One section's events by era, in era order and in their own order within
 * each; eras without events are left out. Undefined, and so one plain list,
 * when the day is not busy or the section has events of one era only: a
 * single heading would only repeat the section's.
 */
export function eraGroups(events: readonly EventLink[], dayCount: number): EraGroup[] | undefined {
  if (dayCount <= BUSY_DAY) return undefined;
  const byEra = Map.groupBy(events, (e) => eraOf(e.date.year));
  if (byEra.size < 2) return undefined;
  return ERAS.filter((era) => byEra.has(era.id)).map((era) => ({
    id: era.id,
    key: `era.${era.id}` as const,
    events: byEra.get(era.id)!,
  }));
}
