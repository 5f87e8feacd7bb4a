// /calendar.ics: every event known to the day as a yearly all-day anniversary, for calendar apps.
// RFC 5545: CRLF line ends, lines folded at 75 octets, text escaped.
import type { Archive, EventLink } from "../archive/archive.ts";
import { dateSentence, dateWordsIn } from "../content/date-words.ts";
import { calendarOf, listedDays, pad2, standardSpan, toJulianDayNumber } from "../content/dates.ts";
import { type Messages, messagesFor } from "../i18n/messages.ts";
import { absoluteUrl, type SiteInfo } from "../site.ts";
import { withoutUnwritable } from "../util/unwritable.ts";

export function icalendar(archive: Archive, site: SiteInfo): string {
  const host = new URL(site.url).host;
  const stamp = `${archive.buildDate.replaceAll("-", "")}T000000Z`;
  const messages = messagesFor(archive.language);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${host}//On This Day archive//EN`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${text(site.title)}`,
    `X-WR-CALDESC:${text(site.description)}`,
    // A date without a day has no anniversary.
    ...archive.events
      .filter((e) => listedDays(e.date).length)
      .flatMap((event) => vevent(event, { site, host, stamp, messages })),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

interface CalendarContext {
  readonly site: SiteInfo;
  readonly host: string;
  readonly stamp: string;
  readonly messages: Messages;
}

function vevent(event: EventLink, { site, host, stamp, messages }: CalendarContext): string[] {
  // An Old Style date recurs on its New Style day; a span over its days.
  const span = standardSpan(event.date);
  const { month, day } = span.start;
  const url = absoluteUrl(site, event.url);
  // Anniversaries start in 2000, a leap year. An event of 29 February recurs on
  // the last day of February: the 29th in leap years, the 28th in the others,
  // so it is never skipped.
  const start = `2000${pad2(month)}${pad2(day)}`;
  const end = month === 2 && day === 29 ? "20000301" : (spanEnd(event, span) ?? nextDay(month, day));
  const rule = month === 2 && day === 29 ? "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "RRULE:FREQ=YEARLY";
  return [
    "BEGIN:VEVENT",
    `UID:${event.slug}@${host}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    rule,
    // The year with the date's marks ("1757?", "c. 490 BC"), as the date's words have them.
    `SUMMARY:${text(messages.t("feed.entryTitle", { year: dateWordsIn(messages).yearWords(event.date), title: event.title }))}`,
    `DESCRIPTION:${text(`${dateSentence(event.dateWords)} ${event.summary}\n${url}`)}`,
    `URL:${url}`,
    "TRANSP:TRANSPARENT",
    "END:VEVENT",
  ];
}

/**
 * The exclusive end of a span's anniversary, when it lasts less than a year:
 * the day after its last day, in 2001 when it runs into the next year.
 */
function spanEnd(event: EventLink, { start, end }: ReturnType<typeof standardSpan>): string | undefined {
  if (!end || (end.month === 2 && end.day === 29)) return undefined;
  const calendar = calendarOf(event.date);
  if (toJulianDayNumber(event.date.end!, calendar) - toJulianDayNumber(event.date, calendar) >= 365) return undefined;
  const after = nextDay(end.month, end.day);
  const intoNextYear = end.month < start.month || (end.month === start.month && end.day < start.day);
  return intoNextYear ? `2001${after.slice(4)}` : after;
}

/** The exclusive end of an all-day event: the next day, 31 December rolling into 2001. */
function nextDay(month: number, day: number): string {
  const date = new Date(Date.UTC(2000, month - 1, day + 1));
  return `${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}`;
}

/**
 * TEXT values: backslash, semicolon, comma and line breaks escaped, and
 * whatever iCalendar cannot carry dropped (the check refuses it; a bare
 * carriage return would end the line and start a property of its own).
 */
function text(value: string): string {
  return withoutUnwritable(value.replace(/\r\n/g, "\n"))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0)!);
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
