// Historical dates as plain integers. A JavaScript Date is never used for an
// event's date: it shifts days across time zones and cannot spell year 79 or
// 44 BC reliably. Years are ISO 8601 astronomical years (0 is 1 BC, -43 is 44 BC).
//
// An entry's date (EventDate) is the date as written, in EDTF (levels 0 and 1,
// parsed by the `edtf` package), in the calendar its source uses. Every page,
// feed and file that shows or places a date asks this module.
import { parse as parseEdtf } from "edtf";

export interface HistoricalDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export type Calendar = "julian" | "gregorian";
export const CALENDARS = ["julian", "gregorian"] as const;
export type Precision = "day" | "month" | "year";

/**
 * An entry's date. year/month/day is its first day as written, in its
 * calendar (month and day are 1 where the precision leaves them unknown).
 * Only what differs from a plain day is present, so that a plain date is
 * still just {year, month, day}.
 */
export interface EventDate extends HistoricalDate {
  /** Absent: the day is known. */
  readonly precision?: "month" | "year";
  /** EDTF `?`: the source is unsure. */
  readonly uncertain?: true;
  /** EDTF `~`: about then ("c."). */
  readonly approximate?: true;
  /** Present only when it is not the date's default calendar: an Old Style date after the reform, a proleptic Gregorian one before it. */
  readonly calendar?: Calendar;
  /** An interval's last day (or month, or year), in the same calendar and precision. */
  readonly end?: HistoricalDate;
}

/** The first day of the Gregorian calendar: dates before it are Julian unless the entry says otherwise. */
export const GREGORIAN_REFORM: HistoricalDate = { year: 1582, month: 10, day: 15 };

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
  return monthLength(month, isLeapYear(year));
}

export function isLeapYearIn(year: number, calendar: Calendar): boolean {
  if (calendar === "julian") return mod(year, 4) === 0;
  return mod(year, 4) === 0 && (mod(year, 100) !== 0 || mod(year, 400) === 0);
}

export function daysInMonthIn(year: number, month: number, calendar: Calendar): number {
  return monthLength(month, isLeapYearIn(year, calendar));
}

