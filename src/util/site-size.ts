// What a build writes into a site, counted as it is written: bytes and files
// by part, and the files over a size worth naming. Walking the finished site
// instead costs a stat for every file (several seconds for 300,000 files), so
// each writer that knows its files adds them, and only folders written by
// other programs (Pagefind, the image cache, Eleventy's copies) are walked.
import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";

export interface Tally {
  bytes: number;
  files: number;
}

export interface SiteSizeOptions {
  /** The part a file belongs to, from its path in the site ("events/x/index.html"). */
  readonly partOf: (sitePath: string) => string;
  /** Files larger than this are remembered by name. */
  readonly noteFilesOver: number;
}

export class SiteSize {
  private readonly options: SiteSizeOptions;
  private readonly tallies = new Map<string, Tally>();
  /** The files over `noteFilesOver` bytes, by site path. */
  readonly largeFiles: { sitePath: string; bytes: number }[] = [];
  /** Every file's size, by site path: the next build updates it (src/build/last-build.ts). */
  readonly files = new Map<string, number>();

  constructor(options: SiteSizeOptions) {
    this.options = options;
  }

  /** A file written at `sitePath`: a path in the site, with or without a leading slash. */
  add(sitePath: string, bytes: number): void {
    const relative = sitePath.replace(/^\/+/, "");
    this.files.set(relative, bytes);
    const part = this.options.partOf(relative);
    const tally = this.tallies.get(part) ?? { bytes: 0, files: 0 };
    tally.bytes += bytes;
    tally.files++;
    this.tallies.set(part, tally);
    if (bytes > this.options.noteFilesOver) this.largeFiles.push({ sitePath: relative, bytes });
  }

  /** Every file under `folder` of the site in `outputDir` (a site path), if it is there. */
  addFolder(outputDir: string, folder: string): void {
    const walk = (relative: string) => {
      let entries: Dirent[];
      try {
        entries = readdirSync(path.join(outputDir, relative), { withFileTypes: true });
      } catch {
        return; // not written: nothing to count
      }
      for (const entry of entries) {
        const child = `${relative}/${entry.name}`;
        if (entry.isDirectory()) walk(child);
        else this.add(child, statSync(path.join(outputDir, child)).size);
      }
    };
    walk(folder.replace(/^\/+|\/+$/g, ""));
  }

  get total(): Tally {
    let [bytes, files] = [0, 0];
    for (const tally of this.tallies.values()) [bytes, files] = [bytes + tally.bytes, files + tally.files];
    return { bytes, files };
  }

  /** The parts, largest first. */
  parts(): [string, Tally][] {
    return [...this.tallies].sort(([, a], [, b]) => b.bytes - a.bytes);
  }
}
