// Content folder → Archive, in one call, for the build, the checker and tests.
import { gitAddedDates } from "../content/added-dates.ts";
import { aliasProblems } from "../content/aliases.ts";
import { lintEntries } from "../content/lint.ts";
import { type EntryReuse, hasErrors, type LoadedEntry, loadEntries } from "../content/load.ts";
import { type ContentProblem, sortProblems } from "../content/problems.ts";
import { type Archive, type ArchiveOptions, buildArchive } from "./archive.ts";

export interface LoadArchiveResult {
  /** Present only when the content has no errors. */
  readonly archive?: Archive;
  /** Every error and warning, sorted by file and line. */
  readonly problems: readonly ContentProblem[];
  /** The entries the archive was built from. */
  readonly entries?: readonly LoadedEntry[];
}

export interface LoadArchiveOptions extends ArchiveOptions {
  /** Photos over this many pixels are refused (decompression bombs). */
  readonly maxPhotoPixels?: number;
  /** Photo files over this many bytes are refused before they are read. */
  readonly maxPhotoBytes?: number;
  /** What an earlier load read: `npm start` keeps it in memory, `npm run build` on disk. */
  readonly cache?: EntryReuse;
}

export async function loadArchive(contentDir: string, options: LoadArchiveOptions): Promise<LoadArchiveResult> {
  const limits = { maxPixels: options.maxPhotoPixels, maxBytes: options.maxPhotoBytes };
  const loaded = await loadEntries(contentDir, limits, options.cache);
  const { entries } = loaded;
  // An alias is a page's address too: it must not be another entry's (src/content/aliases.ts).
  const problems = [...loaded.problems, ...aliasProblems(entries)];
  const all = sortProblems([...problems, ...lintEntries(entries)]);
  if (hasErrors(problems)) return { problems: all };
  return {
    archive: buildArchive(entries, {
      addedDates: gitAddedDates(contentDir),
      renderBody: options.cache?.renderBody,
      ...options,
    }),
    problems: all,
    entries,
  };
}
