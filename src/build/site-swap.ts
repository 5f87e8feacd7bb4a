// Replacing the published site in one step, and putting things right after a
// build that was killed while doing it. Every folder beside the site names the
// build that made it, so what dead builds left is told from what live ones use:
//
//   <site>.building-<pid>-<time>   the new site, being written
//   <site>.locking-<pid>-<time>    a lock being made: renamed to <site>.lock to take it
//   <site>.lock                    taken while swapping: holds one file, owner-<pid>
//   <site>.previous-<pid>-<time>   the old site, whole, between the two renames
//   <site>.removing-<pid>-<time>-<n>  an old site or leftover, being deleted: never put back
//   <site>.updating-<pid>-<time>  the journal of an update in place (updateInPlace): a later
//                                 build finishes what a dead one started, before anything else
//
// The old site a swap replaces is deleted by a process of its own
// (remove-folders.ts), which the build does not wait for; leftovers of dead
// builds are deleted by the build that finds them, before it builds.
//
// A `.previous-` folder gets its name only from the first rename, and loses it
// before its deletion starts: it is always a complete site.

import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { displayPath } from "../util/display-path.ts";
import { errorCode } from "../util/error-code.ts";
import { isRunning } from "../util/processes.ts";
import { outputFolderError } from "./output-folder.ts";

/** How long a build waits for a live build's lock before giving up. */
const LOCK_PATIENCE_MS = 60_000;

const unique = `${process.pid}-${Date.now()}`;
const besideSite = (site: string, kind: string) => `${site}.${kind}-${unique}`;

/**
 * Puts back a site a killed build had moved aside, and removes what dead
 * builds left. Run first, so a build that then fails leaves the site in place.
 */
export async function recoverSite(site: string): Promise<void> {
  if (!existsSync(path.dirname(site))) return;
  for (const folder of await withLock(site, () => recoverLocked(site))) await removeOrWarn(folder);
}

/** A fresh staging folder for the new site, beside the one it will replace. */
export async function createStaging(site: string): Promise<string> {
  const staging = besideSite(site, "building");
  try {
    await mkdir(path.dirname(site), { recursive: true });
    await mkdir(staging);
  } catch (error) {
    throw outputFolderError(error, site) ?? error;
  }
  return staging;
}

/**
 * Two renames: the old site is replaced whole, never merged into, and put back
 * if the second fails. Builds started at once take turns, holding the lock;
 * the old site is deleted in the background once it is released.
 */
export async function swapIn(staging: string, site: string): Promise<void> {
  const doomed = await withLock(site, async () => {
    testKill("locked");
    const doomed = await recoverLocked(site);
    const previous = besideSite(site, "previous");
    const hadSite = existsSync(site);
    try {
      if (hadSite) await rename(site, previous);
      testKill("set-aside");
      try {
        await rename(staging, site);
      } catch (error) {
        if (hadSite) await rename(previous, site);
        throw error;
      }
    } catch (error) {
      throw outputFolderError(error, site) ?? error;
    }
    testKill("swapped");
    if (hadSite) doomed.push(await renameForRemoval(site, previous));
    return doomed;
  });
  testKill("removing", doomed.at(-1));
  removeInBackground(doomed);
}

/** In a process that outlives this build: if it is cut short, the next build removes what is left. */
function removeInBackground(folders: readonly string[]): void {
  if (!folders.length) return;
  const remover = spawn(process.execPath, [path.join(import.meta.dirname, "remove-folders.ts"), ...folders], {
    detached: true,
    stdio: "ignore",
  });
  remover.on("error", () => {}); // nothing lost: the next build removes them
  remover.unref();
}

/** An update in place: the files of a partial site moved into the site, whole folders replaced, files removed. */
export interface SiteChanges {
  /** Site folders (search bundles) that the staging folder holds whole: they replace the site's. */
  readonly replaced: readonly string[];
  /** Site paths of files, and of folders (ending in "/"), that are no longer part of the site. */
  readonly removed: readonly string[];
}

interface Journal extends SiteChanges {
  readonly staging: string;
}

