// The machine's processes, read from /proc (Linux; none elsewhere): for the
// benchmark's memory of a whole process tree, and for tests that check no
// child process is left running.
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface ProcessInfo {
  readonly pid: number;
  readonly parent: number;
  /** The command name, at most 15 characters ("pagefind_extend"). */
  readonly name: string;
  /** "R" running, "S" sleeping, "Z" ended but not yet reaped, … */
  readonly state: string;
  readonly rssBytes: number;
}

export function processes(): ProcessInfo[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // The command name is in parentheses and may contain spaces.
        const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(readFileSync(`/proc/${pid}/stat`, "utf8").trim())!;
        const fields = rest!.split(" ");
        return [{ pid: Number(pid), parent: Number(fields[1]), name: name!, state: fields[0]!, rssBytes: Number(fields[21]) * 4096 }];
      } catch {
        return []; // ended while being read
      }
    });
}
