// Whether a built site's feed, sitemaps and calendar are well-formed, read as
// strictly as their readers may read them. fast-xml-parser's XMLValidator and
// ical.js both accept U+FFFF, a form feed or an ESC without a word
// (well-formed-output.test.ts shows it), so the characters are checked here
// against XML 1.0's Char production and RFC 5545's TEXT rule, besides parsing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";

/** XML 1.0's Char production: what a document may hold, written or as a character reference. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;
/** What XML 1.0 discourages (DEL, C1 controls, noncharacters) and a terminal would obey: the site writes none of them. */
const DISCOURAGED = /^[\u007F-\u009F\p{Noncharacter_Code_Point}]$/u;

const name = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;

/** Every reason `text` is not a well-formed XML document the site may publish; empty when it is. */
export function xmlProblems(file: string, text: string): string[] {
  const found: string[] = [];
  const valid = XMLValidator.validate(text);
  if (valid !== true) found.push(`${file} is not well-formed XML: ${JSON.stringify(valid.err)}`);
  const characters = new Set<string>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (!XML_CHAR.test(ch)) characters.add(`${name(code)}, which XML cannot carry`);
    else if (DISCOURAGED.test(ch)) characters.add(`${name(code)}, which XML discourages`);
  }
  for (const [, reference] of text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const code = /^x/i.test(reference!) ? parseInt(reference!.slice(1), 16) : Number(reference);
    if (!XML_CHAR.test(code <= 0x10ffff ? String.fromCodePoint(code) : ""))
      characters.add(`${name(code)}, which XML cannot carry (as a character reference)`);
  }
  for (const what of characters) found.push(`${file} holds ${what}`);
  return found;
}

/** RFC 5545: CRLF line ends, lines of at most 75 octets, no control character but tab; and ical.js reads it. */
export function calendarProblems(raw: string, file = "calendar.ics"): string[] {
  const found: string[] = [];
  if (!raw.endsWith("\r\n")) found.push(`${file} does not end with CRLF`);
  for (const [i, line] of raw.slice(0, -2).split("\r\n").entries()) {
    if (Buffer.byteLength(line) > 75) found.push(`${file} line ${i + 1} is ${Buffer.byteLength(line)} octets`);
    for (const ch of line) {
      if (/^[\u0000-\u0008\u000A-\u001F\u007F-\u009F\p{Cs}\p{Noncharacter_Code_Point}]$/u.test(ch)) {
        found.push(`${file} line ${i + 1} holds ${name(ch.codePointAt(0)!)}`);
      }
    }
  }
  try {
    const calendar = new ICAL.Component(ICAL.parse(raw));
    if (calendar.name !== "vcalendar") found.push(`${file} is a ${calendar.name}, not a vcalendar`);
  } catch (e) {
    found.push(`${file} does not parse: ${(e as Error).message}`);
  }
  return found;
}

/** The feed, every sitemap and the calendar of a built site. */
export function wellFormedProblems(site: string): string[] {
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");
  const xmlFiles = readdirSync(site).filter((f) => f.endsWith(".xml"));
  if (!xmlFiles.includes("feed.xml") || !xmlFiles.includes("sitemap.xml"))
    return [`${site} has no feed.xml or no sitemap.xml`];
  return [...xmlFiles.flatMap((f) => xmlProblems(f, read(f))), ...calendarProblems(read("calendar.ics"))];
}
