// A build killed while swapping in its site (a cancelled CI job, the OOM
// killer, the power going off) must leave the site that was there, or leave it
// whole beside the output folder for the next build to put back. The next
// build must not wait for a lock no running build holds, and must leave
// nothing beside the site.
//
// TEST_KILL_BUILD_AT=<step> makes the build kill itself with SIGKILL right after
// that step (src/build/site-swap.ts); the states the old code left when killed are
// also made by hand, as the issue found them.
import { execFile } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayPath } from "../../src/util/display-path.ts";
import { type BuildRun, buildSite, fixtureArchiveWithoutApi, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { treeDigest } from "../support/site-files.ts";

/** Below the minute the old code waited for a stuck lock: waiting at all fails the test. */
const TIMEOUT = 55_000;
/** What a build says after waiting a minute for a lock ("… has been there for a minute", now "… held for a minute by …"). */
const STUCK = /for a minute/;

let work: string;
/**
 * The fixture archive with the optional API off: swapping a site in does not
 * depend on what it holds, and the API's 1,800 files a build would otherwise
 * write (and the next delete) made each of the file's 17 builds twice as slow.
 */
let archive: string;
/** The same archive with one entry missing its date: the build stops before building. */
let broken: string;
/** What a normal build of `archive` writes. */
let complete: string;

beforeAll(async () => {
  work = await tempDir("killed-build");
  archive = await fixtureArchiveWithoutApi(path.join(work, "archive"));
  broken = path.join(work, "broken");
  await cp(archive, broken, { recursive: true });
  await writeFile(path.join(broken, "events", "undated.md"), "---\ntitle: No date\nsummary: Stops the build.\n---\n");
  const reference = path.join(work, "reference");
  const run = await buildSite(archive, reference);
  expect(run.code, run.stderr).toBe(0);
  complete = treeDigest(reference);
}, TIMEOUT);
afterAll(() => rm(work, { recursive: true, force: true }), TIMEOUT);

/** A site as a build made it, with one file more, so it can be told from the site the next build writes. */
async function siteBefore(site: string): Promise<string> {
  await cp(path.join(work, "reference"), site, { recursive: true });
  await writeFile(path.join(site, "before.txt"), "the site that was there before\n");
  return treeDigest(site);
}

/** Whatever lies beside the site, named after it (`site.lock`, `site.previous-…`). */
function beside(site: string): string[] {
  return readdirSync(path.dirname(site)).filter((name) => name.startsWith(`${path.basename(site)}.`));
}

/**
 * Nothing beside the site, once the process that deletes the old site
 * (src/build/remove-folders.ts, which the build does not wait for) is done.
 */
async function expectNothingBeside(site: string): Promise<void> {
  for (const started = Date.now(); beside(site).length && Date.now() - started < 20_000; )
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(beside(site)).toEqual([]);
}

/** The one folder beside the site whose name starts so. */
function besideNamed(site: string, prefix: string): string {
  const names = beside(site).filter((name) => name.startsWith(`${path.basename(site)}${prefix}`));
  expect(names).toHaveLength(1);
  return path.join(path.dirname(site), names[0]!);
}

/**
 * The builds after a kill: one that stops on a content error (so the site
 * it leaves is the one that was there, put back if need be), then a normal one.
 */
async function expectRecovery(site: string, standing: string): Promise<void> {
  const failed = await buildSite(broken, site);
  expect(failed.stderr).not.toMatch(STUCK);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(`Nothing was built; ${displayPath(site)}/ is unchanged.`);
  expect(treeDigest(site)).toBe(standing);
  expect(beside(site)).toEqual([]);

  const built: BuildRun = await buildSite(archive, site);
  expect(built.stderr).not.toMatch(STUCK);
  expect(built.code).toBe(0);
  expect(treeDigest(site)).toBe(complete);
  await expectNothingBeside(site);
}

describe("a build killed at each step of swapping in its site", () => {
  let case_ = 0;
  async function killedAt(step: string): Promise<{ site: string; before: string }> {
    const site = path.join(work, `killed-${++case_}`, "site");
    await mkdir(path.dirname(site));
    const before = await siteBefore(site);
    const killed = await buildSite(archive, site, { TEST_KILL_BUILD_AT: step });
    expect([killed.code, killed.signal]).toEqual([null, "SIGKILL"]);
    expect(killed.stdout).not.toMatch(/^Built /m);
    return { site, before };
  }

  /** Each step, what the kill leaves (`before`: the old site's digest), and which site the next build must leave standing. */
  const kills: {
    step: string;
    when: string;
    left: (site: string, before: string) => void;
    stands: "before" | "new";
  }[] = [
    {
      step: "claimed",
      when: "while making its lock, before taking it: the site stands, the next builds go ahead",
      left: (site) => besideNamed(site, ".locking-"),
      stands: "before",
    },
    {
      step: "locked",
      when: "right after taking the lock: the site stands, the dead build's lock is taken over at once",
      left: (site) => {
        expect(readdirSync(besideNamed(site, ".lock"))).toEqual([expect.stringMatching(/^owner-\d+$/)]);
        besideNamed(site, ".building-");
      },
      stands: "before",
    },
    {
      step: "set-aside",
      when: "between its two renames: no site, the old one whole beside it, put back by the next build",
      left: (site, before) => {
        expect(existsSync(site)).toBe(false);
        expect(treeDigest(besideNamed(site, ".previous-"))).toBe(before);
        besideNamed(site, ".lock");
      },
      stands: "before",
    },
    {
      step: "swapped",
      when: "right after the second rename: the new site stands, the old one beside it is removed",
      left: (site, before) => {
        expect(treeDigest(besideNamed(site, ".previous-"))).toBe(before);
        besideNamed(site, ".lock");
      },
      stands: "new",
    },
    {
      step: "removing",
      when: "while deleting the old site: the new site stands, the half-deleted one is never put back",
      left: (site) => {
        const half = besideNamed(site, ".removing-");
        expect(existsSync(path.join(half, "before.txt"))).toBe(true);
        expect(existsSync(path.join(half, "index.html"))).toBe(false);
      },
      stands: "new",
    },
    {
      step: "unlocking",
      when: "while releasing the lock: an empty lock folder is taken over at once",
      left: (site) => expect(readdirSync(besideNamed(site, ".lock"))).toEqual([]),
      stands: "before",
    },
  ];

  it.each(kills)(
    "$when",
    async ({ step, left, stands }) => {
      const { site, before } = await killedAt(step);
      const standing = stands === "before" ? before : complete;
      if (step !== "set-aside") expect(treeDigest(site)).toBe(standing);
      left(site, before);
      await expectRecovery(site, standing);
    },
    TIMEOUT,
  );

  it(
    "two builds started at once after a kill: both take the dead build's lock in turn and succeed",
    async () => {
      const { site } = await killedAt("locked");
      const runs = await Promise.all([buildSite(archive, site), buildSite(archive, site)]);
      for (const run of runs) {
        expect(run.stderr).not.toMatch(STUCK);
        expect(run.code).toBe(0);
      }
      expect(treeDigest(site)).toBe(complete);
      await expectNothingBeside(site);
    },
    TIMEOUT,
  );
});

describe("what the old code left when killed, as the issue found it", () => {
  let case_ = 0;
  /** A process id that was used and is free again: the owner of what a killed build left. */
  async function deadPid(): Promise<number> {
    const child = execFile(process.execPath, ["-e", ""]);
    await once(child, "exit");
    return child.pid!;
  }
  async function leftBy(make: (site: string, pid: number) => Promise<void>): Promise<{ site: string; before: string }> {
    const site = path.join(work, `left-${++case_}`, "site");
    await mkdir(path.dirname(site));
    const before = await siteBefore(site);
    await make(site, await deadPid());
    return { site, before };
  }

  it(
    "killed between its renames: no site, the lock, the old site as .previous- and the staging folder",
    async () => {
      const { site, before } = await leftBy(async (site, pid) => {
        await cp(path.join(work, "reference"), `${site}.building-${pid}-1000`, { recursive: true });
        await cp(site, `${site}.previous-${pid}-1000`, { recursive: true });
        await rm(site, { recursive: true });
        await mkdir(`${site}.lock`);
      });
      await expectRecovery(site, before);
    },
    TIMEOUT,
  );

  it(
    "killed while deleting the old site: an empty lock folder and half an old site",
    async () => {
      const { site, before } = await leftBy(async (site, pid) => {
        await mkdir(`${site}.previous-${pid}-1000`);
        await writeFile(`${site}.previous-${pid}-1000/sitemap.xml`, "");
        await mkdir(`${site}.lock`);
      });
      await expectRecovery(site, before);
    },
    TIMEOUT,
  );
});

describe("the old site's remover (src/build/remove-folders.ts), which the build does not wait for", () => {
  it(
    "deletes the folders it is given, and passes over one a build took over meanwhile",
    async () => {
      const site = path.join(work, "remover", "site");
      const doomed = [`${site}.removing-1-1000-1`, `${site}.removing-1-1000-2`];
      await cp(path.join(work, "reference"), doomed[0]!, { recursive: true });
      const taken = `${site}.removing-1-1000-3`; // never made: another build renamed it first
      const remover = execFile(process.execPath, [
        path.join(REPO_ROOT, "src/build/remove-folders.ts"),
        ...doomed,
        taken,
      ]);
      const [code] = (await once(remover, "exit")) as [number];
      expect(code).toBe(0);
      expect(readdirSync(path.dirname(site))).toEqual([]);
    },
    TIMEOUT,
  );
});
