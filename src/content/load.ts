// Reads every entry under <contentDir>/events, validates each one and the
// links between them, and reports every problem in one pass.
import { readFileSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { displayPath as display } from "../util/display-path.ts";
import { fileStamp } from "../util/file-stamp.ts";
import { bodyProblemsInFile } from "./body-check.ts";
import { linkLeftOut, readEntryFolder, unreadFiles } from "./entry-files.ts";
import { renderMarkdown } from "./markdown.ts";
import { type Entry, type EntryParts, lineOfField, parseEntry, slugFromFileName } from "./parse-entry.ts";
import { inspectPhoto, type PhotoCheck, type PhotoFile, type PhotoLimits } from "./photo-files.ts";
import { type ContentProblem, fieldPath, sortProblems } from "./problems.ts";

export interface LoadedEntry extends Entry {
  /** Absolute path of the entry file. */
  readonly path: string;
  /** The image file behind each photo `src`, checked. */
  readonly photoFiles: Readonly<Record<string, PhotoFile>>;
}

/** An entry file read: the entry when its front-matter is valid, and every problem, its body's included. */
export interface ReadEntry {
  readonly entry?: Entry | undefined;
  readonly problems: readonly ContentProblem[];
  /** Without an entry: what the checks across files can still look at. */
  readonly parts?: EntryParts | undefined;
}

export interface LoadResult {
  readonly entries: LoadedEntry[];
  readonly problems: ContentProblem[];
}

/**
 * What a load may reuse from an earlier one: `npm start` keeps an EntryCache
 * in memory, `npm run build` the last build's entries on disk
 * (src/build/last-build.ts).
 */
export interface EntryReuse {
  /** Starts a load of these entry files. */
  begin(files: readonly string[]): void;
  /** The file's entry, from `parse` unless it is unchanged since it was last read. */
  parse(file: string, parse: () => ReadEntry): ReadEntry;
  /** The photo file's check, from `inspect` unless the file is unchanged. */
  inspect(file: string, entryFile: string, inspect: () => Promise<PhotoCheck>): Promise<PhotoCheck>;
  /** Markdown → HTML, rendered once per distinct body. */
  readonly renderBody: (markdown: string) => string;
}

/**
 * Kept by `npm start` between rebuilds: a file whose modification time and
 * size are unchanged is not read, parsed or hashed again. `changed` names the
 * entry files that were (re)read or have gone since the last load.
 */
export class EntryCache implements EntryReuse {
  private entries = new Map<string, { stamp: string; result: ReadEntry }>();
  private photos = new Map<string, { stamp: string; check: PhotoCheck }>();
  private html = new Map<string, string>();
  changed = new Set<string>();

  /** Markdown → HTML, rendered once per distinct body. */
  readonly renderBody = (markdown: string): string => {
    let html = this.html.get(markdown);
    if (html === undefined) this.html.set(markdown, (html = renderMarkdown(markdown)));
    return html;
  };

  parse(file: string, parse: () => ReadEntry): ReadEntry {
    const stamp = fileStamp(file);
    const cached = this.entries.get(file);
    if (cached && cached.stamp === stamp) return cached.result;
    this.changed.add(file);
    const result = parse();
    this.entries.set(file, { stamp, result });
    return result;
  }

  async inspect(file: string, entryFile: string, inspect: () => Promise<PhotoCheck>): Promise<PhotoCheck> {
    const stamp = fileStamp(file);
    const cached = this.photos.get(file);
    if (cached && cached.stamp === stamp) return cached.check;
    this.changed.add(entryFile);
    const check = await inspect();
    this.photos.set(file, { stamp, check });
    return check;
  }

  /** What the file gave when it was last read, unless it has gone since. */
  lastRead(file: string): ReadEntry | undefined {
    return this.entries.get(file)?.result;
  }

  /** Starts a load; after it, files not seen again count as changed (deleted). */
  begin(files: readonly string[]): void {
    this.changed = new Set();
    const present = new Set(files);
    for (const file of this.entries.keys()) {
      if (!present.has(file)) {
        this.entries.delete(file);
        this.changed.add(file);
      }
    }
  }
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

export async function loadEntries(contentDir: string, limits?: PhotoLimits, cache?: EntryReuse): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const eventsDir = path.join(root, "events");

  const folder = await readEntryFolder(eventsDir);
  if (!folder) {
    const problem: ContentProblem = {
      file: display(eventsDir),
      message: "the events folder does not exist",
      fix: `create it and add one Markdown file per event, or set CONTENT_DIR to the folder that holds events/`,
      severity: "error",
    };
    return { entries: [], problems: [problem] };
  }

  const { files } = folder;
  const problems: ContentProblem[] = [...folder.links.map(linkLeftOut), ...(await unreadFiles(root, folder.others))];
  const { entries, withErrors } = readEntries(files, problems, cache);
  const slugs = checkSlugs(files, problems);
  const photoPlace = { root, realRoot: await realpath(root), limits, cache };
  // Files with errors are checked across files too, on what of them is well-formed: one run reports everything.
  for (const linked of [...entries.map(linksOf), ...withErrors]) {
    problems.push(...(await relatedProblems(linked, slugs, eventsDir)));
    const photos = await checkPhotos(linked, photoPlace);
    if (linked.entry) Object.assign(linked.entry.photoFiles, photos.files);
    problems.push(...photos.problems);
  }
  return { entries, problems: sortProblems(problems) };
}

/** An entry's links to other files, with the fields that hold them. */
interface EntryLinks extends Omit<EntryParts, "body"> {
  /** Absolute path of the entry file. */
  readonly path: string;
  /** As the editor knows it. */
  readonly file: string;
  readonly slug: string;
  /** The entry, when the file is valid: its photo files are filled in. */
  readonly entry?: LoadedEntry;
}

function linksOf(entry: LoadedEntry): EntryLinks {
  const photos = [
    ...(entry.photo ? [{ photo: entry.photo, field: ["photo", "src"] }] : []),
    ...(entry.photos ?? []).map((photo, i) => ({ photo, field: ["photos", i, "src"] })),
  ].flatMap(({ photo, field }) => (photo.src === undefined ? [] : [{ field, src: photo.src }]));
  const related = (entry.related ?? []).flatMap((item, index) =>
    item.event === undefined ? [] : [{ index, event: item.event }],
  );
  return { path: entry.path, file: entry.file, slug: entry.slug, related, photos, entry };
}

/** Each file parsed (or taken from the cache), its problems added to `problems`. */
function readEntries(
  files: readonly string[],
  problems: ContentProblem[],
  cache: EntryReuse | undefined,
): { entries: LoadedEntry[]; withErrors: EntryLinks[] } {
  // Synchronous reads: for thousands of small files they are several times
  // faster than promises, and a build has nothing else to do meanwhile.
  const entries: LoadedEntry[] = [];
  const withErrors: EntryLinks[] = [];
  cache?.begin(files);
  for (const file of files) {
    const parse = () => readEntryFile(file);
    const result = cache ? cache.parse(file, parse) : parse();
    problems.push(...result.problems);
    if (result.entry) entries.push({ ...result.entry, path: file, photoFiles: {} });
    else if (result.parts) {
      const slug = slugFromFileName(path.basename(file));
      withErrors.push({
        path: file,
        file: display(file),
        slug,
        related: result.parts.related,
        photos: result.parts.photos,
      });
    }
  }
  return { entries, withErrors };
}

/** One entry file read and parsed: `npm start` rereads an edited file alone (src/build/serve-session.ts). */
export function readEntryFile(file: string): ReadEntry {
  const text = readFileSync(file, "utf8");
  const { entry, problems, parts } = parseEntry(text, display(file), path.basename(file));
  if (entry) return { entry, problems: bodyProblemsInFile(entry.body, text, entry.file) };
  const body = parts?.body === undefined ? [] : bodyProblemsInFile(parts.body, text, display(file));
  return { problems: [...problems, ...body], parts };
}

/** Each slug (lowercased) and its first file; the files that repeat one are added to `problems`. */
function checkSlugs(files: readonly string[], problems: ContentProblem[]): ReadonlyMap<string, string> {
  // Slugs are URLs: two that differ only in case collide on case-insensitive hosts.
  const firstBySlug = new Map<string, string>();
  for (const file of files) {
    const key = slugFromFileName(path.basename(file)).toLowerCase();
    const first = firstBySlug.get(key);
    if (first === undefined) firstBySlug.set(key, file);
    else {
      problems.push({
        file: display(file),
        message: `its slug "${key}" is already used by ${display(first)}`,
        fix: "slugs must be unique, ignoring case: rename one of the two files",
        severity: "error",
      });
    }
  }
  return firstBySlug;
}

/** Related links that name no other entry. */
async function relatedProblems(
  entry: EntryLinks,
  slugs: ReadonlyMap<string, string>,
  eventsDir: string,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const { index, event } of entry.related) {
    if (event === entry.slug) {
      problems.push(await problemAt(entry, ["related", index, "event"], "points at this entry itself", "remove it"));
    } else if (!slugs.has(event)) {
      problems.push(
        await problemAt(
          entry,
          ["related", index, "event"],
          `there is no entry "${event}" (no file ${path.join(display(eventsDir), `${event}.md`)})`,
          "check the spelling of the slug, or write the related event as date: and text:",
        ),
      );
    }
  }
  return problems;
}

