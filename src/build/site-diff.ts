// Two built sites compared as a reviewer reads them (npm run diff): the pages
// added, changed and removed, each changed page with an excerpt of the diff of
// its visible text (page-text.ts), and the other files (API, search index,
// images, feeds) counted by folder. A page whose bytes differ but whose text
// does not (a stylesheet's fingerprint, an attribute) is "markup only".
//
// Nothing is ignored because it changes at every build: the build writes no
// build time, and two builds of the same content, code and BUILD_DATE are the
// same byte for byte (tests/integration/reproducible.test.ts). The day each
// site was built for is read from its home page: when they differ, the home
// page and /random/ differ for that alone, which the report says.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { calendarLinks } from "../archive/calendar.ts";
import { calendarWords } from "../i18n/calendar-words.ts";
import { availableLanguages, messagesFor } from "../i18n/messages.ts";
import { type DiffGap, type DiffLine, diffExcerpt, diffLines } from "../util/line-diff.ts";
import { mapLimit } from "../util/map-limit.ts";
import { type PageText, pageText } from "./page-text.ts";

export interface PageRef {
  /** "/events/apollo-11/", "/june/12/", "/404.html" */
  readonly address: string;
  /** Its first heading, else its <title>. */
  readonly title: string;
}

export interface ChangedPage extends PageRef {
  readonly linesRemoved: number;
  readonly linesAdded: number;
  /** The changed lines with a line of context each side, at most EXCERPT_LINES of them. */
  readonly excerpt: readonly (DiffLine | DiffGap)[];
  /** Lines of the excerpt left out past EXCERPT_LINES. */
  readonly excerptCut: number;
}

export interface FileGroupChange {
  /** "api/", "pagefind/", or a file at the top ("feed.xml"). */
  readonly group: string;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

export interface SiteDiff {
  readonly pagesBefore: number;
  readonly pagesAfter: number;
  readonly added: readonly PageRef[];
  readonly changed: readonly ChangedPage[];
  readonly removed: readonly PageRef[];
  /** Pages whose bytes differ and whose visible text does not. */
  readonly markupOnly: readonly string[];
  /** Only the groups with a change, in order. */
  readonly files: readonly FileGroupChange[];
  readonly filesUnchanged: number;
  /** The day each site was built for (BUILD_DATE), from its home page, when they differ. */
  readonly buildDays?: { readonly before: string; readonly after: string };
}

/** A changed page's excerpt stops after this many lines: a reviewer needs the gist, the artifact has the rest. */
export const EXCERPT_LINES = 20;
/** Files compared at once: each pair is read whole. */
const CONCURRENT_READS = 16;

export async function diffSites(beforeDir: string, afterDir: string): Promise<SiteDiff> {
  const before = filesOf(beforeDir);
  const after = filesOf(afterDir);
  const both = [...after].filter((file) => before.has(file));
  const differing = new Set(
    (
      await mapLimit(both, CONCURRENT_READS, async (file) => ({
        file,
        same: await sameFile(beforeDir, afterDir, file),
      }))
    )
      .filter((pair) => !pair.same)
      .map((pair) => pair.file),
  );
  const isPage = (file: string) => file.endsWith(".html");
  const onlyIn = (files: Set<string>, other: Set<string>) => [...files].filter((file) => !other.has(file));

  const pageRef = async (dir: string, file: string): Promise<PageRef> => ({
    address: addressOf(file),
    title: nameOf(pageText(await readFile(path.join(dir, file), "utf8"))),
  });
  const added = await mapLimit(onlyIn(after, before).filter(isPage), CONCURRENT_READS, (f) => pageRef(afterDir, f));
  const removed = await mapLimit(onlyIn(before, after).filter(isPage), CONCURRENT_READS, (f) => pageRef(beforeDir, f));
  // Each pair is diffed as it is read: a change to every page keeps only the excerpts in memory.
  const compared = await mapLimit([...differing].filter(isPage), CONCURRENT_READS, async (file) => {
    const [was, is] = await Promise.all([
      readFile(path.join(beforeDir, file), "utf8").then(pageText),
      readFile(path.join(afterDir, file), "utf8").then(pageText),
    ]);
    const script = diffLines([`title: ${was.title}`, ...was.lines], [`title: ${is.title}`, ...is.lines]);
    return script.every((line) => line.op === "=") ? addressOf(file) : changedPage(addressOf(file), nameOf(is), script);
  });
  const changed = compared.filter((page): page is ChangedPage => typeof page !== "string");
  const markupOnly = compared.filter((page): page is string => typeof page === "string");

  const days = [buildDayOf(beforeDir), buildDayOf(afterDir)] as const;
  return {
    pagesBefore: [...before].filter(isPage).length,
    pagesAfter: [...after].filter(isPage).length,
    added: added.sort(byAddress),
    changed: changed.sort(byAddress),
    removed: removed.sort(byAddress),
    markupOnly: markupOnly.sort(compareAddresses),
    ...fileGroups(before, after, differing, (file) => !isPage(file)),
    ...(days[0] && days[1] && days[0] !== days[1] && { buildDays: { before: days[0], after: days[1] } }),
  };
}

const nameOf = (page: PageText) => page.heading ?? page.title;

function changedPage(address: string, title: string, script: readonly DiffLine[]): ChangedPage {
  const excerpt = diffExcerpt(script);
  return {
    address,
    title,
    linesRemoved: script.filter((line) => line.op === "-").length,
    linesAdded: script.filter((line) => line.op === "+").length,
    excerpt: excerpt.slice(0, EXCERPT_LINES),
    excerptCut: Math.max(0, excerpt.length - EXCERPT_LINES),
  };
}

/** The non-page files added, changed and removed, by folder (or, at the top, by name). */
function fileGroups(
  before: Set<string>,
  after: Set<string>,
  differing: Set<string>,
  counted: (file: string) => boolean,
): Pick<SiteDiff, "files" | "filesUnchanged"> {
  const groups = new Map<string, { added: number; changed: number; removed: number }>();
  const count = (file: string, change: "added" | "changed" | "removed") => {
    const group = file.includes("/") ? `${file.slice(0, file.indexOf("/"))}/` : file;
    const tally = groups.get(group) ?? { added: 0, changed: 0, removed: 0 };
    tally[change]++;
    groups.set(group, tally);
  };
  let filesUnchanged = 0;
  for (const file of [...after].filter(counted)) {
    if (!before.has(file)) count(file, "added");
    else if (differing.has(file)) count(file, "changed");
    else filesUnchanged++;
  }
  for (const file of [...before].filter((f) => counted(f) && !after.has(f))) count(file, "removed");
  const files = [...groups].map(([group, tally]) => ({ group, ...tally }));
  // Folders first, then the files at the top.
  files.sort(
    (a, b) => Number(!a.group.endsWith("/")) - Number(!b.group.endsWith("/")) || compareText(a.group, b.group),
  );
  return { files, filesUnchanged };
}

/** Every file of a site, as "/"-separated paths relative to it. */
function filesOf(dir: string): Set<string> {
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")),
  );
}

