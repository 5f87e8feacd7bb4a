// Historical dates as plain integers. A JavaScript Date is never used for an
// event's date: it shifts days across time zones and cannot spell year 79 or
// 44 BC reliably. Years are ISO 8601 astronomical years (0 is 1 BC, -43 is 44 BC).
//
// An entry's date (EventDate) is the date as written, in EDTF (levels 0 and 1,
// parsed by the `edtf` package), in the calendar its source uses. Every page,
// feed and file that shows or places a date asks this module.
import { parse as parseEdtf } from "edtf";
import { calendarWords } from "../i18n/calendar-words.ts";
import { messagesFor } from "../i18n/messages.ts";

export interface HistoricalDate {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
}

export type Calendar = "julian" | "gregorian";
export const CALENDARS = ["julian", "gregorian"] as const;
/**
 * How much of a date is known: a season is EDTF's 21–24 (spring to winter);
 * a decade and a century are years with unspecified digits (156X, 18XX).
 */
export const PRECISIONS = ["day", "month", "season", "year", "decade", "century"] as const;
export type Precision = (typeof PRECISIONS)[number];
/** An interval's end that is no date: EDTF's ".." (open: from the beginning, or still going) or nothing (unknown). */
export type IntervalSide = "open" | "unknown";

/**
 * An entry's date. year/month/day is its first day as written, in its
 * calendar (month and day are 1 where the precision leaves them unknown).
 * Only what differs from a plain day is present, so that a plain date is
 * still just {year, month, day}.
 */
export interface EventDate extends HistoricalDate {
  /** Absent: the day is known. A season's month is its first (3, 6, 9, 12); a decade's or century's year its first (1560, 1800). */
  readonly precision?: Exclude<Precision, "day">;
  /** Written with X for the unknown digits of a month or a day ("1863-XX", "1863-07-XX"): otherwise a year or a month like any. */
  readonly unspecified?: true;
  /** EDTF `?`: the source is unsure. */
  readonly uncertain?: true;
  /** EDTF `~`: about then ("c."). */
  readonly approximate?: true;
  /** Present only when it is not the date's default calendar: an Old Style date after the reform, a proleptic Gregorian one before it. */
  readonly calendar?: Calendar;
  /** An interval's last day (or month, or year), in the same calendar. */
  readonly end?: HistoricalDate;
  /** Present when an interval's last date is known to another precision than its first ("1863-07/1863-08-02"). */
  readonly endPrecision?: Precision;
  /** An interval whose first end is open or unknown ("../1863-07-03", "/1863-07-03"): year, month and day are its last. */
  readonly openStart?: IntervalSide;
  /** An interval whose last end is open or unknown ("1863-07-01/..", "1863-07-01/"). */
  readonly openEnd?: IntervalSide;
}

/** EDTF's seasons 21–24 (spring, summer, autumn, winter, the northern hemisphere's) and the month each is ordered by. */
export const SEASON_MONTHS: Readonly<Record<number, number>> = { 21: 3, 22: 6, 23: 9, 24: 12 };

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

// The English words below are the English catalogue's (src/i18n/calendar-words.ts), for the
// command line and the checks; the site's pages take them in the site's language from the archive.
const ENGLISH = calendarWords(messagesFor("en"));

/** "June" → "june": the month's URL segment. */
export function monthSlug(month: number): string {
  return ENGLISH.monthSlug(month);
}

