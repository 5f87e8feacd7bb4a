// Content that once crashed `check` and `build`, or was named as something it
// is not: each must now stop both commands with one line naming the file, the
// field, what is wrong and how to fix it, exit 1, and leave the previous site
// as it was.
import { execFile } from "node:child_process";
import { cp, mkdir, rm, truncate, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectPhoto } from "../../src/content/photo-files.ts";
import { type BuildRun, buildSite, fixtureArchiveWithoutApi, tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";
import { treeDigest } from "../support/site-files.ts";

let work: string;
/**
 * The fixture archive without its API, which no message here is about: each
 * case copies it, and each refused build gets a copy of its site, a third of
 * the full fixture site's files, and must leave it exactly so.
 */
let archive: string;
let previousSite: string;
let previousDigest: string;

beforeAll(async () => {
  work = await tempDir("clear-messages");
  archive = await fixtureArchiveWithoutApi(path.join(work, "fixture-without-api"));
  previousSite = path.join(work, "previous-site");
  const run = await buildSite(archive, previousSite);
  expect(run.code, run.stderr).toBe(0);
  previousDigest = treeDigest(previousSite);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }), 60_000);

const PHOTO_ENTRY = `---
title: A photo that is not what it seems
date: 2018-06-13
summary: The photo's file is the problem.
photo:
  src: hostile.png
  alt: A photo
  photographer: A photographer
  source: A source
  license: CC0
sources:
  - title: A source
---
Body.
`;

/** A copy of the archive with events/hostile.md, and whatever `extra` puts beside it. */
async function archiveWith(name: string, entry: string, extra?: (events: string) => Promise<unknown>): Promise<string> {
  const content = path.join(work, name);
  await cp(archive, content, { recursive: true });
  await writeFile(path.join(content, "events", "hostile.md"), entry);
  await extra?.(path.join(content, "events"));
  return content;
}

/** `<entry as the commands show it>:<line>: <field>: <message>` */
function lineFor(content: string, line: number, field: string, message: string): string {
  return `${path.relative(REPO_ROOT, path.join(content, "events", "hostile.md"))}:${line}: ${field}: ${message}`;
}

/** Both commands refuse with each of `lines`, exit 1, print no stack trace, and the previous site is untouched. */
async function expectRefused(
  content: string,
  lines: readonly string[],
  env: Record<string, string> = {},
): Promise<void> {
  const site = `${content}-site`;
  await cp(previousSite, site, { recursive: true });
  const runs: [string, BuildRun][] = [
    ["check", await runCli("src/cli/check.ts", { CONTENT_DIR: content, ...env })],
    ["build", await buildSite(content, site, env)],
  ];
  for (const [command, run] of runs) {
    const output = run.stdout + run.stderr;
    expect(run.code, `${command}: ${output}`).toBe(1);
    expect(output.split("\n"), command).toEqual(expect.arrayContaining([...lines]));
    expect(output, command).not.toMatch(/^ {4}at /m);
  }
  expect(treeDigest(site)).toBe(previousDigest);
}

/**
 * A valid PNG of width × height white pixels, one bit each, written by hand:
 * its rows compress to almost nothing, so a 400-megapixel image is 50 KB,
 * made in half a second (sharp takes 6 s to write one).
 */
function blankPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // Each row: filter byte 0, then the bits; all ones is white.
  const rows = Buffer.alloc(height * (1 + Math.ceil(width / 8)), 0xff);
  for (let row = 0; row < height; row++) rows[row * (1 + Math.ceil(width / 8))] = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("a photo file too large to read", () => {
  // Sparse files: the size is real to stat and to a reader, but the disk holds only the PNG's first bytes.
  const sparsePhoto = (bytes: number) => async (events: string) => {
    await cp(path.join(events, "handshake.png"), path.join(events, "hostile.png"));
    await truncate(path.join(events, "hostile.png"), bytes);
  };
  const FIX = "export it again at a web size (a JPEG 4,000 pixels wide is a few MB), or raise MAX_PHOTO_BYTES";

  it("is refused by its size before it is read, over 2 GB (once ERR_FS_FILE_TOO_LARGE)", async () => {
    const content = await archiveWith("three-gigabytes", PHOTO_ENTRY, sparsePhoto(3 * 2 ** 30));
    await expectRefused(content, [
      lineFor(content, 6, "photo.src", `"hostile.png" is 3,221.2 MB: more than the limit of 100 MB (${FIX})`),
    ]);
  }, 60_000);

  it("is refused by its size under 2 GB too (once read whole into memory)", async () => {
    const content = await archiveWith("1.9-gigabytes", PHOTO_ENTRY, sparsePhoto(1_900_000_000));
    await expectRefused(content, [
      lineFor(content, 6, "photo.src", `"hostile.png" is 1,900 MB: more than the limit of 100 MB (${FIX})`),
    ]);
  }, 60_000);

  it("follows MAX_PHOTO_BYTES", async () => {
    const content = await archiveWith("over-the-set-limit", PHOTO_ENTRY, sparsePhoto(2_000_000));
    await expectRefused(
      content,
      [lineFor(content, 6, "photo.src", `"hostile.png" is 2 MB: more than the limit of 1 MB (${FIX})`)],
      {
        MAX_PHOTO_BYTES: "1_000_000",
      },
    );
  }, 60_000);
});

describe("a valid 20000×20000 PNG", () => {
  let content: string;
  beforeAll(async () => {
    content = await archiveWith("huge-png", PHOTO_ENTRY, (events) =>
      writeFile(path.join(events, "hostile.png"), blankPng(20_000, 20_000)),
    );
  });

  it("is refused as having too many pixels, naming the limit and MAX_PHOTO_PIXELS (once called damaged)", async () => {
    await expectRefused(content, [
      lineFor(
        content,
        6,
        "photo.src",
        '"hostile.png" is 20000×20000, 400,000,000 pixels: more than the limit of 100,000,000 (scale it down (2,000–4,000 pixels wide is plenty for the web), or raise MAX_PHOTO_PIXELS)',
      ),
    ]);
  }, 60_000);

  // Encoding its renditions took 8 s on one core (375 MB of memory at most); the image cache keeps them for later runs.
  it("is checked and built with MAX_PHOTO_PIXELS=500000000, sharp's own cap following it", async () => {
    const env = { MAX_PHOTO_PIXELS: "500000000" };
    const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content, ...env });
    expect(check.code, check.stderr).toBe(0);
    const output = path.join(work, "huge-png-site");
    const build = await buildSite(content, output, env);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/Built 11 events/);
  }, 180_000);
});

describe("a photo that is not a file", () => {
  const cases: [string, (file: string) => Promise<unknown>, string][] = [
    [
      "a named pipe (never opened: reading one waits forever)",
      (file) => promisify(execFile)("mkfifo", [file]),
      "a named pipe (FIFO)",
    ],
    [
      "a socket",
      (file) =>
        new Promise<Server>((resolve) =>
          createServer().listen(file, function (this: Server) {
            resolve(this);
          }),
        ),
      "a socket",
    ],
  ];

  it.each(cases)(
    "%s is named as what it is",
    async (name, make, kind) => {
      let made: unknown;
      const content = await archiveWith(
        name.split(" ").slice(0, 3).join("-"),
        PHOTO_ENTRY,
        async (events) => (made = await make(path.join(events, "hostile.png"))),
      );
      try {
        await expectRefused(content, [
          lineFor(
            content,
            6,
            "photo.src",
            `"hostile.png" is ${kind}, not an image file (replace it with the image itself, a JPEG, PNG, WebP or AVIF file)`,
          ),
        ]);
      } finally {
        (made as Server | undefined)?.close?.();
      }
    },
    60_000,
  );

  it("a device is named as one", async () => {
    // /dev stands for a content folder: making a device node inside one needs root.
    expect(await inspectPhoto("null", "/dev", "/dev", "/dev")).toEqual({
      message: '"null" is a device, not an image file',
      fix: "replace it with the image itself, a JPEG, PNG, WebP or AVIF file",
    });
  });

  it("a folder is still named a folder", async () => {
    const content = await archiveWith("folder", PHOTO_ENTRY, (events) => mkdir(path.join(events, "hostile.png")));
    await expectRefused(content, [
      lineFor(
        content,
        6,
        "photo.src",
        '"hostile.png" is a folder, not an image file (put the image next to the entry (or under the content folder) and give its path relative to the entry, e.g. src: my-photo.jpg)',
      ),
    ]);
  }, 60_000);
});

