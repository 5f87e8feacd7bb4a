// A build after entries changed updates the last build's site in place
// (src/build/update-site.ts). Whatever the edits, the site it leaves must be
// byte for byte the site a clean build of the same content writes.
import { readFileSync } from "node:fs";
import { cp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { listFiles } from "../support/site-files.ts";

let work: string;
let content: string;
let events: string;
// Several search bundles, so that one is rewritten and the others kept.
const env = () => ({ CACHE_DIR: path.join(work, "cache"), EVENTS_PER_SEARCH_SHARD: "4" });

beforeAll(async () => {
  work = await tempDir("update-site");
  content = path.join(work, "content");
  events = path.join(content, "events");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The files that differ between two sites: missing from one, or with other bytes. */
function differences(a: string, b: string): string[] {
  const [inA, inB] = [listFiles(a), listFiles(b)];
  const all = [...new Set([...inA, ...inB])].sort();
  const [hasA, hasB] = [new Set(inA), new Set(inB)];
  return all.filter(
    (file) =>
      !hasA.has(file) || !hasB.has(file) || !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))),
  );
}

let cleanBuilds = 0;
/** Builds the content into `site` (updating it) and afresh beside it; returns the first build's report. */
async function buildAndCompare(site: string, extra: Record<string, string> = {}): Promise<string> {
  const clean = path.join(work, `clean-${++cleanBuilds}`);
  const [updated, fresh] = await Promise.all([
    buildSite(content, site, { ...env(), ...extra }),
    buildSite(content, clean, env()),
  ]);
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(differences(site, clean)).toEqual([]);
  await rm(clean, { recursive: true, force: true });
  return `${updated.stdout}${updated.stderr}`;
}

/** A small deterministic random source (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const entryFiles = async () => (await readdir(events)).filter((name) => name.endsWith(".md")).sort();

describe("a build after entries changed", () => {
  it("updates the site in place, and leaves what a clean build writes, after random edits, additions and deletions", async () => {
    const site = path.join(work, "site");
    expect(await buildAndCompare(site)).toMatch(/^Built /m);
    const seed = Number(process.env.UPDATE_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let additions = 0;
    /** Each change to an entry file: its new text, or undefined when it writes or removes files itself. */
    const changes: Record<string, (file: string, text: string) => Promise<string | undefined>> = {
      title: async (_, text) => text.replace(/^title: (.*)$/m, `title: $1 ${Math.floor(next() * 1000)}`),
      // Another day, year and century: its old and new day, month, year and search bundle change.
      date: async (_, text) => {
        const [year, month, day] = [1000 + next() * 1000, 1 + next() * 9, 10 + next() * 9].map(Math.floor);
        return text.replace(/^date: .*$/m, `date: ${year}-0${month}-${day}`);
      },
      topic: async (_, text) =>
        /^topics: \[/m.test(text)
          ? text.replace(/^topics: \[/m, "topics: [ruins, ")
          : text.replace(/^date:/m, "topics: [ruins]\ndate:"),
      // Another image: the old one's renditions go, the new one's come, on its pages and /credits/.
      photo: async (_, text) =>
        text.replace(/src: photos\/(handshake|flags)\.png/, (_, name) =>
          name === "handshake" ? "src: photos/flags.png" : "src: photos/handshake.png",
        ),
      // A word no entry had: every search bundle's vocabulary changes.
      word: async (_, text) => `${text}\nA word never seen: zyx${Math.floor(next() * 1e6)}.\n`,
      add: async (_, text) => {
        const copy = text.replace(/^title: .*$/m, `title: Added entry ${++additions}`);
        // Without its related links, so that removing it later leaves no link broken.
        await writeFile(path.join(events, `added-${additions}.md`), copy.replace(/^related:\n(?:\s+.*\n)*/m, ""));
        return undefined;
      },
      // Only an entry this test added: the fixture's entries are named in related links.
      remove: async (file) => {
        if (path.basename(file).startsWith("added-")) await rm(file);
        return undefined;
      },
    };
    const steps: string[] = [];
    for (let step = 0; step < 6; step++) {
      for (let change = 0; change < 1 + Math.floor(next() * 2); change++) {
        const kind = pick(Object.keys(changes));
        const files = await entryFiles();
        const ours = files.filter((name) => name.startsWith("added-"));
        const name =
          kind === "remove" && ours.length ? pick(ours) : kind === "photo" ? "singapore-summit.md" : pick(files);
        const file = path.join(events, name);
        const text = await changes[kind]!(file, await readFile(file, "utf8"));
        if (text !== undefined) await writeFile(file, text);
        steps.push(`${kind} ${name}`);
      }
      const report = await buildAndCompare(site);
      // Each step is one the update path takes: a full build would prove nothing.
      expect(report, `seed ${seed}, steps: ${steps.join("; ")}`).toMatch(/^Updated /m);
    }
  }, 300_000);

  it("finishes an update that was killed halfway, and builds afresh when the site is not the last build's", async () => {
    const site = path.join(work, "site-killed");
    await buildAndCompare(site);
    const file = path.join(events, "vesuvius.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Vesuvius erupts, killed"));
    const killed = await buildSite(content, site, { ...env(), TEST_KILL_BUILD_AT: "updating" });
    expect([killed.code, killed.signal]).toEqual([null, "SIGKILL"]);
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Vesuvius erupts, again"));
    const report = await buildAndCompare(site);
    expect(report).toMatch(/finished updating .*which a killed build had started/);
    // The record was set aside before the update started: the next build is a full one, over a whole site.
    expect(report).toMatch(/^Built /m);

    // A folder made anew where the site was is not the last build's site, even with the same name.
    const moved = `${site}-moved`;
    await rename(site, moved);
    await cp(moved, site, { recursive: true });
    expect(await buildAndCompare(site)).toMatch(/^Built /m);
  }, 120_000);
});
