// When each entry joined the archive, from git: the date of the commit that
// added its file. One `git log` for the whole folder; no git, no dates.
import { execFileSync } from "node:child_process";
import path from "node:path";

/** Absolute entry path → "YYYY-MM-DD" of the commit that added it. */
export function gitAddedDates(folder: string): Map<string, string> {
  const dates = new Map<string, string>();
  try {
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: folder,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const log = execFileSync("git", ["log", "--diff-filter=A", "--name-only", "--format=%x00%as", "--", "."], {
      cwd: folder,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    // Newest commit first: a file added, removed and added again keeps its latest date.
    for (const record of log.split("\0").slice(1)) {
      const [date, ...files] = record.split("\n").filter(Boolean);
      for (const file of files) {
        const absolute = path.join(top, file);
        if (date && !dates.has(absolute)) dates.set(absolute, date);
      }
    }
  } catch {
    // Not a git checkout, or git is missing: entries fall back to front-matter or the build date.
  }
  return dates;
}