export function monthName(month: number): string {
  return ENGLISH.monthName(month);
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
  "write a day (1969-07-20), a month (1757-06), a season (1863-21 is spring 1863, 22 summer, 23 autumn, 24 winter), a year (1757) or a decade or century (156X, 18XX); add ? if the source is unsure (1757-06-12?) or ~ if it is approximate (1500-05-01~); write a span as first/last (1863-07-01/1863-07-03), with .. for an open end (1863-07-01/..) or nothing for an unknown one (1863-07-01/)";

/** What `edtf`'s parser gives: months count from 0; an interval's open end is Infinity, an unknown one null. */
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
 * An entry's `date`: EDTF levels 0 and 1 (a day, a month, a season, a year,
 * X for unknown digits, `?`, `~`, `%`, an interval whose ends may differ in
 * precision or be open or unknown), parsed by `edtf`. Each day is checked to
 * exist in some calendar (Julian, which has every leap day the Gregorian
 * has); withCalendar checks it in the entry's own.
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
    if (/^-?\d{4}-2[1-4][?~%]$/.test(written))
      return unsupported(text, "marks a season ? or ~, which EDTF level 1 does not");
    // Without EDTF's marks it was meant as a plain day: say what a day looks like.
    if (!/[?~%/X]/.test(written)) return parseHistoricalDate(text);
    return unsupported(text, "is not a date EDTF level 1 writes");
  }
  if (value.type === "Set" || value.type === "List") {
    return unsupported(text, "is EDTF level 2 (a set or list of dates, […] or {…}), which entries do not support");
  }
  if (value.level > 1) {
    return unsupported(
      text,
      "is EDTF level 2 (unknown digits inside a span or before the last ones, seasons other than 21–24, or a mark on part of a date), which entries do not support",
    );
  }
  const ends = value.type === "Interval" ? value.values : [value];
  const parts: (HistoricalDateOf | IntervalSide)[] = [];
  for (const end of ends) {
    if (end === null || end === Number.POSITIVE_INFINITY) {
      parts.push(end === null ? "unknown" : "open");
      continue;
    }
    const part = typeof end === "object" ? edtfPart(end) : "is not a date";
    if (typeof part === "string") return unsupported(text, part);
    if (part.unspecified && ends.length > 1) return unsupported(text, "has unknown digits (X) in a span");
    const last = daysInMonthIn(part.date.year, part.date.month, "julian");
    if (part.date.day > last) return notARealDay(text, part.date, defaultCalendar(part.date));
    parts.push(part);
  }
  const known = parts.filter((p): p is HistoricalDateOf => typeof p === "object");
  const [first, second] = known as [HistoricalDateOf | undefined, HistoricalDateOf | undefined];
  if (!first) return unsupported(text, "has no known end");
  if (second && compareDates(lastDayOf(second), first.date) <= 0) {
    return {
      ok: false,
      problem: `"${text}" ends before it starts (or on the same day)`,
      fix: "write the first day, a slash, then the last day, e.g. 1863-07-01/1863-07-03",
    };
  }
  const [startSide, endSide] = parts.map((p) => (typeof p === "string" ? p : undefined));
  return {
    ok: true,
    date: {
      ...first.date,
      ...(first.precision !== "day" && { precision: first.precision }),
      ...(first.unspecified && { unspecified: true }),
      ...(known.some((f) => f.uncertain) && { uncertain: true }),
      ...(known.some((f) => f.approximate) && { approximate: true }),
      ...(second && { end: second.date }),
      ...(second && second.precision !== first.precision && { endPrecision: second.precision }),
      ...(startSide && { openStart: startSide }),
      ...(endSide && { openEnd: endSide }),
    },
  };
}

function unsupported(text: string, what: string): { ok: false; problem: string; fix: string } {
  return { ok: false, problem: `"${text}" ${what}`, fix: EDTF_FIX };
}

interface HistoricalDateOf {
  readonly date: HistoricalDate;
  readonly precision: Precision;
  readonly unspecified: boolean;
  readonly uncertain: boolean;
  readonly approximate: boolean;
}

/** EDTF's unspecified digits as `edtf` flags them (a bit per digit of YYYYMMDD, from the left) → the precision they leave. */
const UNSPECIFIED: Readonly<Record<number, { precision: Precision; unspecified: boolean }>> = {
  8: { precision: "decade", unspecified: false }, // 156X
  12: { precision: "century", unspecified: false }, // 18XX
  48: { precision: "year", unspecified: true }, // 1863-XX
  240: { precision: "year", unspecified: true }, // 1863-XX-XX
  192: { precision: "month", unspecified: true }, // 1863-07-XX
};

