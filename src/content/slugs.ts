// Slugs, the names of entries and topics in file names and URLs, in one place:
// what a slug may be, how a title or topic becomes one, and how long it may get.
//
// Names are first folded (case, accents and punctuation do not count), then
// made ASCII: transliterated where a standard exists (Latin, Cyrillic, Greek),
// and otherwise given a short hash of the folded name as well, so that titles
// in scripts without one (Chinese, Japanese, Arabic, Hebrew…) never all end up
// with the same slug. What can still coincide (a transliteration, a cut) is
// told apart by the caller, who knows the other names: see buildTopics and
// freeSlug.
import { createHash } from "node:crypto";
import transliterate from "@sindresorhus/transliterate";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest slug the check accepts. The file system allows 250 (a name is at
 * most 255 bytes, and the build writes api/v1/events/<slug>.json); this leaves
 * room for file systems with shorter names and for paths on Windows.
 */
export const SLUG_MAX = 100;

/** How long the words of a title or topic in a generated slug may get. */
const SLUG_WORDS_MAX = 60;

// Accents are folded away on Latin and Greek letters ("é" is "e", "ά" is "α");
// a precomposed Cyrillic letter is a letter of its own ("й" is not "и").
const ACCENTS = /[\u0300-\u036f]/g;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;
/** Scripts whose transliteration is standard: their slugs need no hash. */
const TRANSLITERATED = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}0-9-]*$/u;

/**
 * A name as compared: "Côte d'Ivoire" and "cote d ivoire" are both "cote-d-ivoire",
 * "Октябрь" is "октябрь". Names that fold alike are the same name.
 */
export function foldName(name: string): string {
  const folded = Array.from(name.normalize("NFC"), (ch) =>
    CYRILLIC.test(ch) ? ch : ch.normalize("NFKD").replace(ACCENTS, ""),
  )
    .join("")
    .toLowerCase()
    .normalize("NFC");
  return folded.split(SEPARATORS).filter(Boolean).join("-");
}

/**
 * The ASCII words of a name, at most `max` characters:
 * "Côte d'Ivoire" → "cote-d-ivoire", "Штурм Зимнего дворца" → "shturm-zimnego-dvortsa",
 * "十月革命" → "a1b2c3d4" (a hash of the folded name), "Sputnik 长征" → "sputnik-…".
 */
export function slugWords(name: string, max = SLUG_WORDS_MAX): string {
  return slugOfKey(foldName(name), max);
}

/** slugWords of a name already folded by foldName. */
export function slugOfKey(key: string, max = SLUG_WORDS_MAX): string {
  const ascii = asciiWords(key);
  if (ascii && TRANSLITERATED.test(key)) return cutAtWord(ascii, max);
  const tag = shortHash(key);
  return ascii ? `${cutAtWord(ascii, max - tag.length - 1)}-${tag}` : tag;
}

/** The folded name in ASCII: transliterated, with whatever has no Latin form left out. */
function asciiWords(key: string): string {
  return transliterate(key)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Eight hex digits of the name's SHA-256: tells names apart that leave the same ASCII. */
export function shortHash(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** At most `max` characters, without the word the cut falls in (or next to). */
function cutAtWord(words: string, max: number): string {
  return words.length <= max ? words : words.slice(0, max).replace(/-[^-]*$/, "");
}

/** `slug`, or `slug-2`, `slug-3`… : the first that is not taken. */
export function freeSlug(slug: string, taken: (candidate: string) => boolean): string {
  let candidate = slug;
  for (let n = 2; taken(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}

/** A valid slug for a name that is not one: "Ides_of_March" → "ides-of-march". */
export function suggestSlug(name: string): string {
  return foldName(name) ? slugWords(name, SLUG_MAX) : "event-name";
}
