// npm start's content watcher: every file added, changed or removed under the
// content folders is reported once it settles; links are not followed.
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContentWatcher, watchContent } from "../../src/build/content-watcher.ts";

let root: string;
let watcher: ContentWatcher | undefined;
let reported: string[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "content-watcher-"));
  await mkdir(path.join(root, "events", "1969"), { recursive: true });
  await writeFile(path.join(root, "events", "1969", "moon.md"), "one");
  reported = [];
});

afterEach(async () => {
  watcher?.close();
  await rm(root, { recursive: true, force: true });
});

async function watching(): Promise<void> {
  watcher = watchContent([root], (file) => reported.push(path.relative(root, file)));
  await watcher.ready;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until at least `count` reports came (5 s at most), then until 200 ms pass without another. */
async function reports(count: number): Promise<string[]> {
  for (let waited = 0; reported.length < count && waited < 5_000; waited += 20) await sleep(20);
  for (let seen = -1; seen !== reported.length; ) {
    seen = reported.length;
    await sleep(200);
  }
  return [...reported].sort();
}

describe("watchContent", () => {
  it("reports a file written in several steps once, in a folder below the content folder", async () => {
    await watching();
    const file = path.join(root, "events", "1969", "moon.md");
    await writeFile(file, "");
    await writeFile(file, "two");
    expect(await reports(1)).toEqual(["events/1969/moon.md"]);
  });

  it("reports files added and removed, and watches a folder made while it runs", async () => {
    await watching();
    await unlink(path.join(root, "events", "1969", "moon.md"));
    await mkdir(path.join(root, "events", "1970"));
    await writeFile(path.join(root, "events", "1970", "apollo-13.md"), "three");
    expect(await reports(2)).toContain("events/1969/moon.md");
    const later = path.join(root, "events", "1970", "later.md");
    await writeFile(later, "four");
    expect(await reports(3)).toContain("events/1970/later.md");
  });

  it("reports a link as a file and does not watch the folder it points to", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "content-watcher-outside-"));
    try {
      await writeFile(path.join(outside, "not-an-entry.md"), "x");
      await watching();
      await symlink(outside, path.join(root, "events", "link"));
      expect(await reports(1)).toEqual(["events/link"]);
      await writeFile(path.join(outside, "not-an-entry.md"), "y");
      await writeFile(path.join(outside, "another.md"), "z");
      expect(await reports(1)).toEqual(["events/link"]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("reports nothing once closed", async () => {
    await watching();
    watcher!.close();
    await writeFile(path.join(root, "events", "1969", "moon.md"), "closed");
    expect(await reports(0)).toEqual([]);
  });
});
