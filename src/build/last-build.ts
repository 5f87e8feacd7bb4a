// The last build of a site, kept in the cache folder (as CI keeps .cache/
// between runs) so that the next build reads only the entries that changed
// and rewrites only the pages they touch: every entry it read, parsed and with
// its body rendered, keyed by a hash of its text (a fresh clone gives every
// file a new modification time); what it was built with (code, settings); and
// which folder it went into. Anything else, and the build starts afresh.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { BuildConfig } from "../config.ts";
import type { EntryReuse, LoadedEntry, ReadEntry } from "../content/load.ts";
import { renderMarkdown } from "../content/markdown.ts";
import type { PhotoCheck } from "../content/photo-files.ts";
import { displayPath } from "../util/display-path.ts";
import { fileStamp } from "../util/file-stamp.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** What the pages are made with, besides the content and the settings: a change to any of them rebuilds everything. */
const CODE = ["src", "layouts", "assets", "package-lock.json", "package.json"];

/** The output folder itself: a folder made anew at its path (by hand or by another build) is another site. */
export interface SiteIdentity {
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly birthtimeMs: number;
}

/** An entry of a build that succeeded: each string once, as the record is large (~3 KB an entry). */
interface StoredEntry {
  readonly hash: string;
  /** The entry as the build used it, photo files included. */
  readonly loaded: LoadedEntry;
  /** Its warnings. */
  readonly problems: ReadEntry["problems"];
  readonly html: string;
  /** The date git says it was added. */
  readonly added?: string;
}

/**
 * The record on disk: a line of JSON for the build (Header), then a line for
 * each entry (StoredEntry), so that the next save copies an unchanged
 * entry's bytes rather than making them again, and no string holds the
 * whole record (some 3 KB an entry: 300 MB at 100,000).
 */
interface Header {
  readonly fingerprint: string;
  readonly site: SiteIdentity;
  readonly photos: [string, { readonly stamp: string; readonly check: PhotoCheck }][];
  /** Every file of the site and its size, for the size line and the hosts' limits. */
  readonly sizes: [string, number][];
}

interface LastBuildRecord {
  readonly header: Header;
  /** By absolute path, with the line it was read from. */
  readonly entries: ReadonlyMap<string, { readonly stored: StoredEntry; readonly line: Buffer }>;
}

/**
 * The entries of the last build, reused by this one's load (EntryReuse):
 * a file whose text hashes the same is not parsed or rendered again. It
 * remembers what this load read, to be saved as the next build's last build.
 */
export class LastBuild implements EntryReuse {
  private readonly record: LastBuildRecord | undefined;
  /** The record file as it was read: another build may replace it meanwhile. */
  private readonly recordStamp: string;
  private readonly fingerprint: string;
  private readonly read = new Map<string, { hash: string; read: ReadEntry }>();
  private readonly photos = new Map<string, { stamp: string; check: PhotoCheck }>();
  private readonly html: Map<string, string>;
  private readonly photosBefore: ReadonlyMap<string, { stamp: string; check: PhotoCheck }>;

  private constructor(record: LastBuildRecord | undefined, recordStamp: string, fingerprint: string) {
    this.record = record;
    this.recordStamp = recordStamp;
    this.photosBefore = new Map(record?.header.photos);
    this.fingerprint = fingerprint;
    this.html = new Map([...(record?.entries.values() ?? [])].map(({ stored }) => [stored.loaded.body, stored.html]));
  }

  /** The last build into `config.outputDir`, if it was made by this code with these settings. */
  static async open(config: BuildConfig): Promise<LastBuild> {
    const fingerprint = fingerprintOf(config);
    const stamp = fileStamp(recordFile(config));
    let record: LastBuildRecord | undefined;
    try {
      record = readRecord(await readFile(recordFile(config)), fingerprint);
    } catch {
      // None yet, or unreadable: build afresh.
    }
    return new LastBuild(record, stamp, fingerprint);
  }

  readonly renderBody = (markdown: string): string => {
    let html = this.html.get(markdown);
    if (html === undefined) this.html.set(markdown, (html = renderMarkdown(markdown)));
    return html;
  };

  /** Nothing to prepare: what changed is told by changedSlugs, once the entries are read. */
  begin(): void {}

  parse(file: string, parse: () => ReadEntry): ReadEntry {
    const hash = hashOf(readFileSync(file));
    const stored = this.record?.entries.get(file)?.stored;
    const read = stored?.hash === hash ? { entry: stored.loaded, problems: stored.problems } : parse();
    this.read.set(file, { hash, read });
    return read;
  }

  async inspect(file: string, _entryFile: string, inspect: () => Promise<PhotoCheck>): Promise<PhotoCheck> {
    const stamp = fileStamp(file);
    const stored = this.photosBefore.get(file);
    const check = stored?.stamp === stamp ? stored.check : await inspect();
    this.photos.set(file, { stamp, check });
    return check;
  }

  /**
   * The last build's entries and added dates, if its site is the one in the
   * output folder now: what the next archive is compared with.
   */
  previous():
    | { entries: LoadedEntry[]; addedDates: Map<string, string>; sizes: ReadonlyMap<string, number> }
    | undefined {
    const record = this.record;
    if (!record || !sameSite(record.header.site, siteIdentity(record.header.site.path))) return undefined;
    const stored = [...record.entries.values()].map((e) => e.stored);
    return {
      entries: stored.map((s) => s.loaded),
      addedDates: new Map(stored.flatMap((s) => (s.added ? [[s.loaded.path, s.added]] : []))),
      sizes: new Map(record.header.sizes),
    };
  }

