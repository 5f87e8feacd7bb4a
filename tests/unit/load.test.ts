import { createHash } from "node:crypto";
import { mkdir, realpath, symlink } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { hasErrors, loadEntries } from "../../src/content/load.ts";
import type { PhotoFile } from "../../src/content/photo-files.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import {
  creditLines,
  entryFile,
  makeContentDir,
  makeTempDir,
  tinyJpeg,
  validEntry,
  writeFiles,
} from "../support/helpers.ts";

/** A path as loadEntries shows it to the editor: relative to the working folder. */
const shown = (file: string) => path.relative(process.cwd(), file);

const PHOTO_FIX =
  "put the image next to the entry (or under the content folder) and give its path relative to the entry, e.g. src: my-photo.jpg";

const PIXELS_FIX = "scale it down (2,000–4,000 pixels wide is plenty for the web), or raise MAX_PHOTO_PIXELS";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A solid grey PNG made by sharp; 4 channels gives it an alpha channel. */
function solidImage(width: number, height: number, channels: 3 | 4 = 3): Promise<Buffer> {
  return sharp({ create: { width, height, channels, background: "#888" } })
    .png()
    .toBuffer();
}

function error(file: string, fields: { line?: number; field?: string; message: string; fix: string }): ContentProblem {
  return { file, line: fields.line, field: fields.field, message: fields.message, fix: fields.fix, severity: "error" };
}

/** An entry with one credited lead photo whose src is `src` (photo: on line 5, src: on line 6, its credit on 8–10). */
const withPhoto = (src: string) =>
  validEntry({ extra: ["photo:", `  src: ${src}`, "  alt: A photo", ...creditLines()] });

