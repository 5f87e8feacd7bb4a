// Several integration files read the same build of tests/fixtures/archive:
// vitest's globalSetup builds it once per run, as reproducible.test.ts's
// reference machine (UTC, C.UTF-8, an empty image cache), and the files read
// it with inject("fixtureSite"). Tests must not write into it: one that needs
// a site to change works on a copy.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type BuildRun, buildSite, FIXTURE_ARCHIVE, tempDir } from "./build-site.ts";

export interface FixtureSite {
  /** The built site. */
  readonly site: string;
  /** The build's own run: its exit status and what it printed. */
  readonly run: BuildRun;
}

declare module "vitest" {
  export interface ProvidedContext {
    fixtureSite: FixtureSite;
  }
}

/** The environment of the shared build: the reference every reproducibility test compares with. */
export const FIXTURE_BUILD_ENV = { BUILD_DATE: "2024-02-29", TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await tempDir("fixture-site");
  const site = path.join(work, "site");
  const run = await buildSite(FIXTURE_ARCHIVE, site, { ...FIXTURE_BUILD_ENV, CACHE_DIR: path.join(work, "cache") });
  project.provide("fixtureSite", { site, run });
  return () => rm(work, { recursive: true, force: true });
}
