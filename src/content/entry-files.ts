// The entry files of a content folder: every .md file under events/, in any subfolder.
import { readdir } from "node:fs/promises";
import path from "node:path";

/** Absolute paths, sorted; undefined when the events folder does not exist. */
export async function listEntryFiles(eventsDir: string): Promise<string[] | undefined> {
  try {
    return (await readdir(eventsDir, { recursive: true, withFileTypes: true }))
      .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".md"))
      .map((d) => path.join(d.parentPath, d.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