/** One EDTF date (a day, month, season, year, decade or century), or what about it entries do not support. */
function edtfPart(value: EdtfValue): HistoricalDateOf | string {
  const flags = { uncertain: value.uncertain === true, approximate: value.approximate === true };
  if (value.type === "Season") {
    const [year, season] = value.values as [number, number];
    return { date: { year, month: SEASON_MONTHS[season]!, day: 1 }, precision: "season", unspecified: false, ...flags };
  }
  if (value.type === "Year") return "has a year of more than four digits (Y…), which entries do not support";
  if (value.type === "Century") return "is a century in ISO 8601's two digits, which entries do not support";
  if (value.type !== "Date" || value.offset !== undefined || value.values.length > 3) {
    return "has a time of day, which entries do not support";
  }
  const [year, month, day] = value.values as number[];
  if (year === undefined) return "is not a date";
  const digits = value.unspecified ? UNSPECIFIED[value.unspecified] : undefined;
  if (value.unspecified && !digits) return "has unknown digits (X) where entries do not take them";
  const precision = digits?.precision ?? (day !== undefined ? "day" : month !== undefined ? "month" : "year");
  const first = precision === "month" || precision === "day";
  return {
    date: { year, month: first ? (month ?? 0) + 1 : 1, day: precision === "day" ? (day ?? 1) : 1 },
    precision,
    unspecified: digits?.unspecified ?? false,
    ...flags,
  };
}

/**
 * The years a decade or century written with X covers, first to last: 156X
 * is 1560–1569, and -156X, counting back, -1569 to -1560 (1570–1561 BC).
 */
export function unspecifiedYears(year: number, precision: "decade" | "century"): { first: number; last: number } {
  const count = precision === "decade" ? 10 : 100;
  return year < 0 ? { first: year - count + 1, last: year } : { first: year, last: year + count - 1 };
}

/** A date's last day to the precision known (months as long as the Julian calendar makes them). */
function lastDayOf({ date, precision }: HistoricalDateOf): HistoricalDate {
  const endYear =
    precision === "decade" || precision === "century" ? unspecifiedYears(date.year, precision).last : date.year;
  if (precision === "day") return date;
  if (precision === "month") return { ...date, day: daysInMonthIn(date.year, date.month, "julian") };
  if (precision === "season") {
    const last = date.month + 2;
    return last > 12
      ? { year: date.year + 1, month: last - 12, day: 28 }
      : { year: date.year, month: last, day: daysInMonthIn(date.year, last, "julian") };
  }
  return { year: endYear, month: 12, day: 31 };
}

/**
 * The date read in the calendar its entry names (or the default one): each
 * day must exist there, 29 February 1700 only in the Julian calendar. The
 * calendar is kept only when it is not the date's default.
 */
