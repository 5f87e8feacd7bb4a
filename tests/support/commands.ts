// Starts the project's commands (build, check, new, import, serve) exactly as
// `npm run <script>` runs them, with the node options package.json gives that
// script (require-node.js and its compile cache included), but without npm in
// between. Each runs in its own process group, which a time limit kills whole
// (Pagefind and Eleventy's children too), and keeps the start and the end of
// what it prints: some failures print megabytes.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ADDRESS_VARIABLES } from "../../src/site-address.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface CommandRun {
  /** null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Whether the time limit killed it. */
  readonly timedOut: boolean;
  readonly ms: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CommandOptions {
  /** Set on top of the test's own environment, made hermetic. */
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  /** A command that runs the rest (`setpriv …`, `unshare …`, `strace …`). */
  readonly wrapper?: readonly string[];
  /** The whole process group is killed after this. */
  readonly limitMs?: number;
}

export interface RunningCommand {
  /** Also the id of its process group. */
  readonly pid: number;
  /** Both streams as printed so far. */
  output(): string;
  readonly done: Promise<CommandRun>;
}

/** Longer than any test's own timeout: the limit is for a command a failed test left running. */
const DEFAULT_LIMIT_MS = 10 * 60_000;

/**
 * `npm run`'s command line for the script that runs `entry` (e.g. "src/cli/build.ts"):
 * the node options before the file and any arguments after it.
 */
export function scriptCommand(entry: string): { readonly options: string[]; readonly args: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  for (const command of Object.values(scripts)) {
    const [program, ...words] = command.split(/\s+/);
    const at = words.indexOf(entry);
    if (program === "node" && at >= 0) return { options: words.slice(0, at), args: words.slice(at + 1) };
  }
  throw new Error(`no npm script in package.json runs "node … ${entry}"`);
}

/**
 * The environment without what a CI service or host sets for the site's
 * address (CI=true on CI, Netlify's URL…): a test build's output and its
 * warnings depend only on what the test passes.
 */
export function hermetic(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const own = { ...env };
  for (const name of ["CI", ...ADDRESS_VARIABLES]) delete own[name];
  return own;
}

export function startCommand(entry: string, options: CommandOptions = {}): RunningCommand {
  const { env = {}, args = [], wrapper = [], limitMs = DEFAULT_LIMIT_MS } = options;
  const script = scriptCommand(entry);
  const [command, ...rest] = [...wrapper, process.execPath, ...script.options, entry, ...script.args, ...args];
  const started = performance.now();
  const child = spawn(command!, rest, {
    cwd: REPO_ROOT,
    env: { ...hermetic(process.env), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout = capped();
  const stderr = capped();
  const both = capped();
  for (const [stream, own] of [
    [child.stdout, stdout],
    [child.stderr, stderr],
  ] as const) {
    stream.on("data", (chunk: Buffer) => {
      own.add(chunk);
      both.add(chunk);
    });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid!);
  }, limitMs);
  const done = new Promise<CommandRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve({ code, signal, timedOut, ms, stdout: stdout.text(), stderr: stderr.text() });
    });
  });
  return { pid: child.pid!, output: both.text, done };
}

/** Runs `entry` to its end (see startCommand); `env` on top of the test's own, made hermetic. */
export function runCli(
  entry: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
  options: Omit<CommandOptions, "env" | "args"> = {},
): Promise<CommandRun> {
  return startCommand(entry, { ...options, env, args }).done;
}

/** SIGKILL to a command's whole process group (a no-op once it has gone). */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Gone already.
  }
}

/** The first `head` bytes of a stream and its last `tail`, decoded once the bytes are whole. */
function capped(head = 2 * 1024 * 1024, tail = 64 * 1024): { add(chunk: Buffer): void; text(): string } {
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  let end = Buffer.alloc(0);
  let decoded: string | undefined;
  return {
    add(chunk) {
      decoded = undefined;
      size += chunk.length;
      if (kept < head) {
        chunks.push(chunk);
        kept += chunk.length;
      } else end = Buffer.concat([end, chunk]).subarray(-tail);
    },
    text() {
      decoded ??= end.length
        ? `${Buffer.concat(chunks).toString("utf8")}\n[… ${size - kept - end.length} bytes left out …]\n${end.toString("utf8")}`
        : Buffer.concat(chunks).toString("utf8");
      return decoded;
    },
  };
}
