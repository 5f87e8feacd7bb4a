// An entry's date in words, one function per form: "12 June 1757?",
// "c. 1 May 1500", "1–3 July 1863", "June 1757", "Spring 1863", "1560s",
// "from 1 July 1863", "11 February 1732 (O.S.) · 22 February 1732 (N.S.)".
import {
  bcYear,
  type Calendar,
  convertDate,
  dateInWords,
  type EventDate,
  firstDay,
  type HistoricalDate,
  monthName,
  otherCalendarDay,
  type Precision,
  precisionOf,
  styleOf,
  unspecifiedYears,
  yearLabel,
} from "./dates.ts";

/** EDTF's seasons by their first month (dates.ts's SEASON_MONTHS): the northern hemisphere's. */
export const SEASON_NAMES: Readonly<Record<number, string>> = { 3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter" };

/** The whole date as a page shows it: every form below combined. */
export function eventDateWords(date: EventDate): string {
  const other = otherCalendarDay(date);
  const written = writtenWords(date);
  if (!other || !date.calendar) return written;
  // A month or a year has no single day to convert: it is only labelled.
  if (date.precision || (date.end && date.endPrecision)) return `${written} (${styleOf(date.calendar)})`;
  const converted = {
    ...date,
    ...other.date,
    ...(date.end && { end: convertDate(date.end, date.calendar, other.calendar) }),
  };
  return dualWords(written, date.calendar, writtenWords(converted));
}

/** The date in the calendar it is written in: "c. 1 May 1500", "1–3 July 1863", "from 1 July 1863". */
function writtenWords(date: EventDate): string {
  return openWords(date, qualifiedWords(date, spanWords(date)));
}

/** "12 June 1757", "June 1757", "Spring 1757", "1757", "1560s" or "1800s": as much of the date as is known. */
export function precisionWords(date: HistoricalDate, precision: Precision): string {
  if (precision === "decade" || precision === "century") return yearsWords(date.year, precision);
  if (precision === "year") return yearLabel(date.year);
  if (precision === "season") return `${SEASON_NAMES[date.month]} ${yearLabel(date.year)}`;
  if (precision === "month") return `${monthName(date.month)} ${yearLabel(date.year)}`;
  return dateInWords(date);
}

/** "1560s", "AD 790s", "1800s"; before AD 1, where decades do not fall on years ending in 0, the years: "1570–1561 BC". */
function yearsWords(year: number, precision: "decade" | "century"): string {
  if (year > 0) return `${yearLabel(year)}s`;
  const { first, last } = unspecifiedYears(year, precision);
  return last <= 0 ? `${bcYear(first)}–${yearLabel(last)}` : `${yearLabel(first)} – ${yearLabel(last)}`;
}

/** "12 June", "June", "Spring": the date without its year, where a span says the year once. */
function withoutYear(date: HistoricalDate, precision: Precision): string | undefined {
  if (precision === "day") return `${date.day} ${monthName(date.month)}`;
  if (precision === "month") return monthName(date.month);
  if (precision === "season") return SEASON_NAMES[date.month];
  return undefined;
}

/**
 * "1–3 July 1863", "30 June – 2 July 1863", "1861–1865", "July – 2 August 1863":
 * an interval, its shared month and year said once.
 */
export function spanWords(date: EventDate): string {
  const precision = precisionOf(date);
  const start = firstDay(date);
  const end = date.end;
  if (!end) return precisionWords(start, precision);
  const endPrecision = date.endPrecision ?? precision;
  const endWords = precisionWords(end, endPrecision);
  const sameYear = start.year === end.year;
  if (precision === "day" && endPrecision === "day" && sameYear && start.month === end.month) {
    return `${start.day}–${endWords}`;
  }
  if (precision === "year" && endPrecision === "year") return `${yearLabel(start.year)}–${endWords}`;
  if (precision === "month" && endPrecision === "month" && sameYear) return `${monthName(start.month)}–${endWords}`;
  const startWords = (sameYear && withoutYear(start, precision)) || precisionWords(start, precision);
  return `${startWords} – ${endWords}`;
}

/** "c. 1 May 1500", "12 June 1757?": EDTF's `~` and `?`. */
export function qualifiedWords(date: EventDate, words: string): string {
  return `${date.approximate ? "c. " : ""}${words}${date.uncertain ? "?" : ""}`;
}

/** "from 1 July 1863", "until 3 July 1863", "1 July 1863 – ?", "? – 3 July 1863": an interval's open (..) or unknown end. */
export function openWords(date: EventDate, words: string): string {
  if (date.openStart) return date.openStart === "open" ? `until ${words}` : `? – ${words}`;
  if (date.openEnd) return date.openEnd === "open" ? `from ${words}` : `${words} – ?`;
  return words;
}

/** "11 February 1732 (O.S.) · 22 February 1732 (N.S.)": the date as written first. */
export function dualWords(written: string, calendar: Calendar, converted: string): string {
  const other = calendar === "julian" ? "gregorian" : "julian";
  return `${written} (${styleOf(calendar)}) · ${converted} (${styleOf(other)})`;
}

/**
 * The year where a line gives only the year before a title (the Atom feed's
 * titles, calendar.ics's summaries), with the date's marks: "1757?",
 * "c. 490 BC", "1560s", "1862–1863" for a span over a year's end.
 */
export function yearWords(date: EventDate): string {
  const precision = precisionOf(date);
  const year =
    precision === "decade" || precision === "century" ? precisionWords(date, precision) : yearLabel(date.year);
  const span = date.end && date.end.year !== date.year ? `${year}–${yearLabel(date.end.year)}` : year;
  return qualifiedWords(date, span);
}

/**
 * The date in words leading a sentence, "20 July 1969. …": its full stop,
 * unless its own "?" already ends it ("1757? …", never "1757?. …").
 */
export function dateSentence(words: string): string {
  return /[?.!]$/.test(words) ? words : `${words}.`;
}
