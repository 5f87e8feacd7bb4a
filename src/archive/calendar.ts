// The 366 days of the calendar year and the 12 months, as links, in the
// site's language: their labels and their addresses ("/june/12/",
// "/juin/12/"). Keys come from a leap year so that 29 February always has a page.
import { maxDaysInMonth, monthDayKey } from "../content/dates.ts";
import { type CalendarWords, calendarWords } from "../i18n/calendar-words.ts";
import { messagesFor } from "../i18n/messages.ts";

export interface DayLink {
  /** "06-12" */
  readonly key: string;
  readonly month: number;
  readonly day: number;
  /** "June 12", "12 juin" */
  readonly label: string;
  /** "/june/12/", "/juin/12/" */
  readonly url: string;
}

export interface MonthLink {
  readonly number: number;
  /** "June", "juin" */
  readonly name: string;
  /** "/june/", "/juin/" */
  readonly url: string;
}

export interface CalendarLinks {
  /** All 366 days in calendar order, 1 January to 31 December. */
  readonly days: readonly DayLink[];
  readonly months: readonly MonthLink[];
}

export function dayLink(month: number, day: number, words: CalendarWords): DayLink {
  return {
    key: monthDayKey(month, day),
    month,
    day,
    label: words.dayLabel(month, day),
    url: `/${words.monthSlug(month)}/${day}/`,
  };
}

export function monthLink(month: number, words: CalendarWords): MonthLink {
  return { number: month, name: words.monthName(month), url: `/${words.monthSlug(month)}/` };
}

const made = new WeakMap<CalendarWords, CalendarLinks>();

/** The days and months in one language, made once. */
export function calendarLinks(words: CalendarWords): CalendarLinks {
  let links = made.get(words);
  if (!links) {
    const days = Array.from({ length: 12 }, (_, m) =>
      Array.from({ length: maxDaysInMonth(m + 1) }, (_, d) => dayLink(m + 1, d + 1, words)),
    ).flat();
    const months = Array.from({ length: 12 }, (_, m) => monthLink(m + 1, words));
    made.set(words, (links = { days, months }));
  }
  return links;
}

/** The English site's days and months ("/june/12/"). */
const ENGLISH = calendarLinks(calendarWords(messagesFor("en")));
export const CALENDAR_DAYS: readonly DayLink[] = ENGLISH.days;
export const CALENDAR_MONTHS: readonly MonthLink[] = ENGLISH.months;

/** The neighbours of a day in the calendar year; 31 December wraps to 1 January. */
export function adjacentDays(days: readonly DayLink[], index: number): { previous: DayLink; next: DayLink } {
  const n = days.length;
  return { previous: days[(index - 1 + n) % n]!, next: days[(index + 1) % n]! };
}
