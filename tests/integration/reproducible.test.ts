// The same content and build date give the same site, byte for byte, whatever
// the machine's time zone and locale; a build that dies midway leaves the
// previous site as it was; two builds racing into one folder leave one
// complete site.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FIXTURE_ARCHIVE, fixtureArchiveWithoutApi, startBuild, tempDir } from "../support/build-site.ts";
import { type CommandRun, hermetic, killGroup } from "../support/commands.ts";
import { listFiles, treeDigest } from "../support/site-files.ts";

const BUILD_LIMIT_MS = 60_000;
const BUILD_DATE = "2024-02-29";

/** `npm run build`'s command on the fixture archive, in its own process group (so that Pagefind's process can be killed with it). */
const startFixtureBuild = (outputDir: string, env: Record<string, string>) =>
  startBuild(FIXTURE_ARCHIVE, outputDir, { BUILD_DATE, ...env }, { limitMs: BUILD_LIMIT_MS });

const build = (outputDir: string, env: Record<string, string>) => startFixtureBuild(outputDir, env).done;

function expectBuilt(run: CommandRun): void {
  expect(run.stderr).toBe("");
  expect([run.code, run.signal]).toEqual([0, null]);
}

/** Files whose bytes differ between two trees, or that only one has. */
function differences(a: string, b: string): string[] {
  const digest = (dir: string, file: string) =>
    createHash("sha256")
      .update(readFileSync(path.join(dir, file)))
      .digest("hex");
  const [left, right] = [new Set(listFiles(a)), new Set(listFiles(b))];
  return [...new Set([...left, ...right])]
    .filter((f) => !left.has(f) || !right.has(f) || digest(a, f) !== digest(b, f))
    .sort();
}

/** Staging and displaced folders the build leaves next to an output folder. */
const leftovers = (outputDir: string) =>
  readdirSync(path.dirname(outputDir)).filter(
    (f) => f.startsWith(`${path.basename(outputDir)}.`) && /\.(building|previous)-/.test(f),
  );

/** The locale Node's Intl takes from an environment: proof that the variable reached ICU. */
async function intlLocale(env: Record<string, string>): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      "process.stdout.write(Intl.DateTimeFormat().resolvedOptions().locale + ' ' + new Date(Date.UTC(2024, 1, 29, 12)).toString())",
    ],
    {
      env: { ...hermetic(process.env), ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.on("close", resolve));
  return out;
}

let work: string;
/**
 * The site as one plain build makes it (UTC, C.UTF-8, an empty image cache),
 * the reference for every other build here: globalSetup builds it once for
 * the run (tests/support/fixture-site.ts). Read only.
 */
const { site: reference, run: referenceRun } = inject("fixtureSite");

