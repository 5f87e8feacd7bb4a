// `npm start` after edits that move no event (a title, a summary, a body, a
// location): it rereads only the edited files and patches the archive
// (src/archive/patch-archive.ts) rather than reading every entry again. The
// pages it leaves must be byte for byte those a clean build of the same
// content writes, and the rest of the site (API, search, sitemaps) once the
// finishing after them, which writes only what changed, is done.
import { readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, tempDir } from "../support/build-site.ts";
import { type ServedSite, serveFixture } from "../support/serve-site.ts";
import { listFiles } from "../support/site-files.ts";

let served: ServedSite;

beforeAll(async () => {
  served = await serveFixture("serve-edits", 20_000 + ((process.pid + 7_919) % 20_000));
}, 90_000);
afterAll(() => served?.stop());

/** Rewrites one line of an entry and waits for the rebuild and for the edited page to show it. */
async function edit(slug: string, from: RegExp, to: string, shows: string): Promise<void> {
  const file = path.join(served.content, "events", `${slug}.md`);
  const writes = () => served.output().match(/Wrote \d+ files/g)?.length ?? 0;
  const before = writes();
  const text = await readFile(file, "utf8");
  expect(text).toMatch(from);
  await writeFile(file, text.replace(from, to));
  await served.until(() => writes() > before, "a rebuild");
  const page = path.join(served.site, "events", slug, "index.html");
  await served.until(() => readFileSync(page, "utf8").includes(shows), `the page of ${slug}`);
  // Let Eleventy go back to watching, as an editor's next save would.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Eleventy's pages: every file but the finishing's (API, search, images, sitemaps), which follow in the background. */
const pages = (file: string) => !/^(api|pagefind|search-shards|img)\/|^sitemap/.test(file);

/** The files (of those `which` picks) missing from one site or with other bytes. */
function differences(ours: string, theirs: string, which: (file: string) => boolean = () => true): string[] {
  const [a, b] = [listFiles(ours).filter(which), listFiles(theirs).filter(which)];
  const inB = new Set(b);
  return [
    ...a.filter((file) => !inB.has(file)),
    ...b.filter((file) => !a.includes(file)),
    ...a.filter(
      (file) => inB.has(file) && !readFileSync(path.join(ours, file)).equals(readFileSync(path.join(theirs, file))),
    ),
  ];
}

describe("npm start after edits that move no event", { timeout: 120_000 }, () => {
  it("leaves the site a clean build of the same content writes", async () => {
    // A related event's title (its pair shows it), a body, a summary and a location.
    await edit("hanoi-summit", /^title: .*$/m, "title: The Hanoi summit ends abruptly", "ends abruptly");
    await edit("caesar", /^The Ides of March/m, "On the Ides of March", "On the Ides of March");
    await edit("leap-day-event", /^summary: .*$/m, "summary: A summary edited twice.", "edited twice");
    await edit("caesar", /^location: .*$/m, "location: The Curia of Pompey", "Curia of Pompey");

    const clean = await tempDir("serve-edits-clean");
    try {
      const build = await buildSite(served.content, clean);
      expect(build.code, build.stderr).toBe(0);
      // The pages at once; the API, search index and sitemaps once the finishing in the background is done.
      expect(differences(served.site, clean, pages)).toEqual([]);
      await served.until(() => differences(served.site, clean).length === 0, "the same site", 60_000).catch(() => {});
      expect(differences(served.site, clean)).toEqual([]);
    } finally {
      await rm(clean, { recursive: true, force: true });
    }
  });
});