/**
 * Updates the site in place from a staging folder that holds only what
 * changed: each file is renamed over its old self, so the site is never
 * missing. A journal, written first, lets a later build finish an update
 * this one was killed in the middle of (recoverLocked), so that a site is
 * never left half-updated for long.
 */
export async function updateInPlace(
  staging: string,
  site: string,
  changes: SiteChanges,
  /** Run holding the lock, before anything changes: it may refuse by throwing. */
  claim: () => Promise<void>,
): Promise<void> {
  const doomed = await withLock(site, async () => {
    await claim();
    const doomed = await recoverLocked(site);
    const journal = besideSite(site, "updating");
    await writeFile(`${journal}.writing`, JSON.stringify({ staging, ...changes } satisfies Journal));
    await rename(`${journal}.writing`, journal);
    doomed.push(...(await applyJournal(site, journal)));
    return doomed;
  });
  removeInBackground(doomed);
}

/** Idempotent: run again after a kill, it does what is left. Returns the folders to remove. */
async function applyJournal(site: string, journal: string): Promise<string[]> {
  const { staging, replaced, removed } = JSON.parse(await readFile(journal, "utf8")) as Journal;
  const doomed: string[] = [];
  const inSite = (sitePath: string) => path.join(site, ...sitePath.split("/").filter(Boolean));
  for (const folder of replaced) {
    const fresh = path.join(staging, ...folder.split("/").filter(Boolean));
    if (!existsSync(fresh)) continue; // done before a kill
    if (existsSync(inSite(folder))) doomed.push(await renameForRemoval(site, inSite(folder)));
    await rename(fresh, inSite(folder));
  }
  await moveInto(staging, site);
  testKill("updating");
  for (const sitePath of removed) {
    if (sitePath.endsWith("/")) {
      if (existsSync(inSite(sitePath))) doomed.push(await renameForRemoval(site, inSite(sitePath)));
      continue;
    }
    await rm(inSite(sitePath), { force: true });
    // A page's folder goes with its page, if nothing else is in it.
    if (sitePath.endsWith("/index.html")) await rmdir(path.dirname(inSite(sitePath))).catch(() => {});
  }
  if (existsSync(staging)) doomed.push(await renameForRemoval(site, staging));
  await rm(journal, { force: true });
  return doomed;
}

/** Moves everything in `from` into `to`: a folder `to` lacks in one rename, a file over the one it replaces. */
async function moveInto(from: string, to: string): Promise<void> {
  for (const item of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, item.name), path.join(to, item.name)];
    if (item.isDirectory() && existsSync(target)) await moveInto(source, target);
    else await rename(source, target);
  }
}

/**
 * Under the lock: finishes the updates of dead builds, puts the newest `.previous-` site back if the site is
 * missing, and renames every other leftover to be removed by this build
 * (removing takes long, so that is done once the lock is released).
 */
async function recoverLocked(site: string): Promise<string[]> {
  const doomed: string[] = [];
  // A journal still being written (".writing") is of an update that never started: it is removed as a leftover.
  const journals = (await leftovers(site)).filter((l) => l.kind === "updating" && !l.path.endsWith(".writing"));
  for (const journal of journals.sort((a, b) => a.time - b.time)) {
    doomed.push(...(await applyJournal(site, journal.path)));
    console.warn(`warning: finished updating ${displayPath(site)}/, which a killed build had started.`);
  }
  const left = await leftovers(site);
  const previous = left.filter((l) => l.kind === "previous").sort((a, b) => b.time - a.time)[0];
  if (previous && !existsSync(site)) {
    await rename(previous.path, site);
    console.warn(
      `warning: ${displayPath(site)}/ was missing (a build was killed while swapping in its site): put back the site that was there before.`,
    );
  }
  for (const leftover of left) {
    // A dead build's remover may take its folder between the listing and the rename.
    const renamed = await renameForRemoval(site, leftover.path).catch((error: unknown) => {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    });
    if (renamed) doomed.push(renamed);
  }
  return doomed;
}

let removals = 0;

