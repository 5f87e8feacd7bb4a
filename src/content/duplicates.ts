// Likely duplicates: two entries of the same day of the same year whose
// titles share nearly all their words, as when an import brings "Death of
// Abraham Lincoln" next to "Death of US President Abraham Lincoln". The
// test is one an editor can redo by hand: drop case, accents, punctuation and
// small words, then count how many of the shorter title's words the longer
// one has, a word of five letters or more also matching one a letter apart
// (landing and landings, baptised and baptized, Gioacchino and Gioachino).
// Entries are grouped by date first, so only the few entries of one date are
// compared with each other: the day itself, whatever calendar it is written in
// (an Old Style entry and a New Style copy of the same event are one day).
import path from "node:path";
import { gitAddedDates } from "./added-dates.ts";
import { calendarOf, type EventDate, isoDate, toJulianDayNumber } from "./dates.ts";
import type { LoadedEntry } from "./load.ts";

/** Words that say nothing of which event it was. */
const STOP_WORDS = new Set("a an and as at by for from in into is it its of on or the to was were with".split(" "));

/** This share of the shorter title's words must be in the other title... */
export const SHARED_SHARE = 0.8;
/** ...and at least this many, so that two titles of one common word each are not taken for one event. */
const SHARED_MIN = 2;

export interface Duplicate {
  /** The entry that came later: the one the warning is on. */
  readonly newer: LoadedEntry;
  /** The one it seems to repeat. */
  readonly older: LoadedEntry;
}

/** The words of a text, without case, accents or punctuation. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** "Death of US President Abraham Lincoln" → {death, us, president, abraham, lincoln}. */
export function titleWords(title: string): Set<string> {
  return new Set(words(title).filter((word) => !STOP_WORDS.has(word)));
}

/** Shorter words must match exactly: "man" and "men", "war" and "was" are different words. */
const FUZZY_MIN_LENGTH = 5;

/**
 * Whether nearly every word of the shorter title is in the longer. A number
 * must be in both: "Apollo 11" and "Apollo 12" are two flights.
 */
export function alike(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  if (!shorter.size) return false;
  const needed = Math.max(Math.min(SHARED_MIN, shorter.size), Math.ceil(SHARED_SHARE * shorter.size - 1e-9));
  let missing = 0;
  for (const word of shorter) {
    if (longer.has(word) || nearlyIn(word, longer)) continue;
    // Most pairs of one date differ early: stop at the first word too many.
    if (NUMBER.test(word) || ++missing > shorter.size - needed) return false;
  }
  return true;
}

const NUMBER = /^\p{N}+$/u;

function nearlyIn(word: string, words: ReadonlySet<string>): boolean {
  if (word.length < FUZZY_MIN_LENGTH || NUMBER.test(word)) return false;
  for (const other of words) if (other.length >= FUZZY_MIN_LENGTH && oneLetterApart(word, other)) return true;
  return false;
}

/** One letter added, removed or changed. */
function oneLetterApart(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  // Past the first difference, the rest must agree once the longer skips a letter (or both change one).
  let j = i + 1;
  let k = long.length > short.length ? i : i + 1;
  while (j < long.length && long[j] === short[k]) {
    j++;
    k++;
  }
  return j >= long.length;
}

/**
 * Each entry that looks like a later copy of another, once, with the earliest
 * entry it resembles. Which came later: the `added` date, else the date git
 * added the file (asked only when there is a pair to order; a file not yet
 * committed is the newest), else the later file name.
 */
export function findDuplicates(
  entries: readonly LoadedEntry[],
  gitDates: (folder: string) => ReadonlyMap<string, string> = gitAddedDates,
): Duplicate[] {
  const pairs: [LoadedEntry, LoadedEntry][] = [];
  for (const sameDay of Map.groupBy(entries, (e) => dayNumber(e.date)).values()) {
    if (sameDay.length < 2) continue;
    const words = sameDay.map((e) => titleWords(e.title));
    for (let i = 0; i < sameDay.length; i++) {
      for (let j = i + 1; j < sameDay.length; j++) {
        if (alike(words[i]!, words[j]!)) pairs.push([sameDay[i]!, sameDay[j]!]);
      }
    }
  }
  if (!pairs.length) return [];

  const committed = pairs.some(([a, b]) => !a.added || !b.added)
    ? gitDates(commonFolder(pairs.flat().map((e) => path.dirname(e.path))))
    : new Map<string, string>();
  // Not in git yet: just written, so newer than anything committed.
  const addedOf = (e: LoadedEntry) => (e.added ? isoDate(e.added) : (committed.get(e.path) ?? "~"));
  const isNewer = (a: LoadedEntry, b: LoadedEntry) => {
    const [x, y] = [addedOf(a), addedOf(b)];
    return x !== y ? x > y : a.file > b.file;
  };

  const olderOf = new Map<LoadedEntry, LoadedEntry>();
  for (const [a, b] of pairs) {
    const [newer, older] = isNewer(a, b) ? [a, b] : [b, a];
    const known = olderOf.get(newer);
    if (!known || isNewer(known, older)) olderOf.set(newer, older);
  }
  return [...olderOf].map(([newer, older]) => ({ newer, older }));
}

/** The day a date starts on, counted the same in both calendars (a month or year: its first day in its calendar). */
function dayNumber(date: EventDate): number {
  return toJulianDayNumber(date, calendarOf(date));
}

/** The deepest folder that holds all of `folders`. */
function commonFolder(folders: readonly string[]): string {
  const holds = (folder: string, inner: string) => !path.relative(folder, inner).startsWith("..");
  let common = folders[0]!;
  while (common !== path.dirname(common) && !folders.every((folder) => holds(common, folder))) {
    common = path.dirname(common);
  }
  return common;
}
