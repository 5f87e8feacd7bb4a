// Several integration files read the same builds of tests/fixtures/archive:
// vitest's globalSetup builds them once per run, side by side, and the files
// read them with inject("fixtureSite") and inject("hostedSite"). Tests must
// not write into them: one that needs a site to change works on a copy.
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
    hostedSite: FixtureSite;
  }
}

/** The environment of the shared build: the reference every reproducibility test compares with. */
export const FIXTURE_BUILD_ENV = { BUILD_DATE: "2024-02-29", TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } as const;

/** The address of the hosted build, which only the host's variables give it. */
export const HOSTED_ORIGIN = "https://history.netlify.app";
/**
 * What Netlify sets for a production deploy of a site with its own domain,
 * and CI=true as on the host, where a real address gives no warning.
 */
export const HOSTED_BUILD_ENV = {
  BUILD_DATE: "2024-02-29",
  CI: "true",
  NETLIFY: "true",
  CONTEXT: "production",
  URL: HOSTED_ORIGIN,
  DEPLOY_PRIME_URL: "https://main--history.netlify.app",
} as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = await tempDir("fixture-site");
  const build = async (name: string, env: Record<string, string>): Promise<FixtureSite> => {
    const site = path.join(work, name);
    // Each with an empty image cache of its own, as on a fresh machine.
    return {
      site,
      run: await buildSite(FIXTURE_ARCHIVE, site, { ...env, CACHE_DIR: path.join(work, `${name}-cache`) }),
    };
  };
  const [fixtureSite, hostedSite] = await Promise.all([
    build("site", FIXTURE_BUILD_ENV),
    build("hosted", HOSTED_BUILD_ENV),
  ]);
  project.provide("fixtureSite", fixtureSite);
  project.provide("hostedSite", hostedSite);
  return () => rm(work, { recursive: true, force: true });
}
