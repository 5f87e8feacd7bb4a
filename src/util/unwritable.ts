// Characters the site's outputs cannot carry. XML 1.0 (the Atom feed, the
// sitemap) forbids C0 controls but tab, line feed and carriage return, lone
// surrogates, U+FFFE and U+FFFF, and discourages DEL, the C1 controls and the
// other noncharacters; iCalendar forbids every control but tab; a terminal
// obeys C0 and C1 controls. So no content may hold any of them (the check
// refuses them, naming the code point), and the writers of those formats
// drop any that got through. Line feed and tab are ordinary text; a carriage
// return is not (a body's line ends are made Unix before it is read).

const UNWRITABLE_SOURCE = "[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\p{Cs}\\p{Noncharacter_Code_Point}]";
const UNWRITABLE = new RegExp(UNWRITABLE_SOURCE, "u");
const UNWRITABLE_ALL = new RegExp(UNWRITABLE_SOURCE, "gu");

export interface UnwritableCharacter {
  readonly codePoint: number;
  /** e.g. "the control character U+001B", "the noncharacter U+FFFF". */
  readonly description: string;
}

/** The first character of `text` that an output cannot carry, if any. */
export function findUnwritable(text: string): UnwritableCharacter | undefined {
  const found = UNWRITABLE.exec(text);
  return found ? describe(found[0].codePointAt(0)!) : undefined;
}

/** Every such character, in order. */
export function findAllUnwritable(text: string): UnwritableCharacter[] {
  return [...text.matchAll(UNWRITABLE_ALL)].map((m) => describe(m[0].codePointAt(0)!));
}

/** `text` without them: what a writer of XML or iCalendar puts out, whatever it is given. */
export function withoutUnwritable(text: string): string {
  return UNWRITABLE.test(text) ? text.replace(UNWRITABLE_ALL, "") : text;
}

/** "U+00AD", "U+1FFFE". */
function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(codePoint: number): UnwritableCharacter {
  const name = codePointName(codePoint);
  const kind =
    codePoint <= 0x9f
      ? "the control character"
      : codePoint >= 0xd800 && codePoint <= 0xdfff
        ? "the lone surrogate"
        : "the noncharacter";
  return { codePoint, description: `${kind} ${name}` };
}
