// Runs `npm run build`'s command as CI would, against any content folder.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type CommandOptions, type CommandRun, REPO_ROOT, type RunningCommand, startCommand } from "./commands.ts";

export const FIXTURE_ARCHIVE = path.join(REPO_ROOT, "tests/fixtures/archive");
/**
 * A frozen copy of the example archive in content/, used as a reader fixture:
 * content/ belongs to the editors, so no test but the one that checks any
 * valid archive (tests/e2e/any-valid-archive.test.ts) reads it.
 */
export const EXAMPLE_ARCHIVE = path.join(REPO_ROOT, "tests/fixtures/example-archive");

export type BuildRun = CommandRun;

/** Encoded images are content-addressed, so every test build may share one cache outside the repository. */
export const TEST_IMAGE_CACHE = path.join(os.tmpdir(), "onthisday-test-image-cache");

/** A build of `contentDir` into `outputDir` for a fixed day, sharing the test image cache unless `env` says otherwise. */
export function startBuild(
  contentDir: string,
  outputDir: string,
  env: Record<string, string> = {},
  options: Omit<CommandOptions, "env"> = {},
): RunningCommand {
  return startCommand("src/cli/build.ts", {
    ...options,
    env: {
      CONTENT_DIR: contentDir,
      OUTPUT_DIR: outputDir,
      BUILD_DATE: "2024-02-29",
      CACHE_DIR: TEST_IMAGE_CACHE,
      ...env,
    },
  });
}

export function buildSite(
  contentDir: string,
  outputDir: string,
  env: Record<string, string> = {},
  options: Omit<CommandOptions, "env"> = {},
): Promise<BuildRun> {
  return startBuild(contentDir, outputDir, env, options).done;
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `onthisday-${prefix}-`));
}

/**
 * A copy of the fixture archive in `dir` with the optional API off: for tests
 * of what does not depend on what a site holds (swapping it in, locks), whose
 * many builds would otherwise each write and delete the API's 1,800 files.
 */
export async function fixtureArchiveWithoutApi(dir: string): Promise<string> {
  await cp(FIXTURE_ARCHIVE, dir, { recursive: true });
  const settings = path.join(dir, "site.json");
  const site = JSON.parse(await readFile(settings, "utf8")) as { api?: unknown };
  site.api = { eventDocuments: false, export: false, onThisDay: false, calendar: false };
  await writeFile(settings, JSON.stringify(site));
  return dir;
}
