// The two sites the browser suite reads: the example archive (a frozen copy of
// content/ in tests/fixtures/example-archive, so editors' changes to content/
// never fail these tests; "today" fixed to June 12, the Singapore summit) and the fixture archive
// (which has real photo files), each built as CI builds it and served on loopback.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, EXAMPLE_ARCHIVE, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";

export interface BuiltSite extends StaticSite {
  readonly dir: string;
  /** BUILD_DATE: the site's "today". */
  readonly buildDate: string;
}

export interface BuiltSites {
  readonly example: BuiltSite;
  readonly fixture: BuiltSite;
  close(): Promise<void>;
}

export async function buildAndServe(): Promise<BuiltSites> {
  const work = await tempDir("e2e");
  const build = async (content: string, name: string, buildDate: string): Promise<BuiltSite> => {
    const dir = path.join(work, name);
    const run = await buildSite(content, dir, { BUILD_DATE: buildDate });
    expect(run.stderr).toBe("");
    return { ...(await serveStatic(dir)), dir, buildDate };
  };
  // Side by side: each build spends much of its time on one core.
  const [example, fixture] = await Promise.all([
    build(EXAMPLE_ARCHIVE, "example", "2026-06-12"),
    build(FIXTURE_ARCHIVE, "fixture", "2024-02-29"),
  ]);
  return {
    example,
    fixture,
    async close() {
      await Promise.all([example.close(), fixture.close()]);
      await rm(work, { recursive: true, force: true });
    },
  };
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, "test-results", "screenshots");

/**
 * Builds and serves both sites and starts Chromium once for a test file, and
 * closes them after it. The getters are valid inside tests.
 */
export function useSitesInBrowser(): { readonly sites: BuiltSites; readonly browser: Browser } {
  let sites: BuiltSites | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [sites, browser] = await Promise.all([buildAndServe(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sites?.close();
  });
  return {
    get sites() {
      return sites!;
    },
    get browser() {
      return browser!;
    },
  };
}