export function withCalendar(date: EventDate, calendar: Calendar | undefined): EventDateResult {
  const used = calendar ?? defaultCalendar(date);
  const days = [
    ...(precisionOf(date) === "day" ? [firstDay(date)] : []),
    ...(date.end && (date.endPrecision ?? precisionOf(date)) === "day" ? [date.end] : []),
  ];
  for (const day of days) {
    if (day.day > daysInMonthIn(day.year, day.month, used)) {
      const problem = notARealDay(isoDate(day), day, used);
      const oldStyle = calendar
        ? ""
        : "; if the source gives an Old Style (Julian) date, add the line calendar: julian";
      return { ok: false, problem: problem.problem, fix: `${problem.fix}${oldStyle}` };
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

/**
 * The year whose century a date is filed under (search's century filter): a
 * decade's or century's last year, so that 18XX (1800–1899) is in the 19th
 * century with 99 of its years; any other date's year as written.
 */
export function centuryYear(date: EventDate): number {
  const precision = precisionOf(date);
  return precision === "decade" || precision === "century" ? unspecifiedYears(date.year, precision).last : date.year;
}

/** A date as every entry had one before EDTF: one exact day in its default calendar. */
export function isPlainDay(date: EventDate): boolean {
  return (
    !date.precision &&
    !date.calendar &&
    !date.end &&
    !date.openStart &&
    !date.openEnd &&
    !date.uncertain &&
    !date.approximate
  );
}

/**
 * The date's first and last day as iCalendar reads them: an Old Style date in
 * New Style, the others as written; the last only when it is a day. An
 * interval with an open or unknown end starts and ends on its known day.
 * Month and year precision keep day (and month) 1.
 */
export function standardSpan(date: EventDate): { start: HistoricalDate; end?: HistoricalDate } {
  const endIsDay = (date.endPrecision ?? precisionOf(date)) === "day";
  const end =
    date.end && endIsDay && (date.calendar === "julian" ? convertDate(date.end, "julian", "gregorian") : date.end);
  return { start: standardDay(date), ...(end && { end }) };
}

/**
 * schema.org's startDate and endDate: ISO 8601 to the precision known, an
 * Old Style date in New Style. An open or unknown end has none; the known
 * end of "../1863-07-03" is an endDate.
 */
export function isoSpan(date: EventDate): { startDate?: string; endDate?: string } {
  const precision = precisionOf(date);
  const known = precision === "day" ? standardDay(date) : firstDay(date);
  const end =
    date.end &&
    isoToPrecision(
      date.calendar === "julian" && (date.endPrecision ?? precision) === "day"
        ? convertDate(date.end, "julian", "gregorian")
        : date.end,
      date.endPrecision ?? precision,
    );
  if (date.openStart) return { endDate: isoToPrecision(known, precision) };
  return { startDate: isoToPrecision(known, precision), ...(end && { endDate: end }) };
}

/**
 * ISO 8601 to the precision known: "1757-06-12", "1757-06", "1757", "-0043";
 * a season as its year; a century as ISO 8601's two digits ("18" is
 * 1800–1899), and a decade, which ISO 8601 has no form for, as its century.
 */
export function isoToPrecision(date: HistoricalDate, precision: Precision): string {
  const iso = isoDate(date);
  if (precision === "day") return iso;
  if (precision === "month") return iso.slice(0, -3);
  if (precision === "decade" || precision === "century") return iso.slice(0, -8);
  return iso.slice(0, -6);
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
  return ENGLISH.yearLabel(year);
}

/** "12 June 2018", "24 August AD 79", "15 March 44 BC". */
export function dateInWords(date: HistoricalDate): string {
  return ENGLISH.dateInWords(date);
}

/** "June 12": the heading of a day page. */
export function monthDayLabel(month: number, day: number): string {
  return ENGLISH.dayLabel(month, day);
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

/**
 * The date as an entry's front-matter writes it: "1969-07-20", "1757-06-12?",
 * "1500~", "1863-21", "156X", "1863-07-XX", "1863-07-01/1863-07-03", "1863-07-01/..".
 */
export function edtfText(date: EventDate): string {
  const mark = date.uncertain && date.approximate ? "%" : date.uncertain ? "?" : date.approximate ? "~" : "";
  const known = `${edtfPartText(date, precisionOf(date), date.unspecified)}${mark}`;
  const side = (s: IntervalSide) => (s === "open" ? ".." : "");
  if (date.openStart) return `${side(date.openStart)}/${known}`;
  if (date.openEnd) return `${known}/${side(date.openEnd)}`;
  // A qualifier covers both ends of a span: an interval marks each.
  return date.end ? `${known}/${edtfPartText(date.end, date.endPrecision ?? precisionOf(date))}${mark}` : known;
}

function edtfPartText(date: HistoricalDate, precision: Precision, unspecified?: true): string {
  const iso = isoDate(date);
  const year = iso.slice(0, -6);
  if (precision === "season") {
    const season = Object.entries(SEASON_MONTHS).find(([, month]) => month === date.month)![0];
    return `${year}-${season}`;
  }
  if (precision === "decade") return `${year.slice(0, -1)}X`;
  if (precision === "century") return `${year.slice(0, -2)}XX`;
  const written = isoToPrecision(date, precision);
  return unspecified ? `${written}-XX` : written;
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