describe("loadEntries", () => {
  it("loads valid entries, including those in subfolders", async () => {
    const dir = await makeContentDir({
      "events/moon-landing.md": validEntry({ title: "Moon landing", date: "1969-07-20" }),
      "events/2018/singapore-summit.md": validEntry({ title: "Singapore summit", date: "2018-06-12" }),
      "events/ancient/rome/ides-of-march.md": validEntry({
        title: "Ides of March",
        date: "-0043-03-15",
        extra: ["kind: death"],
      }),
      "events/notes.txt": "not an entry",
    });
    const { entries, problems } = await loadEntries(dir);
    // A file that is not .md is left out, and named (tests/unit/unread-files.test.ts).
    expect(problems).toEqual([
      {
        file: shown(path.join(dir, "events", "notes.txt")),
        message: "is not read: only files ending in .md are entries",
        fix: "rename it to notes.md if it is an entry",
        severity: "warning",
      },
    ]);
    expect(hasErrors(problems)).toBe(false);
    const bySlug = new Map(entries.map((e) => [e.slug, e]));
    expect([...bySlug.keys()].sort()).toEqual(["ides-of-march", "moon-landing", "singapore-summit"]);

    const ides = bySlug.get("ides-of-march")!;
    expect(ides.path).toBe(path.join(dir, "events", "ancient", "rome", "ides-of-march.md"));
    expect(ides.file).toBe(shown(ides.path));
    expect(ides.date).toEqual({ year: -43, month: 3, day: 15 });
    expect(ides.kind).toBe("death");
    expect(bySlug.get("singapore-summit")!.path).toBe(path.join(dir, "events", "2018", "singapore-summit.md"));
  });

  it("accepts a file with an upper-case .MD extension", async () => {
    const dir = await makeContentDir({ "events/moon-landing.MD": validEntry() });
    const { entries, problems } = await loadEntries(dir);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.slug)).toEqual(["moon-landing"]);
  });

  it("reports a missing events folder as one clear problem", async () => {
    const dir = await makeTempDir();
    expect(await loadEntries(dir)).toEqual({
      entries: [],
      problems: [
        error(shown(path.join(dir, "events")), {
          message: "the events folder does not exist",
          fix: "create it and add one Markdown file per event, or set CONTENT_DIR to the folder that holds events/",
        }),
      ],
    });
  });

  it("reports the problems of several files in one run, sorted by file and then line", async () => {
    const dir = await makeContentDir({
      "events/b.md": validEntry({ date: "2019-02-29", extra: ["kind: battle"] }),
      "events/a.md": entryFile(["date: 2018-06-12", "summary:"]),
      "events/c.md": validEntry({ title: "Fine" }),
    });
    const a = shown(path.join(dir, "events", "a.md"));
    const b = shown(path.join(dir, "events", "b.md"));
    const { entries, problems } = await loadEntries(dir);
    expect(entries.map((e) => e.slug)).toEqual(["c"]);
    expect(hasErrors(problems)).toBe(true);
    expect(problems).toEqual([
      error(a, {
        line: 1,
        field: "title",
        message: "is missing",
        fix: "add it, e.g. title: Apollo 11 lands on the Moon",
      }),
      error(a, {
        line: 3,
        field: "summary",
        message: "is empty",
        fix: "fill it in, e.g. summary: Neil Armstrong and Buzz Aldrin land the lunar module Eagle.",
      }),
      error(b, {
        line: 3,
        field: "date",
        message: '"2019-02-29" is not a real day: 2019 was not a leap year',
        fix: "check the source; the day must be 01 to 28",
      }),
      error(b, {
        line: 5,
        field: "kind",
        message: '"battle" is not allowed',
        fix: "use one of: event, birth, death, holiday",
      }),
    ]);
  });

  describe("slugs", () => {
    const SLUG_FIX = "slugs must be unique, ignoring case: rename one of the two files";

    it("reports two files with the same name in different folders", async () => {
      const dir = await makeContentDir({
        "events/2018/summit.md": validEntry({ date: "2018-06-12" }),
        "events/2019/summit.md": validEntry({ date: "2019-02-27" }),
      });
      const { problems } = await loadEntries(dir);
      expect(problems).toEqual([
        error(shown(path.join(dir, "events", "2019", "summit.md")), {
          message: `its slug "summit" is already used by ${shown(path.join(dir, "events", "2018", "summit.md"))}`,
          fix: SLUG_FIX,
        }),
      ]);
    });

    it("reports slugs that differ only in case", async () => {
      const dir = await makeContentDir({
        "events/a/moon.md": validEntry(),
        "events/b/Moon.md": validEntry(),
      });
      const moon = shown(path.join(dir, "events", "b", "Moon.md"));
      const { problems } = await loadEntries(dir);
      expect(problems).toEqual([
        error(moon, {
          message: 'the file name "Moon.md" is not a valid slug',
          fix: 'rename it to "moon.md": lowercase letters, digits and hyphens only',
        }),
        error(moon, {
          message: `its slug "moon" is already used by ${shown(path.join(dir, "events", "a", "moon.md"))}`,
          fix: SLUG_FIX,
        }),
      ]);
    });
  });

  describe("related entries", () => {
    it("accepts a link to another entry, in any folder", async () => {
      const dir = await makeContentDir({
        "events/2018/singapore-summit.md": validEntry({ extra: ["related:", "  - event: hanoi-summit"] }),
        "events/2019/hanoi-summit.md": validEntry({ date: "2019-02-27" }),
      });
      expect((await loadEntries(dir)).problems).toEqual([]);
    });

    it("reports a link to a missing entry at the line of its event: field", async () => {
      const dir = await makeContentDir({
        "events/singapore-summit.md": validEntry({
          extra: ["related:", "  - date: 2018-05-24", "    text: The summit is cancelled", "  - event: hanoi-sumit"],
        }),
        "events/hanoi-summit.md": validEntry({ date: "2019-02-27" }),
      });
      const { entries, problems } = await loadEntries(dir);
      expect(problems).toEqual([
        error(shown(path.join(dir, "events", "singapore-summit.md")), {
          line: 8,
          field: "related[1].event",
          message: `there is no entry "hanoi-sumit" (no file ${path.join(shown(path.join(dir, "events")), "hanoi-sumit.md")})`,
          fix: "check the spelling of the slug, or write the related event as date: and text:",
        }),
      ]);
      // The entry itself parsed; only the link between files is wrong.
      expect(entries.map((e) => e.slug).sort()).toEqual(["hanoi-summit", "singapore-summit"]);
    });

    it("reports a link from an entry to itself", async () => {
      const dir = await makeContentDir({
        "events/moon-landing.md": validEntry({ extra: ["related:", "  - event: moon-landing"] }),
      });
      expect((await loadEntries(dir)).problems).toEqual([
        error(shown(path.join(dir, "events", "moon-landing.md")), {
          line: 6,
          field: "related[0].event",
          message: "points at this entry itself",
          fix: "remove it",
        }),
      ]);
    });
  });

  describe("photo paths", () => {
    // Each builds a content folder; the accepted ones load without a problem.
    const ACCEPTED: readonly { name: string; folder: () => Promise<string> }[] = [
      {
        name: "accepts a photo next to the entry and one elsewhere under the content folder",
        folder: async () =>
          makeContentDir({
            "events/2018/summit.md": validEntry({
              extra: [
                "photo:",
                "  src: handshake.jpg",
                "  alt: A",
                ...creditLines(),
                "photos:",
                "  - src: ../../images/flags.jpg",
                "    alt: B",
                ...creditLines("    "),
              ],
            }),
            "events/2018/handshake.jpg": await tinyJpeg(),
            "images/flags.jpg": await tinyJpeg(),
          }),
      },
      {
        name: "accepts a photo without src (a credit only)",
        folder: () =>
          makeContentDir({ "events/summit.md": validEntry({ extra: ["photo:", "  alt: A", ...creditLines()] }) }),
      },
      {
        name: "accepts a symlink to a file inside the content folder",
        folder: async () => {
          const dir = await makeContentDir({
            "images/handshake.jpg": await tinyJpeg(),
            "events/summit.md": withPhoto("handshake.jpg"),
          });
          await symlink(path.join(dir, "images", "handshake.jpg"), path.join(dir, "events", "handshake.jpg"));
          return dir;
        },
      },
      {
        // Regression: a check for a path "leading outside" must not match a name that merely
        // begins with two dots, so that a file inside the content folder such as
        // content/..cover.jpg is not said to lead outside it.
        name: "accepts a photo inside the content folder whose name starts with two dots",
        folder: async () =>
          makeContentDir({
            "..cover.jpg": await tinyJpeg(),
            "events/summit.md": withPhoto("../..cover.jpg"),
          }),
      },
    ];

    it.each(ACCEPTED)("$name", async ({ folder }) => {
      expect((await loadEntries(await folder())).problems).toEqual([]);
    });

    // Each builds a content folder whose events/summit.md has this one problem with a photo's src.
    const REFUSED: readonly {
      name: string;
      folder: () => Promise<string>;
      problem: (dir: string) => { line: number; field: string; message: string; fix: string };
    }[] = [
      {
        name: "reports a photo file that does not exist",
        folder: () => makeContentDir({ "events/summit.md": withPhoto("handshake.jpg") }),
        problem: (dir) => ({
          line: 6,
          field: "photo.src",
          message: `the file "handshake.jpg" does not exist (looked for ${shown(path.join(dir, "events", "handshake.jpg"))})`,
          fix: "check the file name and its case, or add the image",
        }),
      },
      {
        name: "reports an absolute photo path, even when the file exists",
        folder: async () => {
          const dir = await makeContentDir({ "events/handshake.jpg": await tinyJpeg() });
          await writeFiles(dir, { "events/summit.md": withPhoto(path.join(dir, "events", "handshake.jpg")) });
          return dir;
        },
        problem: (dir) => ({
          line: 6,
          field: "photo.src",
          message: `"${path.join(dir, "events", "handshake.jpg")}" is not a relative path`,
          fix: PHOTO_FIX,
        }),
      },
      {
        name: "reports a URL as a photo path",
        folder: () => makeContentDir({ "events/summit.md": withPhoto("https://example.org/a.jpg") }),
        problem: () => ({
          line: 6,
          field: "photo.src",
          message: '"https://example.org/a.jpg" is not a relative path',
          fix: PHOTO_FIX,
        }),
      },
      {
        name: "reports a ../ path that leaves the content folder, even when the file exists",
        folder: async () => {
          const outer = await makeTempDir();
          await writeFiles(outer, {
            "secret.jpg": await tinyJpeg(),
            "content/events/summit.md": validEntry({
              // photo: 5, its alt and credit 6–9, photos: 10, "- alt: B" 11, src: 12.
              extra: [
                "photo:",
                "  alt: A",
                ...creditLines(),
                "photos:",
                "  - alt: B",
                "    src: ../../secret.jpg",
                ...creditLines("    "),
              ],
            }),
          });
          return path.join(outer, "content");
        },
        problem: () => ({
          line: 12,
          field: "photos[0].src",
          message: '"../../secret.jpg" leads outside the content folder',
          fix: PHOTO_FIX,
        }),
      },
      {
        name: "reports a symlink to a file outside the content folder",
        folder: async () => {
          const outer = await makeTempDir();
          const dir = path.join(outer, "content");
          await writeFiles(outer, {
            "secret.jpg": await tinyJpeg(),
            "content/events/summit.md": validEntry({
              extra: ["photos:", "  - alt: B", "    src: innocent.jpg", ...creditLines("    ")],
            }),
          });
          await symlink(path.join(outer, "secret.jpg"), path.join(dir, "events", "innocent.jpg"));
          return dir;
        },
        problem: () => ({
          line: 7,
          field: "photos[0].src",
          message: '"innocent.jpg" is a link to a file outside the content folder',
          fix: PHOTO_FIX,
        }),
      },
      {
        name: "reports a folder given as a photo",
        folder: async () => {
          const dir = await makeContentDir({ "events/summit.md": withPhoto("images") });
          await mkdir(path.join(dir, "events", "images"));
          return dir;
        },
        problem: () => ({
          line: 6,
          field: "photo.src",
          message: '"images" is a folder, not an image file',
          fix: PHOTO_FIX,
        }),
      },
    ];

    it.each(REFUSED)("$name", async ({ folder, problem }) => {
      const dir = await folder();
      expect((await loadEntries(dir)).problems).toEqual([
        error(shown(path.join(dir, "events", "summit.md")), problem(dir)),
      ]);
    });

    it("records each photo's file and its size in pixels", async () => {
      const dir = await makeContentDir({
        "events/summit.md": withPhoto("handshake.jpg"),
        "events/handshake.jpg": await tinyJpeg(),
      });
      const { entries, problems } = await loadEntries(dir);
      expect(problems).toEqual([]);
      expect(entries[0]!.photoFiles).toEqual({
        "handshake.jpg": {
          path: await realpath(path.join(dir, "events", "handshake.jpg")),
          width: 4,
          height: 3,
          format: "jpeg",
          hasAlpha: false,
          hash: createHash("sha256")
            .update(await tinyJpeg())
            .digest("hex"),
        },
      });
    });

    it("reports a file that is not an image, and an image format the site cannot publish", async () => {
      const dir = await makeContentDir({
        "events/summit.md": withPhoto("notes.jpg"),
        "events/notes.jpg": "this is text, not a JPEG",
        "events/vector.md": withPhoto("drawing.svg"),
        "events/drawing.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>',
      });
      expect((await loadEntries(dir)).problems).toEqual([
        error(shown(path.join(dir, "events", "summit.md")), {
          line: 6,
          field: "photo.src",
          message: '"notes.jpg" is not an image, or the file is damaged',
          fix: "export it again as JPEG, PNG, WebP or AVIF",
        }),
        error(shown(path.join(dir, "events", "vector.md")), {
          line: 6,
          field: "photo.src",
          message: '"drawing.svg" is a SVG image, which the site cannot publish',
          fix: "convert it to JPEG, PNG, WebP or AVIF",
        }),
      ]);
    });
  });

  describe("photo files: pixel limit, transparency and orientation", () => {
    /** The single entry's photo files, asserting that nothing was reported. */
    async function photoFilesOf(
      dir: string,
      limits?: { maxPixels: number },
    ): Promise<Readonly<Record<string, PhotoFile>>> {
      const { entries, problems } = await loadEntries(dir, limits);
      expect(problems).toEqual([]);
      expect(entries).toHaveLength(1);
      return entries[0]!.photoFiles;
    }

    it("refuses an image over the pixel limit, at the line of its src", async () => {
      const dir = await makeContentDir({
        "events/summit.md": withPhoto("big.png"),
        "events/big.png": await solidImage(120, 100), // 12,000 pixels
      });
      const { entries, problems } = await loadEntries(dir, { maxPixels: 10_000 });
      expect(problems).toEqual([
        error(shown(path.join(dir, "events", "summit.md")), {
          line: 6,
          field: "photo.src",
          // Megapixels are rounded to one decimal, so both sizes print as 0 here.
          message: '"big.png" is 120×100, 12,000 pixels: more than the limit of 10,000',
          fix: PIXELS_FIX,
        }),
      ]);
      // The entry itself is fine; only its image is refused, and not recorded.
      expect(entries.map((e) => e.slug)).toEqual(["summit"]);
      expect(entries[0]!.photoFiles).toEqual({});
    });

    it("prints the size and the limit in pixels, for a further photo too", async () => {
      const dir = await makeContentDir({
        "events/summit.md": validEntry({
          extra: ["photos:", "  - src: wide.png", "    alt: A", ...creditLines("    ")],
        }),
        "events/wide.png": await solidImage(1000, 1250), // 1,250,000 pixels
      });
      expect((await loadEntries(dir, { maxPixels: 1_000_000 })).problems).toEqual([
        error(shown(path.join(dir, "events", "summit.md")), {
          line: 6,
          field: "photos[0].src",
          message: '"wide.png" is 1000×1250, 1,250,000 pixels: more than the limit of 1,000,000',
          fix: PIXELS_FIX,
        }),
      ]);
    });

    it("accepts an image exactly at the limit, and by default (100 megapixels)", async () => {
      const png = await solidImage(120, 100);
      const dir = await makeContentDir({ "events/summit.md": withPhoto("big.png"), "events/big.png": png });
      const expected = {
        "big.png": {
          path: await realpath(path.join(dir, "events", "big.png")),
          width: 120,
          height: 100,
          format: "png",
          hasAlpha: false,
          hash: sha256(png),
        },
      };
      expect(await photoFilesOf(dir, { maxPixels: 12_000 })).toEqual(expected);
      expect(await photoFilesOf(dir)).toEqual(expected);
      // One pixel less and it is refused.
      expect((await loadEntries(dir, { maxPixels: 11_999 })).problems.map((p) => p.field)).toEqual(["photo.src"]);
    });

    it("records hasAlpha for a PNG with an alpha channel", async () => {
      const png = await solidImage(6, 5, 4);
      const dir = await makeContentDir({ "events/summit.md": withPhoto("clear.png"), "events/clear.png": png });
      expect(await photoFilesOf(dir)).toEqual({
        "clear.png": {
          path: await realpath(path.join(dir, "events", "clear.png")),
          width: 6,
          height: 5,
          format: "png",
          hasAlpha: true,
          hash: sha256(png),
        },
      });
    });

    it("records the size as shown: a JPEG with EXIF orientation 6 (a quarter turn) swaps width and height", async () => {
      const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#888" } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
      const dir = await makeContentDir({ "events/summit.md": withPhoto("turned.jpg"), "events/turned.jpg": jpeg });
      expect(await photoFilesOf(dir)).toEqual({
        "turned.jpg": {
          path: await realpath(path.join(dir, "events", "turned.jpg")),
          width: 20,
          height: 40,
          format: "jpeg",
          hasAlpha: false,
          hash: sha256(jpeg),
        },
      });
    });
  });
});