interface PhotoPlace {
  readonly root: string;
  readonly realRoot: string;
  readonly limits: PhotoLimits | undefined;
  readonly cache: EntryReuse | undefined;
}

/** The image file behind each photo's src, or the problem with it. */
async function checkPhotos(
  entry: EntryLinks,
  { root, realRoot, limits, cache }: PhotoPlace,
): Promise<{ files: Record<string, PhotoFile>; problems: ContentProblem[] }> {
  const files: Record<string, PhotoFile> = {};
  const problems: ContentProblem[] = [];
  for (const { src, field } of entry.photos) {
    const inspect = () => inspectPhoto(src, path.dirname(entry.path), root, realRoot, limits);
    const check = cache
      ? await cache.inspect(path.resolve(path.dirname(entry.path), src), entry.path, inspect)
      : await inspect();
    if ("file" in check) files[src] = check.file;
    else problems.push(await problemAt(entry, field, check.message, check.fix));
  }
  return { files, problems };
}

/** A problem found across files is rare, so its line is looked up only then. */
async function problemAt(
  entry: EntryLinks,
  field: readonly PropertyKey[],
  message: string,
  fix: string,
): Promise<ContentProblem> {
  const line = lineOfField(await readFile(entry.path, "utf8"), field);
  return { file: entry.file, line, field: fieldPath(field), message, fix, severity: "error" };
}