beforeAll(async () => {
  expect(referenceRun.stderr).toBe("");
  expect(referenceRun.code).toBe(0);
  work = await tempDir("reproducible");
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe("builds on machines in other time zones and locales", () => {
  const MACHINES = {
    "UTC+14, C locale": { TZ: "Pacific/Kiritimati", LANG: "C", LC_ALL: "C" },
    "UTC-10, Turkish locale": { TZ: "America/Adak", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" },
    "UTC-10, German locale": { TZ: "America/Adak", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" },
  };

  it("reach Node: its Intl locale and local time follow TZ and LANG even where the OS has no such locale installed", async () => {
    expect(await intlLocale(MACHINES["UTC+14, C locale"])).toMatch(/ GMT\+1400 /);
    expect(await intlLocale(MACHINES["UTC-10, Turkish locale"])).toMatch(/^tr-TR .* GMT-1000 /);
    expect(await intlLocale(MACHINES["UTC-10, German locale"])).toMatch(/^de-DE .* GMT-1000 /);
  });

  it("give byte-identical trees: pages, images (each encoded afresh), API, feeds, calendar and the Pagefind index", {
    timeout: 3 * BUILD_LIMIT_MS,
  }, async () => {
    const outputs = Object.keys(MACHINES).map((_, i) => path.join(work, `machine-${i}`));
    // One after another: each build has the machine to itself, as on CI.
    for (const [i, env] of Object.values(MACHINES).entries())
      expectBuilt(await build(outputs[i]!, { ...env, CACHE_DIR: path.join(work, `cache-${i}`) }));

    // Nothing is left out of the comparison: every kind of output is in the tree.
    const files = listFiles(reference);
    for (const kind of [
      /^img\/.*\.avif$/,
      /^img\/.*\.webp$/,
      /^img\/.*\.jpg$/,
      /^img\/.*-social\.jpg$/,
      /^api\/v1\/events\//,
      /^api\/feed\/onthisday\//,
      /^api\/v1\/export\.ndjson$/,
      /^pagefind\/fragment\//,
      /^pagefind\/index\//,
      /^pagefind\/filter\//,
      /^pagefind\/pagefind-entry\.json$/,
      /^feed\.xml$/,
      /^calendar\.ics$/,
      /^sitemap\.xml$/,
      /^_headers$/,
    ]) {
      expect(
        files.some((f) => kind.test(f)),
        `no file matches ${kind}`,
      ).toBe(true);
    }
    for (const output of outputs) {
      expect(differences(reference, output), `${output} differs from ${reference}`).toEqual([]);
      expect(treeDigest(output)).toBe(treeDigest(reference));
    }
  });
});

describe("a build killed with SIGKILL midway", () => {
  /**
   * The site the killed build would replace is built for another day, so that
   * a kill that came too late (after the swap) would show as a changed tree.
   */
  const PREVIOUS = { BUILD_DATE: "2024-03-01" };

  /** The previous site, built once and copied for each kill. */
  let previousSite: Promise<string> | undefined;
  async function previousSiteAt(site: string): Promise<void> {
    previousSite ??= (async () => {
      const built = path.join(work, "previous");
      expectBuilt(await build(built, { ...PREVIOUS, CACHE_DIR: path.join(work, "cache-killed") }));
      return built;
    })();
    await cp(await previousSite, site, { recursive: true });
  }

  /** Starts a build over a finished site and kills its whole process group once `ready(staging)` says so. */
  async function killMidway(
    site: string,
    ready: (staging: string) => boolean,
  ): Promise<{ run: CommandRun; staging: string }> {
    const before = treeDigest(site);
    const running = startFixtureBuild(site, { CACHE_DIR: path.join(work, "cache-killed") });
    let staging: string | undefined;
    let finished = false;
    void running.done.then(() => (finished = true));
    while (!finished) {
      const folder = readdirSync(path.dirname(site)).find((f) => f.startsWith(`${path.basename(site)}.building-`));
      if (folder && ready(path.join(path.dirname(site), folder))) {
        staging = path.join(path.dirname(site), folder);
        killGroup(running.pid);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const run = await running.done;
    expect(staging, `the build finished before its staging folder was seen:\n${run.stdout}${run.stderr}`).toBeDefined();
    expect(run.signal).toBe("SIGKILL");
    expect(treeDigest(site)).toBe(before);
    return { run, staging: staging! };
  }

  it("as soon as its staging folder appears, leaves the previous site byte-identical", {
    timeout: 3 * BUILD_LIMIT_MS,
  }, async () => {
    const site = path.join(work, "killed-early");
    await previousSiteAt(site);
    const previous = treeDigest(site);
    expect(previous).not.toBe(treeDigest(reference));
    const { staging } = await killMidway(site, () => true);
    expect(treeDigest(site)).toBe(previous);
    // The half-written staging folder (and its search documents) is all that is left behind, beside the site and never in it.
    expect(leftovers(site).length).toBeGreaterThan(0);
    for (const left of leftovers(site))
      expect(left.startsWith(path.basename(staging).replace(/\.search$/, ""))).toBe(true);
    // The next build is not disturbed by it, and removes it.
    expectBuilt(await build(site, { CACHE_DIR: path.join(work, "cache-killed") }));
    expect(treeDigest(site)).toBe(treeDigest(reference));
    expect(leftovers(site)).toEqual([]);
  });

  it("while it writes images, the API and the search index, leaves the previous site byte-identical", {
    timeout: 3 * BUILD_LIMIT_MS,
  }, async () => {
    const site = path.join(work, "killed-late");
    await previousSiteAt(site);
    const previous = treeDigest(site);
    await killMidway(
      site,
      (staging) =>
        existsSync(path.join(staging, "api")) ||
        existsSync(path.join(staging, "pagefind")) ||
        existsSync(path.join(staging, "img")),
    );
    expect(treeDigest(site)).toBe(previous);
  });
});

describe("two builds started at once into the same OUTPUT_DIR", () => {
  /**
   * Whether racing builds leave one whole site does not depend on what it
   * holds: these eight builds leave out the API's 1,800 files, and are
   * compared with one build of the same archive alone.
   */
  let archive: string;
  let single: string;
  beforeAll(async () => {
    archive = await fixtureArchiveWithoutApi(path.join(work, "race-archive"));
    single = path.join(work, "race-single");
    expectBuilt(await buildWithoutApi(single, path.join(work, "cache-race-single")));
  }, BUILD_LIMIT_MS);
  const buildWithoutApi = (site: string, cacheDir: string) =>
    startBuild(archive, site, { BUILD_DATE, CACHE_DIR: cacheDir }, { limitMs: BUILD_LIMIT_MS }).done;

  const race = async (site: string, cacheDir: string) => {
    const runs = await Promise.all([buildWithoutApi(site, cacheDir), buildWithoutApi(site, cacheDir)]);
    for (const run of runs) expectBuilt(run);
    expect(leftovers(site)).toEqual([]);
    expect(differences(single, site)).toEqual([]);
    expect(treeDigest(site)).toBe(treeDigest(single));
  };

  it("with no site yet: both exit 0 and leave one complete site, the same as a single build", {
    timeout: 2 * BUILD_LIMIT_MS,
  }, async () => {
    // One empty image cache for both: they encode the same photos at the same time.
    await race(path.join(work, "race-new"), path.join(work, "cache-race-new"));
  });

  it("over an existing site, three times: both exit 0 and leave one complete site, the same as a single build", {
    timeout: 4 * BUILD_LIMIT_MS,
  }, async () => {
    const site = path.join(work, "race-existing");
    expectBuilt(await buildWithoutApi(site, path.join(work, "cache-race-existing")));
    for (let round = 0; round < 3; round++) await race(site, path.join(work, "cache-race-existing"));
  });
});
