// A build split across machines: `npm run build -- --shard K/N` on each, then
// the outputs copied into one folder, must give exactly the site one build
// gives, byte for byte: the run's shared build of the fixture archive
// (tests/support/fixture-site.ts), built in one go.
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BuildRun, buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";
import { FIXTURE_BUILD_ENV } from "../support/fixture-site.ts";
import { listFiles } from "../support/site-files.ts";

const SHARDS = 3;
/** The site one build writes, in one Eleventy run: read only. */
const { site: whole, run: wholeRun } = inject("fixtureSite");
let work: string;
const parts: string[] = [];
const runs: BuildRun[] = [];

// In the shared build's environment, and in runs of two events, which must not change a byte either.
const buildShard = (output: string, shard: string) =>
  buildSite(FIXTURE_ARCHIVE, output, { ...FIXTURE_BUILD_ENV, EVENTS_PER_RUN: "2" }, { args: ["--shard", shard] });

beforeAll(async () => {
  work = await tempDir("shards");
  for (let k = 1; k <= SHARDS; k++) parts.push(path.join(work, `shard-${k}`));
  runs.push(wholeRun, ...(await Promise.all(parts.map((dir, i) => buildShard(dir, `${i + 1}/${SHARDS}`)))));
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a sharded build", () => {
  it("builds each shard, saying which it is", () => {
    for (const run of runs) expect(run.stderr).toBe("");
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    for (let k = 1; k <= SHARDS; k++)
      expect(runs[k]!.stdout).toMatch(new RegExp(`^Built shard ${k} of ${SHARDS} into .+ in `, "m"));
  });

  it("writes each event page in exactly one shard, and everything else in the first", () => {
    const files = parts.map((dir) => listFiles(dir).filter((f) => !f.startsWith("assets/")));
    const events = files.map((list) => list.filter((f) => f.startsWith("events/")));
    for (const list of events) expect(list.length).toBeGreaterThan(0);
    expect(events.flat().length).toBe(new Set(events.flat()).size);
    for (const list of files.slice(1)) expect(list.filter((f) => !f.startsWith("events/"))).toEqual([]);
    expect(files[0]).toContain("pagefind/pagefind-entry.json");
    expect(files[0]).toContain("api/v1/export.ndjson");
  });

  it("merged, is the site one build writes, byte for byte", () => {
    const merged = new Map<string, string>();
    for (const dir of parts) {
      for (const file of listFiles(dir)) {
        const bytes = readFileSync(path.join(dir, file), "base64");
        // Only the stylesheet and scripts are in every shard, the same in each.
        if (merged.has(file)) expect(merged.get(file), file).toBe(bytes);
        merged.set(file, bytes);
      }
    }
    const expected = listFiles(whole);
    expect([...merged.keys()].sort()).toEqual([...expected].sort());
    for (const file of expected) expect(merged.get(file), file).toBe(readFileSync(path.join(whole, file), "base64"));
  });

  // Which shards are K of N: parseShard's unit test (tests/unit/render-plan.test.ts).
  it("refuses a shard that is not K of N, naming the option and the fix", async () => {
    const run = await runCli("src/cli/build.ts", { CONTENT_DIR: FIXTURE_ARCHIVE, OUTPUT_DIR: path.join(work, "bad") }, [
      "--shard",
      "4/3",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(`--shard: "4/3" is not a shard: give K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
    expect(existsSync(path.join(work, "bad"))).toBe(false);
  });
});
