// The entry files of a content folder: every .md file under events/, in any subfolder.
// Symbolic links are not followed: a link to /usr would make every command,
// and npm start's watcher, read the whole disk. Every other file of the
// content folder that nothing reads is named, so that an entry saved as
// .markdown or beside events/ is not left out in silence.
import type { Dirent } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";
import type { ContentProblem } from "./problems.ts";

export interface EntryFolder {
  /** Absolute paths, sorted. */
  readonly files: string[];
  /** Links that stand where an entry or a folder of entries would, sorted: they are left out. */
  readonly links: string[];
  /** The other regular files under events/, sorted: photos, and whatever is not read. */
  readonly others: string[];
}

/** Absolute paths, sorted; undefined when the events folder does not exist. */
export async function listEntryFiles(eventsDir: string): Promise<string[] | undefined> {
  return (await readEntryFolder(eventsDir))?.files;
}

/** The entry files, and the links left out; undefined when the events folder does not exist. */
export async function readEntryFolder(eventsDir: string): Promise<EntryFolder | undefined> {
  let found: Dirent[];
  try {
    found = await readdir(eventsDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
  const full = (d: Dirent) => path.join(d.parentPath, d.name);
  const isEntry = (d: Dirent) => d.name.toLowerCase().endsWith(".md");
  // A link to an image may be a photo (photo-files.ts checks that it stays in the content folder).
  const links = await Promise.all(
    found
      .filter((d) => d.isSymbolicLink())
      .map(async (d) =>
        isEntry(d) ||
        (await stat(full(d)).then(
          (s) => s.isDirectory(),
          () => false,
        ))
          ? full(d)
          : undefined,
      ),
  );
  return {
    files: found
      .filter((d) => d.isFile() && isEntry(d))
      .map(full)
      .sort(),
    links: links.filter((link) => link !== undefined).sort(),
    others: found
      .filter((d) => d.isFile() && !isEntry(d))
      .map(full)
      .sort(),
  };
}

/**
 * Files that nothing reads, and that nobody means to be read: hidden files
 * and folders (.gitkeep, .DS_Store, .git/), notes for people (README, LICENSE…),
 * what operating systems leave (Thumbs.db, desktop.ini), and images, which
 * are photos or photos to be (photo-files.ts checks those an entry names).
 */
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif|svg|bmp)$/i;
const NOTES = /^(readme|license|licence|copying|notice|authors|contributing|changelog)(\.[^.]*)?$/i;
const SYSTEM_FILES = /^(thumbs\.db|desktop\.ini)$/i;

function isExempt(name: string): boolean {
  return name.startsWith(".") || IMAGE_EXTENSIONS.test(name) || NOTES.test(name) || SYSTEM_FILES.test(name);
}

/**
 * Every file under the content folder that no command reads, as a warning:
 * entries outside events/, files under events/ that are not .md, anything
 * else; `others` are the files under events/ that are not entries. site.json
 * (beside events/) and the exempt files above are left alone, and so are
 * node_modules and hidden folders, which are never content.
 */
export async function unreadFiles(root: string, others: readonly string[]): Promise<ContentProblem[]> {
  const eventsDir = path.join(root, "events");
  const outside: string[] = [];
  for (const d of await readdir(root, { withFileTypes: true })) {
    const at = path.join(root, d.name);
    if (d.name === "events" || d.name === "node_modules" || d.name.startsWith(".")) continue;
    if (d.isFile() && d.name !== "site.json") outside.push(at);
    else if (d.isDirectory()) {
      for (const inner of await readdir(at, { recursive: true, withFileTypes: true })) {
        const relative = path.relative(at, path.join(inner.parentPath, inner.name));
        if (inner.isFile() && !relative.split(path.sep).some((part) => part.startsWith("."))) {
          outside.push(path.join(inner.parentPath, inner.name));
        }
      }
    }
  }
  const inEvents = others.filter(
    (file) =>
      !path
        .relative(eventsDir, file)
        .split(path.sep)
        .some((part) => part.startsWith(".")),
  );
  const unread = [...outside, ...inEvents].filter((file) => !isExempt(path.basename(file))).sort();
  return Promise.all(unread.map(async (file) => unreadFile(file, eventsDir, await looksLikeEntry(file))));
}

/** An entry starts with its front-matter's '---'. */
async function looksLikeEntry(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(6), 0, 6, 0);
    return /^(\uFEFF)?---\r?\n?/.test(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** "moon.markdown", "moon.md.txt", "moon" → "moon.md". */
function asEntryName(name: string): string {
  return `${name.replace(/(\.md)?\.(markdown|mdown|mkdn?|mdwn|txt|text)$/i, "").replace(/\.md$/i, "")}.md`;
}

function unreadFile(file: string, eventsDir: string, entryLike: boolean): ContentProblem {
  const name = path.basename(file);
  const inEvents = !path.relative(eventsDir, file).startsWith("..");
  const warning = (message: string, fix: string): ContentProblem => ({
    file: displayPath(file),
    message,
    fix,
    severity: "warning",
  });
  const isMarkdown = /\.md$/i.test(name);
  if (!inEvents && (isMarkdown || entryLike)) {
    const target = displayPath(path.join(eventsDir, isMarkdown ? name : asEntryName(name)));
    return warning("is outside the events folder, so it is never read", `move it to ${target} if it is an entry`);
  }
  if (entryLike || /\.(markdown|mdown|mkdn?|mdwn|txt|text)$/i.test(name) || !name.includes(".")) {
    return warning(
      "is not read: only files ending in .md are entries",
      `rename it to ${asEntryName(name)} if it is an entry`,
    );
  }
  return warning(
    "is not an entry, a photo or site.json: nothing reads it",
    "remove it, or keep it outside the content folder",
  );
}

/** Said by check, build and npm start alike. */
export function linkLeftOut(link: string): ContentProblem {
  return {
    file: displayPath(link),
    message: "is a symbolic link: it is not part of the archive, and npm start does not watch it",
    fix: "move the entries themselves into the events folder, or remove the link",
    severity: "warning",
  };
}
