// The days a reader may be on while the home page built for one date is
// served: the deploy workflow rebuilds it every day just after midnight UTC,
// and clocks run from UTC−12 to UTC+14, so a reader's own date is the build
// date, the day before or the day after. The home page keeps room for the
// largest of their picks, so that today.js's swap moves nothing below it.
import { daysInMonth, monthDayKey } from "../content/dates.ts";
import type { Archive } from "./archive.ts";
import { dayPick } from "./front-page-pick.ts";

/** "2026-03-01" → ["02-28", "03-01", "03-02"]: the month-days of the build date and its two neighbours, in its year. */
export function readerDayKeys(buildDate: string): string[] {
  const [year, month, day] = buildDate.split("-").map(Number) as [number, number, number];
  return [-1, 0, 1].map((offset) => {
    const date = new Date(Date.UTC(2000, 0, 1));
    date.setUTCFullYear(year, month - 1, day + offset);
    return monthDayKey(date.getUTCMonth() + 1, date.getUTCDate());
  });
}

export interface TodayRoom {
  /** Rows of the pick to keep room for: at least one, for the sentence of an empty day. */
  readonly rows: number;
  /** Whether a reader may be on 28 February of a common year, whose page adds a note on 29 February. */
  readonly leapDayNote: boolean;
}

export function todayRoom(archive: Pick<Archive, "byDay" | "bySlug" | "buildDate">): TodayRoom {
  const keys = readerDayKeys(archive.buildDate);
  const year = Number.parseInt(archive.buildDate, 10);
  return {
    rows: Math.max(1, ...keys.map((key) => dayPick(archive.byDay.get(key)!, archive).length)),
    leapDayNote: keys.includes("02-28") && daysInMonth(year, 2) === 28,
  };
}
