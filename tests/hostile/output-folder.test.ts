// An output folder the build cannot replace (read-only, not this user's, a
// mount point) stops the build with one line naming the folder, what is wrong
// and what to do; exit status 1, and the site that was there stays as it was.
//
// The tests run as root, which may write anywhere, so each makes the folder
// unwritable for real: a read-only bind mount or a tmpfs in a mount namespace
// of the build's own (unshare), the build run as user nobody (setpriv), or the
// error injected into one rename by strace.

import { readdirSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildRun, buildSite, fixtureArchiveWithoutApi, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { treeDigest } from "../support/site-files.ts";

const TIMEOUT = 60_000;
const NOBODY = 65534;

let work: string;
let archive: string;
let reference: string;

beforeAll(async () => {
  work = await tempDir("output-folder");
  // User nobody must reach the folders made for it.
  await chmod(work, 0o755);
  // The fixture archive without its API: which folders the build refuses does not depend on
  // what the site holds, and each case copies the site (a third of the files) and compares it.
  archive = await fixtureArchiveWithoutApi(path.join(work, "archive"));
  reference = path.join(work, "reference");
  const run = await buildSite(archive, reference);
  expect(run.code, run.stderr).toBe(0);
}, TIMEOUT);
afterAll(() => rm(work, { recursive: true, force: true }), TIMEOUT);

/** `npm run build`'s command on the fixture archive, started through `wrapper`: a mount namespace, another user, strace. */
const buildThrough = (wrapper: string[], site: string) => buildSite(archive, site, {}, { wrapper });

/** Runs the build in a mount namespace of its own after `mounts` (a shell command on "$0", the folder): the mount ends with the build. */
const inMountNamespace = (mounts: string, folder: string) => [
  "unshare",
  "--mount",
  "--propagation",
  "private",
  "sh",
  "-c",
  `${mounts} && exec "$@"`,
  folder,
];
const readOnly = (folder: string) =>
  inMountNamespace(`mount --bind "$0" "$0" && mount -o remount,bind,ro "$0"`, folder);
const asNobody = ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"];
/** Makes the first rename of the site's own path (moving it aside) fail with `errno`, and nothing else. */
const failingRename = (site: string, errno: string) => [
  "strace",
  "-f",
  // Stops the build only at renames, not at each of its system calls.
  "--seccomp-bpf",
  "-qq",
  "-o",
  "/dev/null",
  "-P",
  site,
  "-e",
  "trace=rename",
  "-e",
  `inject=rename:error=${errno}:when=1`,
];

const shown = (file: string) => path.relative(REPO_ROOT, file);

/** A built site in `folder`, with the digest it must keep. */
async function siteIn(folder: string): Promise<{ site: string; digest: string }> {
  await mkdir(folder, { recursive: true });
  const site = path.join(folder, "site");
  await cp(reference, site, { recursive: true });
  await writeFile(path.join(site, "before.txt"), "the site that was there before\n");
  return { site, digest: treeDigest(site) };
}

function expectRefused(run: BuildRun, lines: string[]): void {
  expect(run.stderr.split("\n").filter((line) => line && !line.startsWith("[11ty]"))).toEqual(lines);
  expect(run.code).toBe(1);
  expect(run.stdout).not.toMatch(/^Built /m);
}

/** The site as it was, and nothing of the build beside it. */
function expectUntouched(site: string, digest: string): void {
  expect(treeDigest(site)).toBe(digest);
  expect(readdirSync(path.dirname(site)).filter((name) => name.startsWith("site."))).toEqual([]);
}

const readOnlyFix = "set OUTPUT_DIR to a folder on a disk that can be written, or mount this one read-write";
const permissionFix = "set OUTPUT_DIR to a folder this user can write, or give this user write permission on that one";
const mountPointLine = (site: string) =>
  `OUTPUT_DIR=${shown(site)}: the folder is a mount point, and the build replaces the output folder whole (it builds beside it, then swaps the two), ` +
  `which cannot be done to a mount point: set OUTPUT_DIR to a folder inside it, e.g. OUTPUT_DIR=${shown(site)}/site, and publish that folder`;

describe("an output folder that cannot be written is refused before the build, naming the folder", () => {
  it(
    "on a read-only file system (its parent folder mounted read-only)",
    async () => {
      const parent = path.join(work, "read-only-parent");
      const { site, digest } = await siteIn(parent);
      const run = await buildThrough(readOnly(parent), site);
      expectRefused(run, [
        `OUTPUT_DIR=${shown(site)}: the folder ${shown(parent)}/ cannot be written (EROFS: read-only file system): ${readOnlyFix}`,
      ]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );

  it(
    "on a read-only file system, a folder not yet made inside it",
    async () => {
      const parent = path.join(work, "read-only-deeper");
      await mkdir(parent);
      const site = path.join(parent, "not", "yet", "site");
      const run = await buildThrough(readOnly(parent), site);
      expectRefused(run, [
        `OUTPUT_DIR=${shown(site)}: the folder ${shown(parent)}/ cannot be written (EROFS: read-only file system): ${readOnlyFix}`,
      ]);
      expect(readdirSync(parent)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "itself mounted read-only",
    async () => {
      const { site, digest } = await siteIn(path.join(work, "read-only-site"));
      const run = await buildThrough(readOnly(site), site);
      expectRefused(run, [
        `OUTPUT_DIR=${shown(site)}: the folder ${shown(site)}/ cannot be written (EROFS: read-only file system): ${readOnlyFix}`,
      ]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );

  it(
    "in a folder this user may not write",
    async () => {
      const parent = path.join(work, "not-yours");
      const { site, digest } = await siteIn(parent);
      const run = await buildThrough(asNobody, site);
      expectRefused(run, [
        `OUTPUT_DIR=${shown(site)}: the folder ${shown(parent)}/ cannot be written (EACCES: permission denied): ${permissionFix}`,
      ]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );

  it(
    "a site folder this user may not change, in a folder it may write",
    async () => {
      const parent = path.join(work, "site-not-yours");
      const { site, digest } = await siteIn(parent);
      await chown(parent, NOBODY, NOBODY);
      const run = await buildThrough(asNobody, site);
      expectRefused(run, [
        `OUTPUT_DIR=${shown(site)}: the folder ${shown(site)}/ cannot be written (EACCES: permission denied): ${permissionFix}`,
      ]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );
});

describe("an output folder that is a file, or under one, is refused before the build", () => {
  it.each([
    ["a file", (file: string) => file],
    ["a path through a file", (file: string) => path.join(file, "site")],
  ])("%s", async (name, outputOf) => {
    const file = path.join(work, `${name.replace(/\W+/g, "-")}.txt`);
    await writeFile(file, "notes\n");
    const site = outputOf(file);
    const run = await buildSite(archive, site);
    expectRefused(run, [
      `OUTPUT_DIR=${shown(site)}: ${shown(file)} is a file, not a folder: set OUTPUT_DIR to a folder, e.g. _site`,
    ]);
    expect(await readFile(file, "utf8")).toBe("notes\n");
  });
});

describe("an output folder that is a mount point is refused before the build", () => {
  it(
    "a folder bind-mounted on itself (the same file system)",
    async () => {
      const { site, digest } = await siteIn(path.join(work, "bind-mount"));
      const run = await buildThrough(inMountNamespace(`mount --bind "$0" "$0"`, site), site);
      expectRefused(run, [mountPointLine(site)]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );

  it(
    "a tmpfs mounted on it (another file system)",
    async () => {
      const site = path.join(work, "tmpfs", "site");
      await mkdir(site, { recursive: true });
      const run = await buildThrough(inMountNamespace(`mount -t tmpfs onthisday-test "$0"`, site), site);
      expectRefused(run, [mountPointLine(site)]);
      expect(readdirSync(path.dirname(site))).toEqual(["site"]);
    },
    TIMEOUT,
  );
});

describe("the same error met while swapping in the site leaves the previous site in place", () => {
  it(
    "EBUSY on moving the old site aside (a mount point the check could not see)",
    async () => {
      const { site, digest } = await siteIn(path.join(work, "busy"));
      const run = await buildThrough(failingRename(site, "EBUSY"), site);
      expectRefused(run, [mountPointLine(site), `The build failed; ${shown(site)}/ is unchanged.`]);
      expectUntouched(site, digest);
    },
    TIMEOUT,
  );
});
