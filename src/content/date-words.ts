// An entry's date in words, one function per form: "12 June 1757?",
// "c. 1 May 1500", "1–3 July 1863", "June 1757",
// "11 February 1732 (O.S.) · 22 February 1732 (N.S.)".
import {
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
  yearLabel,
} from "./dates.ts";

/** The whole date as a page shows it: every form below combined. */
export function eventDateWords(date: EventDate): string {
  const other = otherCalendarDay(date);
  const written = qualifiedWords(date, spanWords(date));
  if (!other || !date.calendar) return written;
  // A month or a year has no single day to convert: it is only labelled.
  if (date.precision) return `${written} (${styleOf(date.calendar)})`;
  const converted = {
    ...date,
    ...other.date,
    ...(date.end && { end: convertDate(date.end, date.calendar, other.calendar) }),
  };
  return dualWords(written, date.calendar, qualifiedWords(date, spanWords(converted)));
}

/** "12 June 1757", "June 1757" or "1757": as much of the date as is known. */
export function precisionWords(date: HistoricalDate, precision: Precision): string {
  if (precision === "year") return yearLabel(date.year);
  if (precision === "month") return `${monthName(date.month)} ${yearLabel(date.year)}`;
  return dateInWords(date);
}

/** "1–3 July 1863", "30 June – 2 July 1863", "1861–1865": an interval, its shared month and year said once. */
export function spanWords(date: EventDate): string {
  const precision = precisionOf(date);
  const start = firstDay(date);
  const end = date.end;
  if (!end) return precisionWords(start, precision);
  if (precision === "year") return `${yearLabel(start.year)}–${yearLabel(end.year)}`;
  const sameYear = start.year === end.year;
  if (precision === "month") {
    return sameYear
      ? `${monthName(start.month)}–${precisionWords(end, "month")}`
      : `${precisionWords(start, "month")} – ${precisionWords(end, "month")}`;
  }
  if (sameYear && start.month === end.month) return `${start.day}–${dateInWords(end)}`;
  if (sameYear) return `${start.day} ${monthName(start.month)} – ${dateInWords(end)}`;
  return `${dateInWords(start)} – ${dateInWords(end)}`;
}

/** "c. 1 May 1500", "12 June 1757?": EDTF's `~` and `?`. */
export function qualifiedWords(date: EventDate, words: string): string {
  return `${date.approximate ? "c. " : ""}${words}${date.uncertain ? "?" : ""}`;
}

/** "11 February 1732 (O.S.) · 22 February 1732 (N.S.)": the date as written first. */
export function dualWords(written: string, calendar: Calendar, converted: string): string {
  const other = calendar === "julian" ? "gregorian" : "julian";
  return `${written} (${styleOf(calendar)}) · ${converted} (${styleOf(other)})`;
}

/**
 * The date in words leading a sentence, "20 July 1969. …": its full stop,
 * unless its own "?" already ends it ("1757? …", never "1757?. …").
 */
export function dateSentence(words: string): string {
  return /[?.!]$/.test(words) ? words : `${words}.`;
}
