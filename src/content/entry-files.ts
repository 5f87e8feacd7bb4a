// The entry files of a content folder: every .md file under events/, in any subfolder.
// Symbolic links are not followed: a link to /usr would make every command,
// and npm start's watcher, read the whole disk.
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";
import type { ContentProblem } from "./problems.ts";

export interface EntryFolder {
  /** Absolute paths, sorted. */
  readonly files: string[];
  /** Links that stand where an entry or a folder of entries would, sorted: they are left out. */
  readonly links: string[];
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
  };
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
