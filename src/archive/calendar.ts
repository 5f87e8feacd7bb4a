// The 366 days of the calendar year and the 12 months, as links. Keys come
// from a leap year so that 29 February always has a page.
import { maxDaysInMonth, monthDayKey, monthDayLabel, monthName, monthSlug } from "../content/dates.ts";

export interface DayLink {
  /** "06-12" */
  readonly key: string;
  readonly month: number;
  readonly day: number;
  /** "June 12" */
  readonly label: string;
  /** "/june/12/" */
  readonly url: string;
}

export interface MonthLink {
  readonly number: number;
  readonly name: string;
  /** "/june/" */
  readonly url: string;
}

export function dayLink(month: number, day: number): DayLink {
  return {
    key: monthDayKey(month, day),
    month,
    day,
    label: monthDayLabel(month, day),
    url: `/${monthSlug(month)}/${day}/`,
  };
}

export function monthLink(month: number): MonthLink {
  return { number: month, name: monthName(month), url: `/${monthSlug(month)}/` };
}

/** All 366 days in calendar order, 1 January to 31 December. */
export const CALENDAR_DAYS: readonly DayLink[] = Array.from({ length: 12 }, (_, m) =>
  Array.from({ length: maxDaysInMonth(m + 1) }, (_, d) => dayLink(m + 1, d + 1)),
).flat();

export const CALENDAR_MONTHS: readonly MonthLink[] = Array.from({ length: 12 }, (_, m) => monthLink(m + 1));

/** The neighbours of a day in the calendar year; 31 December wraps to 1 January. */
export function adjacentDays(index: number): { previous: DayLink; next: DayLink } {
  const n = CALENDAR_DAYS.length;
  return { previous: CALENDAR_DAYS[(index - 1 + n) % n]!, next: CALENDAR_DAYS[(index + 1) % n]! };
}
