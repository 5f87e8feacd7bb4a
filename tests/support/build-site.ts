// Runs `npm run build`'s command as CI would, against any content folder.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const FIXTURE_ARCHIVE = path.join(REPO_ROOT, "tests/fixtures/archive");

export interface BuildRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(script: string, env: Record<string, string>, args: string[] = []): Promise<BuildRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Encoded images are content-addressed, so every test build may share one cache outside the repository. */
export const TEST_IMAGE_CACHE = path.join(os.tmpdir(), "onthisday-test-image-cache");

export function buildSite(contentDir: string, outputDir: string, env: Record<string, string> = {}): Promise<BuildRun> {
  return runCli("src/cli/build.ts", {
    CONTENT_DIR: contentDir,
    OUTPUT_DIR: outputDir,
    BUILD_DATE: "2024-02-29",
    CACHE_DIR: TEST_IMAGE_CACHE,
    ...env,
  });
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `onthisday-${prefix}-`));
}
