// Content folder → Archive, in one call, for the build, the checker and tests.
import { hasErrors, loadEntries } from "../content/load.ts";
import type { ContentProblem } from "../content/problems.ts";
import { buildArchive, type Archive, type ArchiveOptions } from "./archive.ts";

export interface LoadArchiveResult {
  /** Present only when the content has no errors. */
  readonly archive?: Archive;
  /** Every error and warning, sorted by file and line. */
  readonly problems: readonly ContentProblem[];
}

export async function loadArchive(contentDir: string, options: ArchiveOptions): Promise<LoadArchiveResult> {
  const { entries, problems } = await loadEntries(contentDir);
  if (hasErrors(problems)) return { problems };
  return { archive: buildArchive(entries, options), problems };
}