/** A name no other build will touch and no build will ever restore from. */
async function renameForRemoval(site: string, folder: string): Promise<string> {
  const doomed = `${besideSite(site, "removing")}-${++removals}`;
  await rename(folder, doomed);
  return doomed;
}

interface Leftover {
  readonly path: string;
  readonly kind: string;
  readonly time: number;
}

/** Folders beside the site made by builds that are no longer running. */
async function leftovers(site: string): Promise<Leftover[]> {
  const folder = path.dirname(site);
  const base = path.basename(site);
  const names = await readdir(folder).catch(() => []);
  return names.flatMap((name) => {
    const match = name.startsWith(`${base}.`)
      ? /^(building|locking|previous|removing|updating)-(\d+)-(\d+)/.exec(name.slice(base.length + 1))
      : null;
    if (!match || isRunning(Number(match[2]))) return [];
    return [{ path: path.join(folder, name), kind: match[1]!, time: Number(match[3]) }];
  });
}

/** The old site is out of sight: failing to delete it spoils nothing, but the editor should know. */
async function removeOrWarn(folder: string): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (error) {
    console.warn(
      `warning: ${displayPath(folder)}/ could not be removed (${errorCode(error) ?? error}): remove it yourself.`,
    );
  }
}

/**
 * The lock is a folder holding one file named after its owner's process id.
 * It is made whole under another name and renamed into place, so it never
 * exists without its owner. A lock whose owner is not running is taken over
 * at once: only the dead owner's file is deleted, and the folder only if that
 * left it empty, so two builds taking over the same lock cannot both succeed.
 */
async function withLock<T>(site: string, work: () => Promise<T>): Promise<T> {
  const lock = `${site}.lock`;
  const owner = `owner-${process.pid}`;
  const claim = besideSite(site, "locking");
  await mkdir(claim);
  await writeFile(path.join(claim, owner), "");
  testKill("claimed");
  const started = Date.now();
  for (;;) {
    try {
      await rename(claim, lock);
      break;
    } catch (error) {
      // Linux says ENOTEMPTY, others EEXIST or (Windows) EPERM.
      if (!["ENOTEMPTY", "EEXIST", "EPERM"].includes(errorCode(error) ?? "")) throw error;
    }
    const holders = await holdersUnlessDead(lock);
    if (holders && Date.now() - started > LOCK_PATIENCE_MS) {
      await rm(claim, { recursive: true, force: true });
      throw new Error(
        `${displayPath(lock)}/ has been held for a minute by ${holders.join(", ") || "no process named in it"}, still running: a build stuck while swapping in its site? ` +
          `Stop it, or remove the folder if no build is running.`,
      );
    }
    if (holders) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    return await work();
  } finally {
    await rm(path.join(lock, owner), { force: true });
    testKill("unlocking");
    await rmdir(lock).catch(() => {}); // already taken over by a build that found it empty
  }
}

/** Removes the lock if it is dead (its owner not running, or no owner); else says who holds it. */
async function holdersUnlessDead(lock: string): Promise<string[] | undefined> {
  const names = await readdir(lock).catch(() => undefined);
  if (!names) return undefined; // released meanwhile: try again
  const owners = names.map((name) => Number(/^owner-(\d+)$/.exec(name)?.[1]));
  if (owners.some((pid) => !Number.isInteger(pid) || isRunning(pid)))
    return names.map((name) => name.replace(/^owner-/, "process "));
  for (const name of names) await rm(path.join(lock, name), { force: true });
  await rmdir(lock).catch(() => {}); // a build that took it over meanwhile keeps it
  return undefined;
}

/**
 * For tests/hostile/killed-build.test.ts only: TEST_KILL_BUILD_AT=<step> kills this
 * build as the power going off would, right after that step. "removing" first
 * deletes part of the old site, to leave a deletion cut short.
 */
function testKill(step: string, removing?: string): void {
  if (process.env.TEST_KILL_BUILD_AT !== step) return;
  if (removing)
    for (const name of ["index.html", "assets"]) rmSync(path.join(removing, name), { recursive: true, force: true });
  process.kill(process.pid, "SIGKILL");
}
