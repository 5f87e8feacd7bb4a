// An entry's date in words, one function per form: "12 June 1757?",
// "c. 1 May 1500", "1–3 July 1863", "June 1757", "Spring 1863", "1560s",
// "from 1 July 1863", "11 February 1732 (O.S.) · 22 February 1732 (N.S.)".
// In any language with a catalogue: dateWordsIn(messagesFor("fr")) writes
// "vers le 1er mai 1500"; the functions exported by name write English (the
// command line's messages, the tests).
import { type CalendarWords, calendarWords } from "../i18n/calendar-words.ts";
import { type MessageKey, type Messages, messagesFor } from "../i18n/messages.ts";
import {
  bcYear,
  type Calendar,
  type CalendarStyle,
  convertDate,
  type EventDate,
  firstDay,
  type HistoricalDate,
  otherCalendarDay,
  type Precision,
  precisionOf,
  styleOf,
  unspecifiedYears,
} from "./dates.ts";

/** EDTF's seasons by their first month (dates.ts's SEASON_MONTHS): the northern hemisphere's. */
const SEASON_KEYS: Readonly<Record<number, MessageKey>> = {
  3: "date.spring",
  6: "date.summer",
  9: "date.autumn",
  12: "date.winter",
};

const STYLE_KEYS: Readonly<Record<CalendarStyle, MessageKey>> = { "O.S.": "date.oldStyle", "N.S.": "date.newStyle" };

export interface DateWords {
  /** The whole date as a page shows it: every form below combined. */
  eventDateWords(date: EventDate): string;
  /** "12 June 1757", "June 1757", "Spring 1757", "1757", "1560s" or "1800s": as much of the date as is known. */
  precisionWords(date: HistoricalDate, precision: Precision): string;
  /** "1–3 July 1863", "30 June – 2 July 1863", "1861–1865", "July – 2 August 1863": an interval, its shared month and year said once. */
  spanWords(date: EventDate): string;
  /** "c. 1 May 1500", "12 June 1757?": EDTF's `~` and `?`. */
  qualifiedWords(date: EventDate, words: string): string;
  /** "from 1 July 1863", "until 3 July 1863", "1 July 1863 – ?", "? – 3 July 1863": an interval's open (..) or unknown end. */
  openWords(date: EventDate, words: string): string;
  /** "11 February 1732 (O.S.) · 22 February 1732 (N.S.)": the date as written first. */
  dualWords(written: string, calendar: Calendar, converted: string): string;
  /** "1757?", "c. 490 BC", "1560s", "1862–1863": the year where a line gives only the year before a title (the Atom feed, calendar.ics). */
  yearWords(date: EventDate): string;
  /** "O.S." or "N.S.", "ancien style", "a. St.": the label of a date's calendar. */
  styleWords(style: CalendarStyle): string;
}

const made = new WeakMap<Messages, DateWords>();

/** The date words of a language, made once. */
export function dateWordsIn(messages: Messages): DateWords {
  let words = made.get(messages);
  if (!words) made.set(messages, (words = makeDateWords(messages, calendarWords(messages))));
  return words;
}