function monthLength(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The calendar a date is read in when its entry names none: Julian before 15 October 1582. */
export function defaultCalendar(date: HistoricalDate): Calendar {
  return compareDates(date, GREGORIAN_REFORM) < 0 ? "julian" : "gregorian";
}

export function calendarOf(date: EventDate): Calendar {
  return date.calendar ?? defaultCalendar(date);
}

export function precisionOf(date: EventDate): Precision {
  return date.precision ?? "day";
}

// Julian Day Numbers (days since 1 January 4713 BC, Julian): the one count
// both calendars map to. Fliegel and Van Flandern's arithmetic, with floor
// division so that it holds for every year, BCE included.

export function toJulianDayNumber(date: HistoricalDate, calendar: Calendar): number {
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  const days = date.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4);
  if (calendar === "julian") return days - 32083;
  return days - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export function fromJulianDayNumber(jdn: number, calendar: Calendar): HistoricalDate {
  let c: number;
  let centuries = 0;
  if (calendar === "julian") c = jdn + 32082;
  else {
    const a = jdn + 32044;
    centuries = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((146097 * centuries) / 4);
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: 100 * centuries + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

/** The same day in the other calendar: 4 October 1582 (Julian) is 15 October 1582 (Gregorian). */
export function convertDate(date: HistoricalDate, from: Calendar, to: Calendar): HistoricalDate {
  return from === to ? date : fromJulianDayNumber(toJulianDayNumber(date, from), to);
}

/** The most days a month can have in any year (February: 29). */
export function maxDaysInMonth(month: number): number {
  return month === 2 ? 29 : daysInMonth(2000, month);
}

export type DateParseResult = { ok: true; date: HistoricalDate } | { ok: false; problem: string; fix: string };

const ISO_DATE = /^(-?)(\d{4})-(\d{2})-(\d{2})$/;
const FORMAT_FIX =
  "write it as YYYY-MM-DD, e.g. 2018-06-12; years before 1000 keep four digits (0079-08-24); BCE years use ISO's astronomical numbering with a minus sign (-0043-03-15 is 15 March 44 BC)";

/** A YYYY-MM-DD day that exists in `calendar` (by default, the date's default calendar, as always). */
export function parseHistoricalDate(text: string, calendar?: Calendar): DateParseResult {
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
  const date = { year, month, day };
  const last = daysInMonthIn(year, month, calendar ?? defaultCalendar(date));
  if (day < 1 || day > last) return notARealDay(text, date, defaultCalendar(date));
  return { ok: true, date };
}

export type EventDateResult = { ok: true; date: EventDate } | { ok: false; problem: string; fix: string };

const EDTF_FIX =
  "write a day (1969-07-20), a month (1757-06) or a year (1757); add ? if the source is unsure (1757-06-12?) or ~ if it is approximate (1500-05-01~); write a span as first/last day (1863-07-01/1863-07-03)";

/** What `edtf`'s parser gives: months count from 0. */
interface EdtfValue {
  readonly type: string;
  readonly level: number;
  readonly values: readonly (number | EdtfValue | null)[];
  readonly uncertain?: boolean | number;
  readonly approximate?: boolean | number;
  readonly unspecified?: number;
  readonly offset?: number;
}

/**
 * An entry's `date`: EDTF levels 0 and 1 as far as entries use them (a day,
 * a month, a year, `?`, `~`, `%`, an interval of two of the same precision).
 * Each day is checked to exist in some calendar (Julian, which has every leap
 * day the Gregorian has); withCalendar checks it in the entry's own.
 */
export function parseEventDate(text: string): EventDateResult {
  const written = text.trim();
  if (ISO_DATE.test(written)) {
    const parsed = parseHistoricalDate(text, "julian");
    return parsed.ok ? { ok: true, date: parsed.date } : parsed;
  }
  let value: EdtfValue;
  try {
    value = parseEdtf(written) as EdtfValue;
  } catch {
    // Without EDTF's marks it was meant as a plain day: say what a day looks like.
    if (!/[?~%/]/.test(written)) return parseHistoricalDate(text);
    return { ok: false, problem: `"${text}" is not a date`, fix: EDTF_FIX };
  }
  if (value.level > 1) {
    return {
      ok: false,
      problem: `"${text}" is EDTF level 2 (sets, lists or partial qualifiers), which entries do not support`,
      fix: EDTF_FIX,
    };
  }
  const ends = value.type === "Interval" ? value.values : [value];
  const parts: HistoricalDateOf[] = [];
  for (const end of ends) {
    const part = typeof end === "object" && end ? edtfPart(end) : undefined;
    if (!part) return { ok: false, problem: `"${text}" uses an EDTF form entries do not support`, fix: EDTF_FIX };
    const last = daysInMonthIn(part.date.year, part.date.month, "julian");
    if (part.date.day > last) return notARealDay(text, part.date, defaultCalendar(part.date));
    parts.push(part);
  }
  const [first, second] = parts as [HistoricalDateOf, HistoricalDateOf | undefined];
  if (second && second.precision !== first.precision) {
    return {
      ok: false,
      problem: `"${text}" gives its first and last dates to different precisions`,
      fix: "write both as days (1863-07-01/1863-07-03), both as months or both as years",
    };
  }
  if (second && compareDates(second.date, first.date) <= 0) {
    return {
      ok: false,
      problem: `"${text}" ends before it starts (or on the same day)`,
      fix: "write the first day, a slash, then the last day, e.g. 1863-07-01/1863-07-03",
    };
  }
  const flags = second ? [first, second] : [first];
  return {
    ok: true,
    date: {
      ...first.date,
      ...(first.precision !== "day" && { precision: first.precision }),
      ...(flags.some((f) => f.uncertain) && { uncertain: true }),
      ...(flags.some((f) => f.approximate) && { approximate: true }),
      ...(second && { end: second.date }),
    },
  };
}

interface HistoricalDateOf {
  readonly date: HistoricalDate;
  readonly precision: Precision;
  readonly uncertain: boolean;
  readonly approximate: boolean;
}

/** One EDTF date of day, month or year precision; undefined for seasons, times, unspecified digits and long years. */
function edtfPart(value: EdtfValue): HistoricalDateOf | undefined {
  if (value.type !== "Date" || value.unspecified || value.offset !== undefined) return undefined;
  const [year, month, day] = value.values as number[];
  if (year === undefined || value.values.length > 3) return undefined;
  const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  return {
    date: { year, month: (month ?? 0) + 1, day: day ?? 1 },
    precision,
    uncertain: value.uncertain === true,
    approximate: value.approximate === true,
  };
}

/**
 * The date read in the calendar its entry names (or the default one): each
 * day must exist there, 29 February 1700 only in the Julian calendar. The
 * calendar is kept only when it is not the date's default.
 */
export function withCalendar(date: EventDate, calendar: Calendar | undefined): EventDateResult {
  const used = calendar ?? defaultCalendar(date);
  if (precisionOf(date) === "day") {
    for (const day of date.end ? [date, date.end] : [date]) {
      if (day.day > daysInMonthIn(day.year, day.month, used)) {
        const problem = notARealDay(isoDate(day), day, used);
        const oldStyle = calendar
          ? ""
          : "; if the source gives an Old Style (Julian) date, add the line calendar: julian";
        return { ok: false, problem: problem.problem, fix: `${problem.fix}${oldStyle}` };
      }
    }
  }
  const { calendar: _, ...rest } = date;
  return { ok: true, date: used === defaultCalendar(date) ? rest : { ...rest, calendar: used } };
}

function notARealDay(
  text: string,
  date: HistoricalDate,
  calendar: Calendar,
): { ok: false; problem: string; fix: string } {
  const last = daysInMonthIn(date.year, date.month, calendar);
  const why =
    date.month === 2 && date.day === 29
      ? `${yearLabel(date.year)} was not a leap year`
      : `${monthName(date.month)} has ${last} days`;
  const where =
    calendar === defaultCalendar(date) ? "" : ` in the ${calendar === "julian" ? "Julian" : "Gregorian"} calendar`;
  return {
    ok: false,
    problem: `"${text}" is not a real day${where}: ${why}`,
    fix: `check the source; the day must be 01 to ${pad2(last)}`,
  };
}

/** How a day of a non-default calendar is labelled beside its other-calendar day. */
export type CalendarStyle = "O.S." | "N.S.";

export function styleOf(calendar: Calendar): CalendarStyle {
  return calendar === "julian" ? "O.S." : "N.S.";
}

/** A day page an event is listed on, labelled when the event has a day in each calendar. */
export interface ListedDay {
  readonly month: number;
  readonly day: number;
  readonly style?: CalendarStyle;
}

/**
 * The day pages an event is listed on: none without a known day; an
 * interval's first day; an entry in a non-default calendar (Old Style after
 * 1582, proleptic Gregorian before) on its day in each calendar.
 */
export function listedDays(date: EventDate): ListedDay[] {
  if (date.precision) return [];
  const other = otherCalendarDay(date);
  if (!other || (other.date.month === date.month && other.date.day === date.day)) {
    return [{ month: date.month, day: date.day }];
  }
  return [
    { month: date.month, day: date.day, style: styleOf(calendarOf(date)) },
    { month: other.date.month, day: other.date.day, style: styleOf(other.calendar) },
  ];
}

/** For a date in a non-default calendar, its first day in the other one. */
export function otherCalendarDay(date: EventDate): { date: HistoricalDate; calendar: Calendar } | undefined {
  if (!date.calendar) return undefined;
  const other = date.calendar === "julian" ? "gregorian" : "julian";
  return { date: convertDate(firstDay(date), date.calendar, other), calendar: other };
}

/** The first day as written (month and day 1 where unknown), without the date's other fields. */
export function firstDay(date: HistoricalDate): HistoricalDate {
  return { year: date.year, month: date.month, day: date.day };
}

/**
 * The one day that stands for the event where an output needs a single day
 * (calendar subscription, feeds): its first day, an Old Style date's New
 * Style day. Default-calendar dates keep the day as written, as always.
 */
export function standardDay(date: EventDate): HistoricalDate {
  return date.calendar === "julian" ? convertDate(firstDay(date), "julian", "gregorian") : firstDay(date);
}

/** A date as every entry had one before EDTF: one exact day in its default calendar. */
export function isPlainDay(date: EventDate): boolean {
  return !date.precision && !date.calendar && !date.end && !date.uncertain && !date.approximate;
}

/**
 * The date's first and last day as outputs that take one calendar read them
 * (schema.org, iCalendar): an Old Style date in New Style, the others as
 * written. Month and year precision keep day (and month) 1.
 */
export function standardSpan(date: EventDate): { start: HistoricalDate; end?: HistoricalDate } {
  const end = date.end && (date.calendar === "julian" ? convertDate(date.end, "julian", "gregorian") : date.end);
  return { start: standardDay(date), ...(end && { end }) };
}

/** ISO 8601 to the precision known: "1757", "1757-06", "1757-06-12", "-0043". */
export function isoToPrecision(date: HistoricalDate, precision: Precision): string {
  const iso = isoDate(date);
  return precision === "year" ? iso.slice(0, -6) : precision === "month" ? iso.slice(0, -3) : iso;
}

/** Orders event dates in time, whatever calendar each is written in: by the Julian Day Number of the first day. */
export function compareEventDates(a: EventDate, b: EventDate): number {
  return toJulianDayNumber(a, calendarOf(a)) - toJulianDayNumber(b, calendarOf(b));
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

/** The date as an entry's front-matter writes it: "1969-07-20", "1757-06-12?", "1500~", "1863-07-01/1863-07-03". */
export function edtfText(date: EventDate): string {
  const written = (day: HistoricalDate) => isoToPrecision(day, precisionOf(date));
  const mark = date.uncertain && date.approximate ? "%" : date.uncertain ? "?" : date.approximate ? "~" : "";
  // A qualifier covers both ends of a span: an interval marks each.
  return date.end ? `${written(date)}${mark}/${written(date.end)}${mark}` : `${written(date)}${mark}`;
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