  /**
   * The slugs whose entry differs from the last build's: its text, its
   * photos' files or its added date; added and deleted entries included.
   */
  changedSlugs(entries: readonly LoadedEntry[], addedDates: ReadonlyMap<string, string>): Set<string> {
    const signature = (entry: LoadedEntry, hash: string | undefined, added: string | undefined) =>
      JSON.stringify([entry.path, hash, entry.photoFiles, added]);
    const before = new Map(
      [...(this.record?.entries.values() ?? [])].map(({ stored: s }) => [
        s.loaded.slug,
        signature(s.loaded, s.hash, s.added),
      ]),
    );
    const changed = new Set<string>();
    for (const entry of entries) {
      const now = signature(entry, this.read.get(entry.path)?.hash, addedDates.get(entry.path));
      if (before.get(entry.slug) !== now) changed.add(entry.slug);
      before.delete(entry.slug);
    }
    for (const slug of before.keys()) changed.add(slug);
    return changed;
  }

  /**
   * Saves this build as the last build of the site it wrote into `folder`
   * (the staging folder before the swap: a build that swaps in after this one
   * leaves another folder, and no record of this one then matches it).
   * Written beside and renamed into place: a build killed meanwhile leaves
   * the old record or none, never half of one.
   */
  async save(
    config: BuildConfig,
    site: SiteIdentity,
    entries: readonly LoadedEntry[],
    addedDates: ReadonlyMap<string, string>,
    sizes: ReadonlyMap<string, number>,
  ): Promise<void> {
    const header: Header = { fingerprint: this.fingerprint, site, photos: [...this.photos], sizes: [...sizes] };
    const lines: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
    for (const loaded of entries) {
      const { hash, read } = this.read.get(loaded.path)!;
      const added = addedDates.get(loaded.path);
      const before = this.record?.entries.get(loaded.path);
      const same =
        before?.stored.hash === hash &&
        before.stored.added === added &&
        JSON.stringify(before.stored.loaded.photoFiles) === JSON.stringify(loaded.photoFiles);
      if (same) lines.push(before.line);
      else {
        const stored: StoredEntry = {
          hash,
          loaded,
          problems: read.problems,
          html: this.renderBody(loaded.body),
          added,
        };
        lines.push(Buffer.from(`${JSON.stringify(stored)}\n`));
      }
    }
    const file = recordFile(config);
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(`${file}.writing`, "w");
    try {
      for (let start = 0; start < lines.length; start += 1000) await handle.writev(lines.slice(start, start + 1000));
    } finally {
      await handle.close();
    }
    await rename(`${file}.writing`, file);
  }

  /** The output folder is about to be written by something else (npm start): no record of it holds after. */
  static async discard(config: BuildConfig): Promise<void> {
    await rm(recordFile(config), { force: true });
  }

  /**
   * Before the site changes in place, holding the site's lock: fails
   * (SiteChangedMeanwhile) if another build changed the site since this one
   * read the record, and
   * removes the record, which describes the site no longer until it is saved.
   */
  async claim(config: BuildConfig): Promise<void> {
    if (fileStamp(recordFile(config)) !== this.recordStamp) throw new SiteChangedMeanwhile(config.outputDir);
    await LastBuild.discard(config);
  }
}

/** Another build changed the site since this one read its record: this one's update would not apply to it. */
export class SiteChangedMeanwhile extends Error {
  override name = "SiteChangedMeanwhile";
  constructor(site: string) {
    super(`another build changed ${displayPath(site)}/ while this one ran`);
  }
}

/** The record in `bytes`, if it was written with `fingerprint`: its entries are read only then. */
function readRecord(bytes: Buffer, fingerprint: string): LastBuildRecord | undefined {
  const lines: Buffer[] = [];
  for (let start = 0, end = bytes.indexOf(10); end !== -1; start = end + 1, end = bytes.indexOf(10, start))
    lines.push(bytes.subarray(start, end + 1));
  const header = JSON.parse(lines[0]?.toString() ?? "") as Header;
  if (header.fingerprint !== fingerprint) return undefined;
  const entries = new Map<string, { stored: StoredEntry; line: Buffer }>();
  for (const line of lines.slice(1)) {
    const stored = JSON.parse(line.toString()) as StoredEntry;
    entries.set(stored.loaded.path, { stored, line });
  }
  return { header, entries };
}

/** One record per output folder. */
function recordFile(config: BuildConfig): string {
  return path.join(config.cacheDir, "last-build", `${hashOf(config.outputDir).slice(0, 16)}.ndjson`);
}

const hashOf = (data: string | Buffer) => createHash("sha1").update(data).digest("hex");

/** The code, the settings and Node's version: what the pages depend on besides the content. */
function fingerprintOf(config: BuildConfig): string {
  const hash = createHash("sha1");
  // How many event pages one Eleventy run writes changes no page.
  hash.update(JSON.stringify([process.version, process.cwd(), { ...config, eventsPerRun: undefined }]));
  const walk = (relative: string) => {
    const full = path.join(ROOT, relative);
    if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) walk(path.join(relative, name));
    else hash.update(`\0${relative}\0`).update(readFileSync(full));
  };
  for (const item of CODE) walk(item);
  return hash.digest("hex");
}

/** The folder that is, or becomes by a rename, the site at `site`. */
export function siteIdentity(folder: string, site = folder): SiteIdentity {
  try {
    const { dev, ino, birthtimeMs } = statSync(folder);
    return { path: site, dev, ino, birthtimeMs };
  } catch {
    return { path: site, dev: -1, ino: -1, birthtimeMs: -1 };
  }
}

const sameSite = (a: SiteIdentity, b: SiteIdentity) =>
  b.ino !== -1 && a.path === b.path && a.dev === b.dev && a.ino === b.ino && a.birthtimeMs === b.birthtimeMs;