function makeDateWords(messages: Messages, calendar: CalendarWords): DateWords {
  const { t, number } = messages;
  const { yearLabel, monthName } = calendar;
  const styleWords = (style: CalendarStyle) => t(STYLE_KEYS[style]);
  const season = (month: number) => t(SEASON_KEYS[month]!);

  const precisionWords = (date: HistoricalDate, precision: Precision): string => {
    if (precision === "decade" || precision === "century") return yearsWords(date.year, precision);
    if (precision === "year") return yearLabel(date.year);
    if (precision === "season") return t("date.seasonYear", { season: season(date.month), year: yearLabel(date.year) });
    if (precision === "month") return calendar.monthYear(date.month, date.year);
    return calendar.dateInWords(date);
  };

  // "1560s", "AD 790s", "1800s"; before AD 1, where decades do not fall on years ending in 0, the years: "1570–1561 BC".
  const yearsWords = (year: number, precision: "decade" | "century"): string => {
    if (year > 0) return calendar.decadeLabel(year);
    const { first, last } = unspecifiedYears(year, precision);
    if (last > 0) return t("date.span", { start: yearLabel(first), end: yearLabel(last) });
    return t("year.bc", { year: t("date.spanTight", { start: number(bcYear(first)), end: number(bcYear(last)) }) });
  };

  // "12 June", "June", "Spring": the date without its year, where a span says the year once.
  const withoutYear = (date: HistoricalDate, precision: Precision): string | undefined => {
    if (precision === "day") return calendar.dayMonth(date.month, date.day);
    if (precision === "month") return monthName(date.month);
    if (precision === "season") return season(date.month);
    return undefined;
  };

  const spanWords = (date: EventDate): string => {
    const precision = precisionOf(date);
    const start = firstDay(date);
    const end = date.end;
    if (!end) return precisionWords(start, precision);
    const endPrecision = date.endPrecision ?? precision;
    const endWords = precisionWords(end, endPrecision);
    const sameYear = start.year === end.year;
    if (precision === "day" && endPrecision === "day" && sameYear && start.month === end.month) {
      return t("date.daySpan", { start: start.day, end: endWords });
    }
    if (precision === "year" && endPrecision === "year") {
      return t("date.spanTight", { start: yearLabel(start.year), end: endWords });
    }
    if (precision === "month" && endPrecision === "month" && sameYear) {
      return t("date.spanTight", { start: monthName(start.month), end: endWords });
    }
    const startWords = (sameYear && withoutYear(start, precision)) || precisionWords(start, precision);
    return t("date.span", { start: startWords, end: endWords });
  };

  const qualifiedWords = (date: EventDate, words: string): string => {
    const sure = date.uncertain ? t("date.uncertain", { date: words }) : words;
    return date.approximate ? t("date.approximate", { date: sure, precision: precisionOf(date) }) : sure;
  };

  const openWords = (date: EventDate, words: string): string => {
    if (date.openStart) {
      const precision = date.endPrecision ?? precisionOf(date);
      return date.openStart === "open"
        ? t("date.until", { date: words, precision })
        : t("date.unknownStart", { date: words });
    }
    if (date.openEnd) {
      return date.openEnd === "open"
        ? t("date.from", { date: words, precision: precisionOf(date) })
        : t("date.unknownEnd", { date: words });
    }
    return words;
  };

  const dualWords = (written: string, calendarOfDate: Calendar, converted: string): string => {
    const other = calendarOfDate === "julian" ? "gregorian" : "julian";
    return t("date.dual", {
      written,
      writtenStyle: styleWords(styleOf(calendarOfDate)),
      converted,
      convertedStyle: styleWords(styleOf(other)),
    });
  };

  // The date in the calendar it is written in: "c. 1 May 1500", "1–3 July 1863", "from 1 July 1863".
  const writtenWords = (date: EventDate) => openWords(date, qualifiedWords(date, spanWords(date)));

  return {
    eventDateWords(date) {
      const other = otherCalendarDay(date);
      const written = writtenWords(date);
      if (!other || !date.calendar) return written;
      // A month or a year has no single day to convert: it is only labelled.
      if (date.precision || (date.end && date.endPrecision)) {
        return t("date.styled", { date: written, style: styleWords(styleOf(date.calendar)) });
      }
      const converted = {
        ...date,
        ...other.date,
        ...(date.end && { end: convertDate(date.end, date.calendar, other.calendar) }),
      };
      return dualWords(written, date.calendar, writtenWords(converted));
    },
    precisionWords,
    spanWords,
    qualifiedWords,
    openWords,
    dualWords,
    yearWords(date) {
      const precision = precisionOf(date);
      const year =
        precision === "decade" || precision === "century" ? precisionWords(date, precision) : yearLabel(date.year);
      const span =
        date.end && date.end.year !== date.year
          ? t("date.spanTight", { start: year, end: yearLabel(date.end.year) })
          : year;
      return qualifiedWords(date, span);
    },
    styleWords,
  };
}

const ENGLISH = dateWordsIn(messagesFor("en"));

export const { eventDateWords, precisionWords, spanWords, qualifiedWords, openWords, dualWords, yearWords }: DateWords =
  ENGLISH;

/**
 * The date in words leading a sentence, "20 July 1969. …": its full stop,
 * unless its own question mark already ends it ("1757? …", never "1757?. …";
 * Arabic's "؟" too).
 */
export function dateSentence(words: string): string {
  return /[?؟.!]$/.test(words) ? words : `${words}.`;
}
