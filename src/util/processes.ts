// The machine's processes, read from /proc (Linux; none elsewhere): for the
// benchmark's memory of a whole process tree, for npm start to notice that
// npm has gone, and for tests that check no child process is left running.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { errorCode } from "./error-code.ts";

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
      const info = processInfo(Number(pid));
      return info ? [info] : [];
    });
}

/** One process, if it exists and /proc does. */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    // The command name is in parentheses and may contain spaces.
    const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(readFileSync(`/proc/${pid}/stat`, "utf8").trim())!;
    const fields = rest!.split(" ");
    return { pid, parent: Number(fields[1]), name: name!, state: fields[0]!, rssBytes: Number(fields[21]) * 4096 };
  } catch {
    return undefined; // gone, ended while being read, or no /proc
  }
}

/** Whether a process runs (on any system): signal 0 checks without sending anything. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === "EPERM";
  }
}