async function sameFile(beforeDir: string, afterDir: string, file: string): Promise<boolean> {
  const [a, b] = [path.join(beforeDir, file), path.join(afterDir, file)];
  if ((await stat(a)).size !== (await stat(b)).size) return false;
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/** The address a static host serves a page at: "events/x/index.html" → "/events/x/". */
export function addressOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** The day the site was built for, from its home page's "today" (layouts/home.njk). */
function buildDayOf(dir: string): string | undefined {
  const home = path.join(dir, "index.html");
  return existsSync(home) ? /data-build-date="(\d{4}-\d\d-\d\d)"/.exec(readFileSync(home, "utf8"))?.[1] : undefined;
}

/** Events first, then days and months (in calendar order), years and topics, then the rest, each in natural order. */
// Every language's month addresses ("/june/", "/juin/", "/yunyu/"): the two sites may differ in language.
const MONTHS = new Map(
  availableLanguages().flatMap((language) =>
    calendarLinks(calendarWords(messagesFor(language))).months.map((month, i) => [month.url.slice(1, -1), i] as const),
  ),
);
const ORDER = [/^\/events\//, /^\/([a-z]+)\/(\d+)\/$/, /^\/([a-z]+)\/$/, /^\/years\//, /^\/topics\//];
const DAYS = 1;
const MONTH = 2;

/** The address's rank in ORDER, and its day of the year for a day or month page. */
function placeOf(address: string): [number, number] {
  for (const [rank, pattern] of ORDER.entries()) {
    const found = pattern.exec(address);
    if (!found) continue;
    if (rank !== DAYS && rank !== MONTH) return [rank, 0];
    const month = MONTHS.get(found[1]!);
    if (month !== undefined) return [rank, month * 100 + Number(found[2] ?? 0)];
  }
  return [ORDER.length, 0];
}

const collator = new Intl.Collator("en", { numeric: true });
const compareText = (a: string, b: string) => collator.compare(a, b);

export function compareAddresses(a: string, b: string): number {
  const [[rankA, dayA], [rankB, dayB]] = [placeOf(a), placeOf(b)];
  return rankA - rankB || dayA - dayB || compareText(a, b);
}

const byAddress = (a: PageRef, b: PageRef) => compareAddresses(a.address, b.address);
