// Whether the site can be swapped in where OUTPUT_DIR says, asked before the
// build starts, and the same answer for a file system error met while swapping:
// one line naming the folder, what is wrong and what to do.
import { constants } from "node:fs";
import { access, lstat, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ConfigError } from "../config.ts";
import { displayPath } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";

/**
 * Refuses an output folder the build could not replace, before the build
 * spends any time. `inPlace`: npm start writes into the folder instead of
 * replacing it, so a mount point is fine there.
 */
export async function checkOutputFolder(site: string, { inPlace = false } = {}): Promise<void> {
  // The build creates missing folders on the way: the first that exists must take them.
  let parent = path.dirname(site);
  while (await missing(parent)) parent = path.dirname(parent);
  await folder(parent, site);
  await writable(parent, site);
  if (await missing(site)) return;
  await folder(site, site);
  // The old site's files are deleted from it once the new one is in place.
  await writable(site, site);
  if (!inPlace && (await isMountPoint(site))) throw mountPointError(site);
}

/** Only what is not there: a folder this user may not look into is there, and said to be unwritable. */
async function missing(file: string): Promise<boolean> {
  return lstat(file).then(
    () => false,
    (error: unknown) => errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR",
  );
}

/** The clear line for what a file system error says about the output folder, if it says something. */
export function outputFolderError(error: unknown, site: string, folder = path.dirname(site)): ConfigError | undefined {
  const code = errorCode(error);
  if (code === "EBUSY") return mountPointError(site);
  const problem = PROBLEMS[code ?? ""];
  if (!problem) return undefined;
  return new ConfigError(
    `OUTPUT_DIR=${displayPath(site)}: the folder ${displayPath(folder)}/ cannot be written (${code}: ${problem[0]}): ${problem[1]}`,
  );
}

const ASK_FOR_A_FOLDER =
  "set OUTPUT_DIR to a folder this user can write, or give this user write permission on that one";
const PROBLEMS: Record<string, readonly [reason: string, fix: string]> = {
  EROFS: [
    "read-only file system",
    "set OUTPUT_DIR to a folder on a disk that can be written, or mount this one read-write",
  ],
  EACCES: ["permission denied", ASK_FOR_A_FOLDER],
  EPERM: ["operation not permitted", ASK_FOR_A_FOLDER],
};

function mountPointError(site: string): ConfigError {
  const shown = displayPath(site);
  return new ConfigError(
    `OUTPUT_DIR=${shown}: the folder is a mount point, and the build replaces the output folder whole (it builds beside it, then swaps the two), ` +
      `which cannot be done to a mount point: set OUTPUT_DIR to a folder inside it, e.g. OUTPUT_DIR=${path.join(shown, "site")}, and publish that folder`,
  );
}

/** A file where the build needs a folder (OUTPUT_DIR=notes.txt, or a path through one). */
async function folder(file: string, site: string): Promise<void> {
  if ((await stat(file)).isDirectory()) return;
  throw new ConfigError(
    `OUTPUT_DIR=${displayPath(site)}: ${displayPath(file)} is a file, not a folder: set OUTPUT_DIR to a folder, e.g. _site`,
  );
}

async function writable(folder: string, site: string): Promise<void> {
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw outputFolderError(error, site, folder) ?? error;
  }
}

/** A folder another file system is mounted on: its device differs from its parent's, or (a bind mount of the same file system) Linux lists it. */
async function isMountPoint(folder: string): Promise<boolean> {
  const [own, parent] = await Promise.all([stat(folder), stat(path.dirname(folder))]);
  if (own.dev !== parent.dev || own.ino === parent.ino) return true;
  const real = await realpath(folder);
  const mounts = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  // The fifth field is the mount point, with spaces and the like written as octal escapes.
  return mounts
    .split("\n")
    .some(
      (line) =>
        line.split(" ")[4]?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))) ===
        real,
    );
}
