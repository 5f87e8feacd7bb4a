// Runs `npm run build`'s command as CI would, against any content folder.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ADDRESS_VARIABLES } from "../../src/site-address.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURE_ARCHIVE = path.join(REPO_ROOT, "tests/fixtures/archive");
/**
 * A frozen copy of the example archive in content/, used as a reader fixture:
 * content/ belongs to the editors, so no test but the one that checks any
 * valid archive (tests/e2e/any-valid-archive.test.ts) reads it.
 */
export const EXAMPLE_ARCHIVE = path.join(REPO_ROOT, "tests/fixtures/example-archive");

export interface BuildRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `wrapper`: a command that runs the rest (`setpriv …`, `unshare …`, `strace …`). */
export async function runCli(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
  wrapper: readonly string[] = [],
): Promise<BuildRun> {
  const [command, ...rest] = [...wrapper, process.execPath, path.join(REPO_ROOT, script), ...args];
  try {
    const { stdout, stderr } = await promisify(execFile)(command!, rest, {
      cwd: REPO_ROOT,
      env: { ...hermetic(process.env), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
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

/** Encoded images are content-addressed, so every test build may share one cache outside the repository. */
export const TEST_IMAGE_CACHE = path.join(os.tmpdir(), "onthisday-test-image-cache");

export function buildSite(
  contentDir: string,
  outputDir: string,
  env: Record<string, string> = {},
  wrapper: readonly string[] = [],
): Promise<BuildRun> {
  return runCli(
    "src/cli/build.ts",
    { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, BUILD_DATE: "2024-02-29", CACHE_DIR: TEST_IMAGE_CACHE, ...env },
    [],
    wrapper,
  );
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `onthisday-${prefix}-`));
}
