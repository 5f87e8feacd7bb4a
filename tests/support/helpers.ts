// Fixture helpers for tests that need no build: temporary content folders,
// entry texts whose line numbers are easy to read off, and ready-made LoadedEntry objects.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { onTestFinished } from "vitest";
import type { HistoricalDate } from "../../src/content/dates.ts";
import type { LoadedEntry } from "../../src/content/load.ts";
import type { PhotoFile } from "../../src/content/photo-files.ts";

/** A fresh folder under the system temp dir, removed when the current test ends. */
export async function makeTempDir(prefix = "onthisday-test-"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (paths relative to `root`, "/"-separated), creating folders as needed. */
export async function writeFiles(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, ...relative.split("/"));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

/** A temp content folder holding `files` (e.g. { "events/moon.md": "…" }). */
export async function makeContentDir(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await makeTempDir();
  await writeFiles(dir, files);
  return dir;
}

/**
 * An entry file from its front-matter lines. Line 1 is the opening "---", so
 * `lines[i]` is on file line i + 2.
 */
export function entryFile(lines: readonly string[], body = "Body text.\n"): string {
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

export interface EntryFields {
  title?: string;
  date?: string;
  summary?: string;
  /** Further front-matter lines, placed after title (2), date (3) and summary (4): the first is on line 5. */
  extra?: readonly string[];
  body?: string;
}

/** A valid entry file (title on line 2, date on 3, summary on 4), plus any `extra` lines from line 5. */
export function validEntry(fields: EntryFields = {}): string {
  return entryFile(
    [
      `title: ${fields.title ?? "A title"}`,
      `date: ${fields.date ?? "2018-06-12"}`,
      `summary: ${fields.summary ?? "A one-line summary."}`,
      ...(fields.extra ?? []),
    ],
    fields.body,
  );
}

/** A LoadedEntry built in memory, for archive tests that need no files. */
export function loadedEntry(slug: string, date: HistoricalDate, overrides: Partial<LoadedEntry> = {}): LoadedEntry {
  return {
    slug,
    title: `Title of ${slug}`,
    date,
    kind: "event",
    summary: `Summary of ${slug}.`,
    body: "",
    file: `content/events/${slug}.md`,
    path: path.join(os.tmpdir(), "content", "events", `${slug}.md`),
    photoFiles: {},
    ...overrides,
  };
}

/** Shorthand for a HistoricalDate. */
export function ymd(year: number, month: number, day: number): HistoricalDate {
  return { year, month, day };
}

/** A real, tiny JPEG (4×3 pixels) for photo fixtures. */
export function tinyJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 4, height: 3, channels: 3, background: "#886644" } })
    .jpeg()
    .toBuffer();
}

/** The checked file behind a photo, as the loader records it; the content hash stands in for the bytes. */
export function photoFile(file: string, width = 4, height = 3, hash = `hash-of-${file}`): PhotoFile {
  return { path: path.resolve(file), width, height, format: "jpeg", hasAlpha: false, hash };
}

/** The credit every photo must carry (photographer, source, license), for entries built in memory. */
export const CREDIT = { photographer: "Jane Doe", source: "Wikimedia Commons", license: "Public domain" } as const;

/**
 * The same credit as front-matter lines, three of them, at `indent`: "  " under `photo:`,
 * "    " under an item of `photos:`.
 */
export function creditLines(indent = "  "): string[] {
  return Object.entries(CREDIT).map(([key, value]) => `${indent}${key}: ${value}`);
}