describe('an address containing ">', () => {
  it("in a front-matter URL field names the file, line and field", async () => {
    const entry = PHOTO_ENTRY.replace("  src: hostile.png\n", "").replace(
      "  - title: A source\n",
      '  - title: A source\n    url: "https://\\">/"\n',
    );
    const content = await archiveWith("url-field", entry);
    await expectRefused(content, [
      lineFor(
        content,
        12,
        "sources[0].url",
        '"https://">/" is not a web address (give the full address, starting with https://)',
      ),
    ]);
  }, 60_000);

  it("in SITE_URL names the setting (once a bare Invalid URL)", async () => {
    const content = await archiveWith("site-url", PHOTO_ENTRY.replace("  src: hostile.png\n", ""));
    await expectRefused(
      content,
      [
        'SITE_URL: "https://ex">ample.org/" is not an address (e.g. https://example.org or https://user.github.io/history)',
      ],
      {
        SITE_URL: 'https://ex">ample.org/',
      },
    );
  }, 60_000);

  it("in a body link that is not an address is refused at its line; the same characters in valid links build, under a path prefix too", async () => {
    const entry = PHOTO_ENTRY.replace("  src: hostile.png\n", "");
    const bad = await archiveWith("body-links-bad", entry.replace("Body.\n", 'Text.\n\n[a](https://">/)\n'));
    const at = entry.split("\n").indexOf("Body.") + 3;
    await expectRefused(bad, [
      lineFor(
        bad,
        at,
        "body",
        'links to "https://%22%3E/", which is not a web address (correct the address: a full https:// address with a valid host name (and port))',
      ),
    ]);

    const good = await archiveWith(
      "body-links",
      entry.replace("Body.\n", '[b](">x) [c](/">x) <https://example.org/">y>\n'),
    );
    for (const env of [{}, { PATH_PREFIX: "/archive/" }] as Record<string, string>[]) {
      const run = await buildSite(good, path.join(work, "body-links-site"), env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/Invalid URL|^ {4}at /m);
    }
  }, 120_000);
});

describe("YAML tags that make values no field holds", () => {
  it("are named by their tag, not as a __proto__ field", async () => {
    const entry = [
      "---",
      "title: !!binary aGVsbG8=",
      "date: !!timestamp 2018-06-13",
      "summary: Tagged values.",
      "topics: !!set { a, b }",
      "location: !!omap [ a: 1 ]",
      "kind: !!binary aGk=",
      "sources:",
      "  - title: A source",
      "---",
      "Body.",
    ].join("\n");
    const content = await archiveWith("yaml-tags", entry);
    await expectRefused(content, [
      lineFor(
        content,
        2,
        "title",
        "must be text, not binary data (!!binary) (remove the !!binary tag, e.g. title: Apollo 11 lands on the Moon)",
      ),
      lineFor(
        content,
        3,
        "date",
        "must be text, not a YAML timestamp (!!timestamp) (remove the !!timestamp tag, e.g. date: 1969-07-20)",
      ),
      lineFor(
        content,
        5,
        "topics",
        "must be a list, not a YAML set (!!set) (remove the !!set tag, e.g. topics: [ space exploration ])",
      ),
      lineFor(
        content,
        6,
        "location",
        "must be text, not an ordered map (!!omap) (remove the !!omap tag, e.g. location: Sea of Tranquility, the Moon)",
      ),
      lineFor(
        content,
        7,
        "kind",
        "must be text, not binary data (!!binary) (remove the !!binary tag, e.g. kind: event)",
      ),
    ]);
    const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(check.stderr).not.toContain("__proto__");
    expect(check.stderr).toContain("5 errors");
  }, 60_000);
});
