// Months, dates, years, decades and centuries in the site's language. Month
// names and digits come from Intl; the order of a date's parts, the era marks
// ("44 av. J.-C.") and the ordinals from the catalogue. Years are astronomical
// (0 is 1 BC, -43 is 44 BC), as in src/content/dates.ts.
import type { Messages } from "./messages.ts";

/** A day of a year, month 1–12. */
export interface DayOfYear {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface CalendarWords {
  /** "June", "juin", "Juni", "junio", "يونيو": the month on its own. */
  monthName(month: number): string;
  /** "june", "juin", "juni", "junio", "yunyu": the month's address segment, ASCII (the catalogue's month.addresses). */
  monthSlug(month: number): string;
  /** "2018", "AD 79", "44 BC"; "79 apr. J.-C.", "44 av. J.-C.". */
  yearLabel(year: number): string;
  /** "12 June 2018", "1er mai 1500", "12. Juni 2018", "12 de junio de 2018". */
  dateInWords(date: DayOfYear): string;
  /** "June 1757", "juin 1757", "junio de 1757". */
  monthYear(month: number, year: number): string;
  /** "June 12", "12 juin", "12. Juni", "12 de junio": a day of every year, as its page's heading names it. */
  dayLabel(month: number, day: number): string;
  /** "12 June", "1er mai": a date in words without its year. */
  dayMonth(month: number, day: number): string;
  /** "20th century", "1st century BC"; "XXe siècle", "20. Jahrhundert", "siglo XX": 20 is the 20th century, -1 the 1st BC. */
  centuryLabel(century: number): string;
  /** "1960s", "AD 70s", "40s BC": 1960, 70, or -40 (and -0) for the decades BC. */
  decadeLabel(decade: number): string;
}

const made = new WeakMap<Messages, CalendarWords>();

export function calendarWords(messages: Messages): CalendarWords {
  let words = made.get(messages);
  if (!words) made.set(messages, (words = makeCalendarWords(messages)));
  return words;
}

/** The year as readers count it BC: 0 is 1 BC, -43 is 44 BC. */
const yearBc = (year: number) => 1 - year;

function makeCalendarWords(messages: Messages): CalendarWords {
  const { t, number } = messages;
  // Month names as Intl gives them alone and inside a date (they differ in some languages, as Russian's genitive).
  const alone = monthNames(messages.language, { month: "long" });
  const inDate = monthNames(messages.language, { day: "numeric", month: "long" });
  const inMonthYear = monthNames(messages.language, { month: "long", year: "numeric" });
  const slugs = t("month.addresses").split(/\s+/);
  const month = (names: readonly string[], m: number) => {
    const name = names[m - 1];
    if (name === undefined) throw new RangeError(`month out of range: ${m}`);
    return name;
  };
  const yearLabel = (year: number) => {
    if (year <= 0) return t("year.bc", { year: yearBc(year) });
    return year < 1000 ? t("year.ad", { year }) : number(year);
  };
  return {
    monthName: (m) => month(alone, m),
    monthSlug: (m) => month(slugs, m),
    yearLabel,
    dateInWords: (date) =>
      t("date.full", { day: date.day, month: month(inDate, date.month), year: yearLabel(date.year) }),
    monthYear: (m, year) => t("date.monthYear", { month: month(inMonthYear, m), year: yearLabel(year) }),
    dayLabel: (m, day) => t("date.dayLabel", { month: month(inDate, m), day }),
    dayMonth: (m, day) => t("date.dayMonth", { month: month(inDate, m), day }),
    centuryLabel: (century) => {
      const values = { century: Math.abs(century), roman: romanNumeral(Math.abs(century)) };
      return t(century > 0 ? "century.ad" : "century.bc", values);
    },
    decadeLabel: (decade) => {
      if (decade < 0 || Object.is(decade, -0)) return t("year.decadeBc", { decade: -decade });
      return t(decade < 1000 ? "year.decadeAd" : "year.decade", { decade });
    },
  };
}

/** The twelve month names as Intl writes them in one context (a leap year's months, at noon UTC). */
function monthNames(language: string, options: Intl.DateTimeFormatOptions): string[] {
  const format = new Intl.DateTimeFormat(language, { ...options, timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => {
    const parts = format.formatToParts(Date.UTC(2000, i, 15, 12));
    return parts.find((part) => part.type === "month")!.value;
  });
}

const ROMAN: readonly [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 20 → "XX": centuries as French and Spanish write them (Intl has no Roman numerals). */
export function romanNumeral(n: number): string {
  let rest = n;
  let written = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      written += letters;
      rest -= value;
    }
  }
  return written;
}
