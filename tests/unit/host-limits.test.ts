// The site's size as the build counts it, and the warnings it gives when a
// host named in the README would not take the site.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CLOUDFLARE_FILE_BYTES,
  formatBytes,
  hostWarnings,
  partOf,
  siteSize,
  sizeLine,
} from "../../src/build/host-limits.ts";
import { SiteSize } from "../../src/util/site-size.ts";

/** A tally of `files` files of `bytes` bytes each under `folder`. */
function sized(...groups: [folder: string, files: number, bytes: number][]) {
  const size = siteSize();
  for (const [folder, files, bytes] of groups)
    for (let i = 0; i < files; i++) size.add(`${folder}/f${i}/index.html`, bytes);
  return size;
}

describe("the size line", () => {
  it("writes bytes in decimal units with two or three figures", () => {
    expect(
      [0, 999, 1000, 1499, 9_949, 9_950, 412_000_000, 999_499_999, 999_500_000, 2_149_000_000].map(formatBytes),
    ).toEqual(["0 B", "999 B", "1.0 kB", "1.5 kB", "9.9 kB", "10 kB", "412 MB", "999 MB", "1.0 GB", "2.1 GB"]);
  });

  it("gives the size and the file count, with thousands separated", () => {
    expect(sizeLine(sized(["events", 31_204, 13_204]))).toBe("The site is 412 MB in 31,204 files.");
    expect(sizeLine(sized(["events", 1, 10]))).toBe("The site is 10 B in 1 file.");
    expect(sizeLine(sized(["events", 3, 1000]), "Shard 2 of 3")).toBe("Shard 2 of 3 is 3.0 kB in 3 files.");
  });

  it("counts files with or without a leading slash in the same part", () => {
    const size = siteSize();
    size.add("/api/v1/export.ndjson", 5);
    size.add("api/v1/export.ndjson", 7);
    expect(size.parts()).toEqual([["API export", { bytes: 12, files: 2 }]]);
    expect(size.total).toEqual({ bytes: 12, files: 2 });
  });

  it("tells the parts apart that site.json can leave out", () => {
    expect(
      [
        "events/caesar/index.html",
        "pagefind/fragment/x.pf_fragment",
        "pagefind-2/pagefind.js",
        "img/ab/photo-640.avif",
        "api/v1/events/caesar.json",
        "api/v1/export.ndjson",
        "api/feed/onthisday/all/03/15.json",
        "calendar.ics",
        "api/v1/days/03-15.json",
        "api/v1/events.json",
        "march/15/index.html",
        "schemas/entry.json",
      ].map(partOf),
    ).toEqual([
      "event pages",
      "search index",
      "search index",
      "images",
      "API event documents",
      "API export",
      "On this day feed",
      "calendar",
      "API days, index and schemas",
      "API days, index and schemas",
      "other pages",
      "other pages",
    ]);
  });
});

describe("counting a folder written by another program", () => {
  const work = mkdtemp(path.join(os.tmpdir(), "onthisday-site-size-"));
  afterAll(async () => rm(await work, { recursive: true, force: true }));

  it("adds every file under it, in nested folders, by its path in the site, and nothing for a missing folder", async () => {
    const site = await work;
    await mkdir(path.join(site, "pagefind/fragment"), { recursive: true });
    await writeFile(path.join(site, "pagefind/pagefind.js"), "x".repeat(10));
    await writeFile(path.join(site, "pagefind/fragment/a.pf_fragment"), "y".repeat(5));
    await writeFile(path.join(site, "index.html"), "not counted: outside the folder");
    const size = new SiteSize({ partOf: (p) => p, noteFilesOver: 6 });
    size.addFolder(site, "/pagefind/");
    size.addFolder(site, "img");
    expect(size.parts().sort()).toEqual([
      ["pagefind/fragment/a.pf_fragment", { bytes: 5, files: 1 }],
      ["pagefind/pagefind.js", { bytes: 10, files: 1 }],
    ]);
    expect(size.largeFiles).toEqual([{ sitePath: "pagefind/pagefind.js", bytes: 10 }]);
  });
});

describe("the hosts' limits", () => {
  it("says nothing for a site that fits every host", () => {
    expect(hostWarnings(sized(["events", 19_999, 50_000]))).toEqual([]);
    expect(hostWarnings(sized(["events", 20_000, 50_000]))).toEqual([]);
  });

  it("warns past GitHub Pages' 1 GB, naming the three largest parts and how to leave parts out", () => {
    const size = sized(["events", 100_000, 8_000], ["api/v1/events", 1000, 200_000], ["api/feed", 366, 10_000]);
    size.add("api/v1/export.ndjson", 100_000_000);
    size.add("img/x.jpg", 20_000);
    expect(hostWarnings(size)).toEqual([
      "warning: the site is 1.1 GB, more than GitHub Pages publishes (1 GB a site). " +
        "The largest parts: event pages 800 MB, API event documents 200 MB, API export 100 MB. " +
        'Leave out what the site can do without: site.json\'s "api" setting switches off parts of the open data (README: "Fits the hosts").',
      expect.stringMatching(/^warning: the site has 101,368 files, more than Cloudflare Pages takes \(/),
      expect.stringMatching(/^warning: 1 file is larger than the 25 MiB .*: api\/v1\/export\.ndjson \(100 MB\)\. /),
    ]);
  });

  it("warns past Cloudflare Pages' files: the free plan's 20,000, then the paid plans' 100,000", () => {
    expect(hostWarnings(sized(["events", 20_001, 10]))).toEqual([
      "warning: the site has 20,001 files, more than Cloudflare Pages takes on its free plan (20,000 files a site; 100,000 on paid plans). " +
        "The most files: event pages 20,001. " +
        'Leave out what the site can do without: site.json\'s "api" setting switches off parts of the open data (README: "Fits the hosts").',
    ]);
    const [warning] = hostWarnings(sized(["events", 60_000, 10], ["api/v1/events", 40_000, 10], ["img", 1, 10]));
    expect(warning).toBe(
      "warning: the site has 100,001 files, more than Cloudflare Pages takes (20,000 files a site on the free plan, 100,000 on paid plans). " +
        "The most files: event pages 60,000, API event documents 40,000, images 1. " +
        'Leave out what the site can do without: site.json\'s "api" setting switches off parts of the open data (README: "Fits the hosts").',
    );
  });

  it("warns of each file over Cloudflare Pages' 25 MiB, largest first, and not of one at the limit", () => {
    const size = siteSize();
    size.add("calendar.ics", CLOUDFLARE_FILE_BYTES);
    expect(hostWarnings(size)).toEqual([]);
    size.add("calendar.ics", CLOUDFLARE_FILE_BYTES + 1);
    size.add("api/v1/export.ndjson", 215_000_000);
    expect(hostWarnings(size)).toEqual([
      "warning: 2 files are larger than the 25 MiB Cloudflare Pages takes in one file: " +
        "api/v1/export.ndjson (215 MB), calendar.ics (26 MB). " +
        'Leave out what the site can do without: site.json\'s "api" setting switches off parts of the open data (README: "Fits the hosts").',
    ]);
  });
});
