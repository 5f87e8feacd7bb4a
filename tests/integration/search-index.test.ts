// The search index's own thread, driven directly: it writes a bundle per
// shard into the site folder and its documents beside it, removes them when
// done, and when a failed build cancels it, Pagefind stops at once and
// nothing is left behind.
import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Archive } from "../../src/archive/archive.ts";
import { loadArchive } from "../../src/archive/load-archive.ts";
import { searchBundles, startSearchIndex } from "../../src/search/search-index.ts";
import { processes } from "../../src/util/processes.ts";
import { EXAMPLE_ARCHIVE, tempDir } from "../support/build-site.ts";

let work: string;
let archive: Archive;

beforeAll(async () => {
  work = await tempDir("search-index");
  // The frozen copy of the example archive, not content/, which editors change.
  const loaded = await loadArchive(EXAMPLE_ARCHIVE, { buildDate: { year: 2024, month: 2, day: 29 } });
  expect(loaded.archive).toBeDefined();
  archive = loaded.archive!;
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Pagefind processes this test process started and that still run. */
function pagefindChildren(): number[] {
  return processes()
    .filter((p) => p.name.startsWith("pagefind") && p.parent === process.pid && p.state !== "Z")
    .map((p) => p.pid);
}

describe("the search index", () => {
  it("writes a bundle per shard into the site folder and removes its documents", async () => {
    const site = path.join(work, "whole");
    const perShard = 20;
    await startSearchIndex(archive, "en", site, perShard).done;
    const bundles = searchBundles(archive.events.length, perShard);
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(site).sort()).toEqual(bundles.map((b) => b.slice(0, -1)).sort());
    for (const bundle of bundles) expect(existsSync(path.join(site, bundle, "pagefind-entry.json")), bundle).toBe(true);
    expect(existsSync(`${site}.search`)).toBe(false);
    // Pagefind is told to stop as the last shard is written; it may take a moment to go.
    await expect.poll(pagefindChildren).toEqual([]);
  });

  it("stops Pagefind at once when cancelled, and leaves no documents", { timeout: 20_000 }, async () => {
    const site = path.join(work, "cancelled");
    // A shard of two events each: Pagefind starts many times, so it is caught running.
    const indexing = startSearchIndex(archive, "en", site, 2);
    await expect.poll(pagefindChildren, { interval: 5, timeout: 10_000 }).not.toEqual([]);
    await indexing.cancel();
    await expect(indexing.done).rejects.toThrow();
    await expect.poll(pagefindChildren, { interval: 5, timeout: 1000 }).toEqual([]);
    expect(existsSync(`${site}.search`)).toBe(false);
    // It stopped before the last shard.
    expect(existsSync(path.join(site, searchBundles(archive.events.length, 2).at(-1)!))).toBe(false);
  });
});
