// Dates as an editor types them for `npm run new`: ISO 8601, as the
// front-matter holds them (astronomical years: -0490 is 491 BC), or in words
// as historians write them ("12 September 490 BC", "24 August AD 79",
// "September 12, 490 BCE"), where there is no year 0 and BC counts back from 1.
import {
  bcYear,
  type Calendar,
  type DateParseResult,
  daysInMonth,
  daysInMonthIn,
  defaultCalendar,
  type EventDateResult,
  type HistoricalDate,
  MONTH_NAMES,
  monthName,
  parseEventDate,
  parseHistoricalDate,
  withCalendar,
  yearLabel,
} from "./dates.ts";

const ERA = String.raw`(a\.?\s?d\.?|c\.?\s?e\.?|b\.?\s?c\.?(?:\s?e\.?)?)`;
const YEAR = String.raw`(\d{1,5})`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTH = String.raw`(\p{L}+)\.?`;
/** The year with its era before or after it, or none: "490 BC", "AD 79", "1969". */
const YEAR_WITH_ERA = String.raw`(?:${ERA}\s+)?${YEAR}(?:\s*${ERA})?`;
/** "12 September 490 BC", "12th Sept. 490 BCE". */
const DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}\s+${MONTH},?\s+${YEAR_WITH_ERA}$`, "iu");
/** "September 12, 490 BC". */
const MONTH_DAY_YEAR = new RegExp(String.raw`^${MONTH}\s+${DAY},?\s+${YEAR_WITH_ERA}$`, "iu");

const WORDS_FIX =
  'write it in words, e.g. "12 September 490 BC", "24 August AD 79" or "20 July 1969", or as YYYY-MM-DD (ISO years count a year 0: -0489-09-12 is 12 September 490 BC)';

/** EDTF as the front-matter takes it: "1757", "1757-06", "1757-06-12?", "1863-21", "156X", "1863-07-01/1863-07-03", "../1865-04-09". */
const EDTF_TYPED = /^(?:(?:\.\.)?\/)?-?[\dX]{4}(?:-[\dX]{2}){0,2}[?~%]?(?:\/.*)?$/;
/** "c. 1 May 1500", "circa 490 BC" (words only: EDTF writes ~). */
const CIRCA = /^(?:c\.|ca\.|circa|about)\s*/i;

/**
 * `npm run new`'s --date with its --calendar: EDTF ("1757?", "1757-06",
 * "1863-07-01/1863-07-03"), or a day in words, which may start with "c." and
 * end with "?" ("c. 12 September 490 BC?").
 */
export function parseTypedEventDate(text: string, calendar?: Calendar): EventDateResult {
  const typed = text.trim().replace(/\s+/g, " ");
  if (EDTF_TYPED.test(typed) && !/^-?\d{4}-\d{2}-\d{2}$/.test(typed)) {
    const parsed = parseEventDate(typed);
    return parsed.ok ? withCalendar(parsed.date, calendar) : parsed;
  }
  const approximate = CIRCA.test(typed);
  const uncertain = typed.endsWith("?");
  const day = parseTypedDate(typed.replace(CIRCA, "").replace(/\?$/, ""), calendar);
  if (!day.ok) return day;
  const dated = withCalendar(day.date, calendar);
  if (!dated.ok) return dated;
  return {
    ok: true,
    date: { ...dated.date, ...(uncertain && { uncertain: true }), ...(approximate && { approximate: true }) },
  };
}

/** An ISO date (astronomical years), or a date in words with BC, BCE, AD or CE; a day of `calendar` when given. */
export function parseTypedDate(text: string, calendar?: Calendar): DateParseResult {
  const typed = text.trim().replace(/\s+/g, " ");
  if (/^-?\d{1,4}-/.test(typed)) return parseHistoricalDate(typed, calendar);
  const dmy = DAY_MONTH_YEAR.exec(typed);
  const mdy = dmy ? undefined : MONTH_DAY_YEAR.exec(typed);
  if (!dmy && !mdy) return { ok: false, problem: `"${text}" is not a date`, fix: WORDS_FIX };
  const [, first, second, eraBefore, digits, eraAfter] = (dmy ?? mdy) as unknown as string[];
  const [day, monthWord] = dmy ? [first!, second!] : [second!, first!];
  const month = monthNumber(monthWord);
  if (!month) {
    return {
      ok: false,
      problem: `"${text}": "${monthWord}" is not a month`,
      fix: "write the month's English name, e.g. September or Sept",
    };
  }
  if (eraBefore && eraAfter)
    return { ok: false, problem: `"${text}" has two eras`, fix: "write BC, BCE, AD or CE once" };
  const year = astronomicalYear(Number(digits), eraBefore ?? eraAfter);
  if (typeof year === "string") return { ok: false, problem: `"${text}" ${year}`, fix: WORDS_FIX };
  return realDay(text, { year, month, day: Number(day) }, calendar);
}

/**
 * For an ISO date before AD 1, what an editor who read its year as historians
 * do (-0490 as 490 BC) meant, and how to type it: shown beside the date `new` understood.
 */
export function isoYearNote(typed: string, date: HistoricalDate): string | undefined {
  const isoYear = /^\s*(-\d{4})-/.exec(typed)?.[1];
  if (!isoYear) return undefined;
  const note = `ISO years count a year 0, so ${isoYear} is ${yearLabel(date.year)}`;
  const meant = bcYear(date.year) - 1;
  // 29 February of a leap year BC is no day of the year after it.
  if (meant < 1 || date.day > daysInMonth(bcYear(meant), date.month)) return note;
  return `${note}; for ${meant} BC, type --date "${date.day} ${monthName(date.month)} ${meant} BC"`;
}

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  // "Sep", "Sept", "September": any start of the name, three letters at least.
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

/** BC and BCE count back from 1 BC (astronomical year 0); AD, CE or no era count forward. Or what is wrong. */
function astronomicalYear(year: number, era: string | undefined): number | string {
  if (year === 0) return "has the year 0, which historians do not count: 1 BC is followed by AD 1";
  const before = era !== undefined && /^b/i.test(era);
  if (before) return year > 10_000 ? "is earlier than 10000 BC, the earliest year an entry can have" : bcYear(year);
  return year > 9999 ? "is later than 9999, the latest year an entry can have" : year;
}

function realDay(text: string, date: HistoricalDate, calendar?: Calendar): DateParseResult {
  const last = daysInMonthIn(date.year, date.month, calendar ?? defaultCalendar(date));
  if (date.day >= 1 && date.day <= last) return { ok: true, date };
  const why =
    date.month === 2 && date.day === 29
      ? `${yearLabel(date.year)} was not a leap year`
      : `${monthName(date.month)} has ${last} days`;
  return {
    ok: false,
    problem: `"${text}" is not a real day: ${why}`,
    fix: `check the source; the day must be 1 to ${last}`,
  };
}
