// Reads every entry under <contentDir>/events, validates each one and the
// links between them, and reports every problem in one pass.
import { readFileSync } from "node:fs";
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { lineOfField, parseEntry, slugFromFileName, type Entry } from "./parse-entry.ts";
import { listEntryFiles } from "./entry-files.ts";
import { inspectPhoto, type PhotoFile, type PhotoLimits } from "./photo-files.ts";
import { fieldPath, sortProblems, type ContentProblem } from "./problems.ts";

export interface LoadedEntry extends Entry {
  /** Absolute path of the entry file. */
  readonly path: string;
  /** The image file behind each photo `src`, checked. */
  readonly photoFiles: Readonly<Record<string, PhotoFile>>;
}

export interface LoadResult {
  readonly entries: LoadedEntry[];
  readonly problems: ContentProblem[];
}

export function hasErrors(problems: readonly ContentProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

export async function loadEntries(contentDir: string, limits?: PhotoLimits): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  const eventsDir = path.join(root, "events");
  const display = (file: string) => path.relative(process.cwd(), file) || file;

  const files = await listEntryFiles(eventsDir);
  if (!files) {
    const problem: ContentProblem = {
      file: display(eventsDir),
      message: "the events folder does not exist",
      fix: `create it and add one Markdown file per event, or set CONTENT_DIR to the folder that holds events/`,
      severity: "error",
    };
    return { entries: [], problems: [problem] };
  }

  // Synchronous reads: for thousands of small files they are several times
  // faster than promises, and a build has nothing else to do meanwhile.
  const problems: ContentProblem[] = [];
  const entries: LoadedEntry[] = [];
  for (const file of files) {
    const result = parseEntry(readFileSync(file, "utf8"), display(file), path.basename(file));
    problems.push(...result.problems);
    if (result.entry) entries.push({ ...result.entry, path: file, photoFiles: {} });
  }

  // A problem found across files is rare, so its line is looked up only then.
  const problemAt = async (entry: LoadedEntry, field: PropertyKey[], message: string, fix: string) => {
    const line = lineOfField(await readFile(entry.path, "utf8"), field);
    problems.push({ file: entry.file, line, field: fieldPath(field), message, fix, severity: "error" });
  };

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

  const realRoot = await realpath(root);
  for (const entry of entries) {
    for (const [i, item] of (entry.related ?? []).entries()) {
      if (item.event === undefined) continue;
      if (item.event === entry.slug) {
        await problemAt(entry, ["related", i, "event"], "points at this entry itself", "remove it");
      } else if (!firstBySlug.has(item.event)) {
        await problemAt(
          entry,
          ["related", i, "event"],
          `there is no entry "${item.event}" (no file ${path.join(display(eventsDir), item.event + ".md")})`,
          "check the spelling of the slug, or write the related event as date: and text:",
        );
      }
    }
    const photos = [
      ...(entry.photo ? [{ photo: entry.photo, field: ["photo", "src"] }] : []),
      ...(entry.photos ?? []).map((photo, i) => ({ photo, field: ["photos", i, "src"] })),
    ];
    const photoFiles: Record<string, PhotoFile> = {};
    for (const { photo, field } of photos) {
      if (photo.src === undefined) continue;
      const check = await inspectPhoto(photo.src, path.dirname(entry.path), root, realRoot, limits);
      if ("file" in check) photoFiles[photo.src] = check.file;
      else await problemAt(entry, field, check.message, check.fix);
    }
    Object.assign(entry.photoFiles, photoFiles);
  }

  return { entries, problems: sortProblems(problems) };
}
