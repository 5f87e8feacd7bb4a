// Historical dates as plain integers. A JavaScript Date is never used for an
// event's date: it shifts days across time zones and cannot spell year 79 or
// 44 BC reliably. Years are ISO 8601 astronomical years (0 is 1 BC, -43 is 44 BC).

export interface HistoricalDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "June" → "june": the month's URL segment. */
export function monthSlug(month: number): string {
  return monthName(month).toLowerCase();
}

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`month out of range: ${month}`);
  return name;
}

/**
 * Leap years follow the calendar the sources use: the Julian rule before the
 * Gregorian reform of 1582, the Gregorian rule from then on (Wikipedia's
 * convention, and the one CONTRIBUTING.md asks editors to follow).
 */
export function isLeapYear(year: number): boolean {
  if (year < 1582) return mod(year, 4) === 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The most days a month can have in any year (February: 29). */
export function maxDaysInMonth(month: number): number {
  return month === 2 ? 29 : daysInMonth(2000, month);
}

export type DateParseResult = { ok: true; date: HistoricalDate } | { ok: false; problem: string; fix: string };

const ISO_DATE = /^(-?)(\d{4})-(\d{2})-(\d{2})$/;
const FORMAT_FIX =
  "write it as YYYY-MM-DD, e.g. 2018-06-12; years before 1000 keep four digits (0079-08-24); BCE years use ISO's astronomical numbering with a minus sign (-0043-03-15 is 15 March 44 BC)";

export function parseHistoricalDate(text: string): DateParseResult {
  const match = ISO_DATE.exec(text.trim());
  if (!match) {
    return { ok: false, problem: `"${text}" is not a date in YYYY-MM-DD form`, fix: FORMAT_FIX };
  }
  const [, sign, y, m, d] = match as unknown as [string, string, string, string, string];
  const year = Number(y) * (sign ? -1 : 1);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) {
    return { ok: false, problem: `"${text}" has month ${m}, which does not exist`, fix: "the month must be 01 to 12" };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const why =
      month === 2 && day === 29 ? `${yearLabel(year)} was not a leap year` : `${monthName(month)} has ${last} days`;
    return {
      ok: false,
      problem: `"${text}" is not a real day: ${why}`,
      fix: `check the source; the day must be 01 to ${pad2(last)}`,
    };
  }
  return { ok: true, date: { year, month, day } };
}

/**
 * Between the astronomical year (0, -43) and the year BC as readers count it
 * (1 BC, 44 BC): there is no year 0 in that count. The rule is its own inverse.
 */
export function bcYear(year: number): number {
  return 1 - year;
}

/** "2018", "AD 79", "44 BC". */
export function yearLabel(year: number): string {
  if (year <= 0) return `${bcYear(year)} BC`;
  if (year < 1000) return `AD ${year}`;
  return String(year);
}

/** "12 June 2018", "24 August AD 79", "15 March 44 BC". */
export function dateInWords(date: HistoricalDate): string {
  return `${date.day} ${monthName(date.month)} ${yearLabel(date.year)}`;
}

/** "June 12": the heading of a day page. */
export function monthDayLabel(month: number, day: number): string {
  return `${monthName(month)} ${day}`;
}

/** "06-12": the key a day page is grouped under. */
export function monthDayKey(month: number, day: number): string {
  return `${pad2(month)}-${pad2(day)}`;
}

/** ISO 8601 as the editor writes it: "2018-06-12", "-0043-03-15". */
export function isoDate(date: HistoricalDate): string {
  const sign = date.year < 0 ? "-" : "";
  return `${sign}${String(Math.abs(date.year)).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Orders dates in time: BCE first. */
export function compareDates(a: HistoricalDate, b: HistoricalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** "06": months and days in two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
