// The photo pipeline end to end: source images made with sharp, built by the
// real build command, then the pages' markup and the published files read
// back as a browser and an image decoder would meet them.
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildRun, buildSite, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import {
  BLUE,
  cmykJpeg,
  exifIfd0Tags,
  GPS_IFD_TAG,
  gif,
  jpegWithGps,
  near,
  pixelAt,
  plainPng,
  RED,
  sidewaysJpeg,
  transparentPng,
} from "../support/image-fixtures.ts";
import { listFiles, loadPage, treeDigest } from "../support/site-files.ts";

const BUILD_TIMEOUT = 60_000;
const BUILD_DATE = "2024-06-12";

/** Each source photo: its file under events/, the size it is shown at (upright), the widths it must be published at. */
const SOURCES = {
  sideways: { file: "photos/sideways.jpg", width: 800, height: 1200, widths: [160, 320, 640, 800], fallback: "jpg" },
  gps: { file: "photos/gps.jpg", width: 400, height: 300, widths: [160, 320, 400], fallback: "jpg" },
  cmyk: { file: "photos/cmyk.jpg", width: 700, height: 500, widths: [160, 320, 640, 700], fallback: "jpg" },
  transparent: { file: "photos/glass.png", width: 500, height: 400, widths: [160, 320, 500], fallback: "png" },
  // sharp's GIFs always report an alpha channel, so a GIF gets the PNG fallback (checked below from the source).
  gif: { file: "tiny.gif", width: 10, height: 10, widths: [10], fallback: "png" },
} as const;
type SourceName = keyof typeof SOURCES;
const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

const LEAD_SIZES = "(min-width: 46rem) 41.5rem, calc(100vw - 2.5rem)";
const GALLERY_SIZES = "(min-width: 46rem) 20rem, calc(100vw - 2.5rem)";

/** The green field's credit, the same wherever it is shown. */
const gpsCredit = (indent: string) =>
  ["alt: A green field", "photographer: Gus Position", "source: Field Notes", "license: CC0"]
    .map((line) => indent + line)
    .join("\n");

// Every fixture cites a source, so the checker has nothing to warn about.
const CITED = "sources:\n  - title: A test source\n";

const ENTRIES: Record<string, string> = {
  "sideways-photo.md": `---
title: A photo stored sideways
date: 1990-06-12
summary: The camera was held on its side.
photo:
  src: ${SOURCES.sideways.file}
  alt: A red band above a blue band
  caption: Upright at last.
  photographer: Ada Lens
  location: Greenwich
  source: Example Archive
  sourceUrl: https://example.org/archive/sideways
  license: CC BY 4.0
  licenseUrl: https://creativecommons.org/licenses/by/4.0/
photos:
  - src: ${SOURCES.gps.file}
${gpsCredit("    ")}
  - src: ${SOURCES.cmyk.file}
    alt: A poster printed in red
    photographer: Cyan Magenta
    source: Print Shop
    license: Public domain
${CITED}---
Two further photos follow.
`,
  "field-again.md": `---
title: The green field, seen again
date: 1985-06-12
summary: The same photo as a gallery picture elsewhere, here as the lead.
photo:
  src: ${SOURCES.gps.file}
${gpsCredit("  ")}
${CITED}---
`,
  "glass-pane.md": `---
title: A half-transparent pane
date: 2001-06-12
summary: A photo with an alpha channel.
photo:
  src: ${SOURCES.transparent.file}
  alt: A blue pane you can half see through
  photographer: Tess Parent
  source: Glass Works
  license: CC BY-SA 4.0
${CITED}---
`,
  "tiny-gif.md": `---
title: A very small GIF
date: 1977-06-12
summary: Ten pixels square.
photo:
  src: ${SOURCES.gif.file}
  alt: A yellow square
  photographer: Gif Maker
  source: Old Web
  license: CC0
${CITED}---
`,
  "no-photo.md": `---
title: An event without a photo
date: 1960-06-12
summary: Nothing to show.
${CITED}---
`,
};

let work: string;
let content: string;
let cache: string;
let site: string;
let first: BuildRun;

beforeAll(async () => {
  work = await tempDir("images");
  content = path.join(work, "content");
  cache = path.join(work, "cache");
  site = path.join(work, "site");
  await mkdir(path.join(content, "events/photos"), { recursive: true });
  const images: Record<SourceName, Buffer> = {
    sideways: await sidewaysJpeg(1200, 800),
    gps: await jpegWithGps(400, 300),
    cmyk: await cmykJpeg(700, 500),
    transparent: await transparentPng(500, 400),
    gif: await gif(10, 10),
  };
  for (const name of SOURCE_NAMES) await writeFile(sourcePath(name), images[name]);
  for (const [file, text] of Object.entries(ENTRIES)) await writeFile(path.join(content, "events", file), text);
  first = await buildSite(content, site, { BUILD_DATE, CACHE_DIR: cache });
}, BUILD_TIMEOUT);

afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

function sourcePath(name: SourceName, root = content): string {
  return path.join(root, "events", SOURCES[name].file);
}

const text = (s: { text(): string }) => s.text().replace(/\s+/g, " ").trim();

/** "a.jpg 160w, b.jpg 320w" → [["a.jpg", 160], ["b.jpg", 320]] */
function parseSrcset(srcset: string | undefined): [string, number][] {
  expect(srcset).toBeTruthy();
  return srcset!.split(",").map((candidate) => {
    const [url, descriptor, ...rest] = candidate.trim().split(/\s+/);
    expect(rest).toEqual([]);
    expect(descriptor).toMatch(/^\d+w$/);
    return [url!, Number.parseInt(descriptor!, 10)];
  });
}

const URL_PATTERN = /^\/img\/([0-9a-f]{16})-(\d+|social)\.(avif|webp|jpg|png)$/;

function idOf(url: string | undefined): string {
  const match = URL_PATTERN.exec(url ?? "");
  expect(match, `${url} is not an image URL`).not.toBeNull();
  return match![1]!;
}

/** Which published id belongs to which source, read from the pages that show them. */
function photoIds(outputDir: string): Record<SourceName, string> {
  const sideways = loadPage(outputDir, "/events/sideways-photo/");
  const gallery = sideways(".gallery img");
  return {
    sideways: idOf(sideways(".event-header + .photo img").attr("src")),
    gps: idOf(gallery.eq(0).attr("src")),
    cmyk: idOf(gallery.eq(1).attr("src")),
    transparent: idOf(loadPage(outputDir, "/events/glass-pane/")(".event-header + .photo img").attr("src")),
    gif: idOf(loadPage(outputDir, "/events/tiny-gif/")(".event-header + .photo img").attr("src")),
  };
}

function imageFiles(outputDir: string): string[] {
  return listFiles(path.join(outputDir, "img"));
}

const FORMAT_OF_EXTENSION: Record<string, Pick<Metadata, "format"> & { compression?: string }> = {
  avif: { format: "heif", compression: "av1" },
  webp: { format: "webp" },
  jpg: { format: "jpeg" },
  png: { format: "png" },
};

/** Every image URL a page refers to: <img src>, every srcset candidate, and the "large image" links. */
function referencedImageUrls(outputDir: string): Set<string> {
  const urls = new Set<string>();
  for (const file of listFiles(outputDir).filter((f) => f.endsWith(".html"))) {
    const $ = loadPage(outputDir, `/${file}`);
    $("img[src]").each((_, el) => void urls.add($(el).attr("src")!));
    $("[srcset]").each((_, el) => parseSrcset($(el).attr("srcset")).forEach(([url]) => urls.add(url)));
    $("a.photo-link, a.credit-image").each((_, el) => void urls.add($(el).attr("href")!));
  }
  return urls;
}

function imagesLine(run: BuildRun): { photos: number; encoded: number; reused: number } {
  const match = /^Images: (\d+) photos, (\d+) files encoded, (\d+) from the cache, in \d+\.\d\d s\.$/m.exec(run.stdout);
  expect(match, `no Images: line in\n${run.stdout}`).not.toBeNull();
  return { photos: Number(match![1]), encoded: Number(match![2]), reused: Number(match![3]) };
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  return (await readFile(a)).equals(await readFile(b));
}

describe("the source images", () => {
  it("carry what the site must not publish: EXIF rotation and GPS, CMYK, alpha", async () => {
    const sideways = await sharp(sourcePath("sideways")).metadata();
    expect([sideways.width, sideways.height, sideways.orientation]).toEqual([1200, 800, 6]);
    const gps = await sharp(sourcePath("gps")).metadata();
    expect(gps.exif).toBeDefined();
    expect(exifIfd0Tags(gps.exif!)).toContain(GPS_IFD_TAG);
    expect(gps.exif!.includes("Leaky 1")).toBe(true);
    expect((await sharp(sourcePath("cmyk")).metadata()).space).toBe("cmyk");
    const glass = await sharp(sourcePath("transparent")).metadata();
    expect([glass.channels, glass.hasAlpha]).toEqual([4, true]);
    const tiny = await sharp(sourcePath("gif")).metadata();
    expect([tiny.format, tiny.width, tiny.height]).toEqual(["gif", 10, 10]);
    // The expected fallback of the GIF follows from what sharp reads in it.
    expect(tiny.hasAlpha ? "png" : "jpg").toBe(SOURCES.gif.fallback);
  });
});

describe("a build with photos", () => {
  it("succeeds, encoding each photo's renditions once", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(imagesLine(first)).toEqual({ photos: 5, encoded: imageFiles(site).length, reused: 0 });
    expect(imageFiles(site)).toHaveLength(13 + 10 + 13 + 10 + 4);
    expect(first.stdout).toMatch(
      /^Built 5 events and 366 day pages into .+\/ in \d+\.\d\d s \(content \d+\.\d\d s, pages \d+\.\d\d s in 1 run, then the rest \d+\.\d\d s\)\.$/m,
    );
  });

  it("gives the lead photo a <picture>: AVIF and WebP sources, a JPEG <img> at the upright size, loaded first", () => {
    const $ = loadPage(site, "/events/sideways-photo/");
    const lead = $(".event-header + .photo");
    const picture = lead.find("a.photo-link > picture");
    expect(picture).toHaveLength(1);
    const sources = picture.children("source");
    expect(sources.map((_, el) => $(el).attr("type")).get()).toEqual(["image/avif", "image/webp"]);
    for (const [i, ext] of ["avif", "webp"].entries()) {
      const candidates = parseSrcset(sources.eq(i).attr("srcset"));
      expect(candidates.map(([, w]) => w)).toEqual(SOURCES.sideways.widths);
      for (const [url, w] of candidates) expect(url).toMatch(new RegExp(`^/img/[0-9a-f]{16}-${w}\\.${ext}$`));
      expect(sources.eq(i).attr("sizes")).toBe(LEAD_SIZES);
    }
    expect(sources.eq(0).attr("srcset")).toMatch(/^\S+ 160w, \S+ 320w, \S+ 640w, \S+ 800w$/);

    const img = picture.children("img");
    expect(img).toHaveLength(1);
    expect(img.attr("src")).toMatch(/^\/img\/[0-9a-f]{16}-\d+\.jpg$/);
    expect(parseSrcset(img.attr("srcset"))).toEqual(
      SOURCES.sideways.widths.map((w) => [`/img/${idOf(img.attr("src"))}-${w}.jpg`, w]),
    );
    expect(parseSrcset(img.attr("srcset")).map(([url]) => url)).toContain(img.attr("src"));
    expect(img.attr("sizes")).toBe(LEAD_SIZES);
    expect([img.attr("width"), img.attr("height")]).toEqual(["800", "1200"]);
    expect(img.attr("alt")).toBe("A red band above a blue band");
    expect(img.attr("fetchpriority")).toBe("high");
    expect(img.attr("loading")).toBeUndefined();
    expect(img.attr("decoding")).toBe("async");
    // "Open the large image": the widest fallback.
    expect(lead.find("a.photo-link").attr("href")).toBe(`/img/${idOf(img.attr("src"))}-800.jpg`);
    expect(text(lead.find("figcaption"))).toBe("Upright at last.");
  });

  it("loads gallery photos lazily and asynchronously, each linked to its large image", () => {
    const $ = loadPage(site, "/events/sideways-photo/");
    const figures = $(".gallery .photo");
    expect(figures).toHaveLength(2);
    const expected = [
      { source: SOURCES.gps, alt: "A green field" },
      { source: SOURCES.cmyk, alt: "A poster printed in red" },
    ];
    for (const [i, { source, alt }] of expected.entries()) {
      const figure = figures.eq(i);
      const img = figure.find("a.photo-link > picture > img");
      expect(img).toHaveLength(1);
      expect(img.attr("loading")).toBe("lazy");
      expect(img.attr("decoding")).toBe("async");
      expect(img.attr("fetchpriority")).toBeUndefined();
      expect(img.attr("alt")).toBe(alt);
      expect([img.attr("width"), img.attr("height")]).toEqual([String(source.width), String(source.height)]);
      expect(img.attr("src")).toMatch(/\.jpg$/);
      expect(img.attr("sizes")).toBe(GALLERY_SIZES);
      expect(parseSrcset(img.attr("srcset")).map(([, w]) => w)).toEqual(source.widths);
      expect(
        figure
          .find("source")
          .map((_, el) => $(el).attr("type"))
          .get(),
      ).toEqual(["image/avif", "image/webp"]);
      const largest = source.widths.at(-1);
      expect(figure.find("a.photo-link").attr("href")).toBe(`/img/${idOf(img.attr("src"))}-${largest}.jpg`);
    }
    // Only the lead photo is fetched eagerly on the page.
    expect($("img[fetchpriority]")).toHaveLength(1);
    expect($("img:not([loading])")).toHaveLength(1);
  });

  it("falls back to PNG, not JPEG, for a transparent photo and for the GIF", () => {
    for (const [url, name] of [
      ["/events/glass-pane/", "transparent"],
      ["/events/tiny-gif/", "gif"],
    ] as const) {
      const $ = loadPage(site, url);
      const img = $(".event-header + .photo picture > img");
      const source = SOURCES[name];
      expect(img.attr("src")).toMatch(/^\/img\/[0-9a-f]{16}-\d+\.png$/);
      expect(parseSrcset(img.attr("srcset"))).toEqual(
        source.widths.map((w) => [`/img/${idOf(img.attr("src"))}-${w}.png`, w]),
      );
      expect([img.attr("width"), img.attr("height")]).toEqual([String(source.width), String(source.height)]);
      expect(
        $(".event-header + .photo source")
          .map((_, el) => $(el).attr("type"))
          .get(),
      ).toEqual(["image/avif", "image/webp"]);
      expect(img.attr("fetchpriority")).toBe("high");
    }
  });

  it("shows each photo's credit in its Photo Info block, linked where a URL is given", () => {
    const $ = loadPage(site, "/events/sideways-photo/");
    const credit = (block: ReturnType<typeof $>) =>
      Object.fromEntries(
        block
          .find("dt")
          .map((_, dt) => [[$(dt).text(), text($(dt).next("dd"))]])
          .get() as [string, string][],
      );
    const lead = $(".event-header + .photo .photo-info");
    expect(text(lead.find(".photo-info-heading"))).toBe("Photo Info");
    expect(credit(lead)).toEqual({
      Photographer: "Ada Lens",
      "Location taken": "Greenwich",
      Source: "Example Archive",
      License: "CC BY 4.0",
    });
    const linkIn = (term: string) =>
      lead
        .find("dt")
        .filter((_, dt) => $(dt).text() === term)
        .next("dd")
        .find("a");
    expect(linkIn("Source").attr("href")).toBe("https://example.org/archive/sideways");
    expect(linkIn("License").attr("href")).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(lead.find("dd a")).toHaveLength(2);

    const gallery = $(".gallery .photo-info");
    expect(gallery.toArray().map((el) => credit($(el)))).toEqual([
      { Photographer: "Gus Position", Source: "Field Notes", License: "CC0" },
      { Photographer: "Cyan Magenta", Source: "Print Shop", License: "Public domain" },
    ]);
    // No URL given: plain text, no link.
    expect(gallery.find("a")).toHaveLength(0);
  });

  it("shows a thumbnail beside each event with a lead photo on its day page", () => {
    const $ = loadPage(site, "/june/12/");
    const items = $(".event-item");
    const byTitle = new Map(
      items.map((_, li) => [[text($(li).find(".event-title")), $(li)]]).get() as [string, typeof items][],
    );
    expect([...byTitle.keys()].sort()).toEqual([
      "A half-transparent pane",
      "A photo stored sideways",
      "A very small GIF",
      "An event without a photo",
      "The green field, seen again",
    ]);
    const leads: [string, string][] = [
      ["A photo stored sideways", "/events/sideways-photo/"],
      ["The green field, seen again", "/events/field-again/"],
      ["A half-transparent pane", "/events/glass-pane/"],
      ["A very small GIF", "/events/tiny-gif/"],
    ];
    for (const [title, url] of leads) {
      const item = byTitle.get(title)!;
      expect(item.hasClass("has-thumbnail")).toBe(true);
      const thumbnail = item.find(".event-thumbnail picture > img");
      expect(thumbnail).toHaveLength(1);
      const page = loadPage(site, url);
      expect(thumbnail.attr("src")).toBe(page(".event-header + .photo img").attr("src"));
      expect(thumbnail.attr("srcset")).toBe(page(".event-header + .photo img").attr("srcset"));
      expect(thumbnail.attr("loading")).toBe("lazy");
      expect(thumbnail.attr("decoding")).toBe("async");
      expect(thumbnail.attr("width")).toBeTruthy();
      // Decorative beside the linked title: empty alt, not a missing one.
      expect(thumbnail.attr("alt")).toBe("");
    }
    const bare = byTitle.get("An event without a photo")!;
    expect(bare.hasClass("has-thumbnail")).toBe(false);
    expect(bare.find(".event-thumbnail, img")).toHaveLength(0);
  });

  it("lists every published photo once on /credits/, with its credit and a link to each event that shows it", () => {
    const $ = loadPage(site, "/credits/");
    const ids = photoIds(site);
    const credits = $(".credit-list > li.credit");
    expect(credits).toHaveLength(SOURCE_NAMES.length);
    const listed = credits
      .map((_, li) => {
        const item = $(li);
        return [
          {
            id: idOf(item.find("picture > img").attr("src")),
            photographer: text(
              item
                .find("dt")
                .filter((_, dt) => $(dt).text() === "Photographer")
                .next("dd"),
            ),
            license: text(
              item
                .find("dt")
                .filter((_, dt) => $(dt).text() === "License")
                .next("dd"),
            ),
            usedOn: item
              .find(".credit-used a")
              .map((_, a) => $(a).attr("href"))
              .get()
              .sort(),
            large: item.find("a.credit-image").attr("href"),
          },
        ];
      })
      .get() as { id: string; photographer: string; license: string; usedOn: string[]; large: string | undefined }[];
    expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
    const byId = new Map(listed.map((c) => [c.id, c]));
    const expected: Record<SourceName, { photographer: string; license: string; usedOn: string[] }> = {
      sideways: { photographer: "Ada Lens", license: "CC BY 4.0", usedOn: ["/events/sideways-photo/"] },
      gps: {
        photographer: "Gus Position",
        license: "CC0",
        usedOn: ["/events/field-again/", "/events/sideways-photo/"],
      },
      cmyk: { photographer: "Cyan Magenta", license: "Public domain", usedOn: ["/events/sideways-photo/"] },
      transparent: { photographer: "Tess Parent", license: "CC BY-SA 4.0", usedOn: ["/events/glass-pane/"] },
      gif: { photographer: "Gif Maker", license: "CC0", usedOn: ["/events/tiny-gif/"] },
    };
    for (const name of SOURCE_NAMES) {
      const credit = byId.get(ids[name]);
      expect(credit, `${name} is not on /credits/`).toBeDefined();
      const { id: _id, large, ...shown } = credit!;
      expect(shown).toEqual(expected[name]);
      expect(large).toBe(`/img/${ids[name]}-${SOURCES[name].widths.at(-1)}.${SOURCES[name].fallback}`);
    }
    // The linked licence on the lead photo is linked here too.
    const sideways = credits.filter((_, li) => idOf($(li).find("img").attr("src")) === ids.sideways);
    expect(
      sideways
        .find("dd a")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toEqual(["https://example.org/archive/sideways", "https://creativecommons.org/licenses/by/4.0/"]);
  });
});

describe("the published image files", () => {
  it("exist for every URL in every src, srcset and large-image link", () => {
    const referenced = [...referencedImageUrls(site)];
    expect(referenced.length).toBeGreaterThan(0);
    const missing = referenced.filter((url) => !existsSync(path.join(site, url)));
    expect(missing).toEqual([]);
    // Everything in img/ is either referenced by a page or a social card.
    const unreferenced = imageFiles(site)
      .map((f) => `/img/${f}`)
      .filter((url) => !referenced.includes(url) && !url.endsWith("-social.jpg"));
    expect(unreferenced).toEqual([]);
  });

  it("are in the format their extension names", async () => {
    for (const file of imageFiles(site)) {
      const extension = path.extname(file).slice(1);
      const metadata = await sharp(path.join(site, "img", file)).metadata();
      const expected = FORMAT_OF_EXTENSION[extension];
      expect(expected, file).toBeDefined();
      expect(metadata.format, file).toBe(expected!.format);
      if (expected!.compression) expect(metadata.compression, file).toBe(expected!.compression);
    }
  });

  it("are exactly each photo's widths in AVIF, WebP and the fallback, none wider than the source, plus a 1200×630 social card", async () => {
    const ids = photoIds(site);
    const files = imageFiles(site);
    for (const name of SOURCE_NAMES) {
      const source = SOURCES[name];
      const id = ids[name];
      const expected = ["avif", "webp", source.fallback].flatMap((ext) =>
        source.widths.map((w) => `${id}-${w}.${ext}`),
      );
      expect(files.filter((f) => f.startsWith(`${id}-`)).sort(), name).toEqual(
        [...expected, `${id}-social.jpg`].sort(),
      );
      for (const file of expected) {
        const { width, height } = await sharp(path.join(site, "img", file)).metadata();
        const w = Number(/-(\d+)\./.exec(file)![1]);
        expect([width, height], file).toEqual([w, Math.round((source.height * w) / source.width)]);
        expect(width, file).toBeLessThanOrEqual(source.width);
      }
      const social = await sharp(path.join(site, "img", `${id}-social.jpg`)).metadata();
      expect([social.format, social.width, social.height], `${name} social card`).toEqual(["jpeg", 1200, 630]);
    }
  });

  it("shows the sideways photo upright, red above blue, in every format and width", async () => {
    const id = photoIds(site).sideways;
    const renditions = imageFiles(site).filter((f) => f.startsWith(`${id}-`) && !f.includes("social"));
    expect(renditions).toHaveLength(12);
    for (const file of renditions) {
      const full = path.join(site, "img", file);
      const { width, height } = await sharp(full).metadata();
      expect(height! / width!, file).toBe(1.5);
      const top = await pixelAt(full, Math.floor(width! / 2), Math.floor(height! / 4));
      const bottom = await pixelAt(full, Math.floor(width! / 2), Math.floor((height! * 3) / 4));
      expect(near(top, RED), `${file} top is ${top}`).toBe(true);
      expect(near(bottom, BLUE), `${file} bottom is ${bottom}`).toBe(true);
    }
  });

  it("carry no EXIF (no GPS position, no camera), no orientation tag and no colour profile but sRGB", async () => {
    for (const file of imageFiles(site)) {
      const full = path.join(site, "img", file);
      const metadata = await sharp(full).metadata();
      expect(metadata.exif, file).toBeUndefined();
      expect(metadata.xmp, file).toBeUndefined();
      expect(metadata.orientation, file).toBeUndefined();
      expect(metadata.space, file).toBe("srgb");
      if (metadata.icc) expect(metadata.icc.toString("latin1"), `${file} has a non-sRGB profile`).toMatch(/sRGB/);
      expect((await readFile(full)).includes("Leaky 1"), `${file} names the camera`).toBe(false);
    }
  });

  it("convert the CMYK photo to sRGB in every file, keeping its colour", async () => {
    const id = photoIds(site).cmyk;
    const files = imageFiles(site).filter((f) => f.startsWith(`${id}-`));
    expect(files).toHaveLength(13);
    for (const file of files) {
      const full = path.join(site, "img", file);
      const metadata = await sharp(full).metadata();
      expect([metadata.space, metadata.channels, metadata.exif], file).toEqual(["srgb", 3, undefined]);
      const { width, height } = metadata;
      const colour = await pixelAt(full, Math.floor(width! / 2), Math.floor(height! / 2));
      // The source was made from rgb(200, 40, 40): still a red, not inverted or washed out.
      expect(colour[0] > 150 && colour[1] < 100 && colour[2] < 100, `${file} is ${colour}`).toBe(true);
    }
  });

  it("keep the transparent photo's alpha in its PNG fallback and in AVIF and WebP", async () => {
    const id = photoIds(site).transparent;
    const files = imageFiles(site).filter((f) => f.startsWith(`${id}-`) && !f.includes("social"));
    expect(files.filter((f) => f.endsWith(".png"))).toHaveLength(3);
    for (const file of files) {
      const full = path.join(site, "img", file);
      expect((await sharp(full).metadata()).hasAlpha, file).toBe(true);
      const alpha = (
        await sharp(full).extract({ left: 5, top: 5, width: 1, height: 1 }).ensureAlpha().raw().toBuffer()
      )[3]!;
      expect(Math.abs(alpha - 128), `${file} alpha is ${alpha}`).toBeLessThanOrEqual(12);
    }
    // The social card is a JPEG: flattened, opaque.
    expect((await sharp(path.join(site, "img", `${id}-social.jpg`)).metadata()).hasAlpha).toBe(false);
  });
});

describe("the image cache", () => {
  it(
    "encodes nothing on a second build and gives byte-identical image files",
    async () => {
      const again = path.join(work, "site-again");
      const run = await buildSite(content, again, { BUILD_DATE, CACHE_DIR: cache });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const files = imageFiles(site);
      expect(imagesLine(run)).toEqual({ photos: 5, encoded: 0, reused: files.length });
      expect(imageFiles(again)).toEqual(files);
      for (const file of files) {
        expect(await sameBytes(path.join(site, "img", file), path.join(again, "img", file)), file).toBe(true);
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    "encodes only a changed photo's files on a third build",
    async () => {
      const changedContent = path.join(work, "content-changed");
      await cp(content, changedContent, { recursive: true });
      // Same size, other colour: other bytes, so another id.
      await writeFile(sourcePath("cmyk", changedContent), await cmykJpeg(700, 500, [40, 40, 200]));
      const changed = path.join(work, "site-changed");
      const run = await buildSite(changedContent, changed, { BUILD_DATE, CACHE_DIR: cache });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);

      const before = photoIds(site);
      const after = photoIds(changed);
      expect(after.cmyk).not.toBe(before.cmyk);
      for (const name of SOURCE_NAMES.filter((n) => n !== "cmyk")) expect(after[name], name).toBe(before[name]);

      const files = imageFiles(changed);
      const changedFiles = files.filter((f) => f.startsWith(`${after.cmyk}-`));
      expect(changedFiles.length).toBeGreaterThan(0);
      expect(imagesLine(run)).toEqual({
        photos: 5,
        encoded: changedFiles.length,
        reused: files.length - changedFiles.length,
      });
      // The old photo's files are gone from the new site; the others are the very same bytes.
      expect(files.filter((f) => f.startsWith(`${before.cmyk}-`))).toEqual([]);
      for (const file of files.filter((f) => !changedFiles.includes(f))) {
        expect(await sameBytes(path.join(site, "img", file), path.join(changed, "img", file)), file).toBe(true);
      }
      const colour = await pixelAt(path.join(changed, "img", `${after.cmyk}-160.jpg`), 80, 57);
      expect(colour[2] > colour[0] + 60 && colour[2] > colour[1] + 60, `the new photo is ${colour}, not blue`).toBe(
        true,
      );
    },
    BUILD_TIMEOUT,
  );
});

/** How a problem is printed: `file:line: field: message (fix)`; the message must mention `mentions`. */
function problemLine(
  file: string,
  line: number | "any",
  field: string,
  mentions: string,
): ReturnType<typeof expect.stringMatching> {
  const where = line === "any" ? "(?::\\d+)?" : `:${line}`;
  return expect.stringMatching(
    new RegExp(
      `^${escapeRegExp(file)}${where}: ${escapeRegExp(field)}: .*${escapeRegExp(mentions)}.* \\([^()]*(?:\\([^()]*\\)[^()]*)*\\)$`,
    ),
  );
}

const shown = (file: string) => path.relative(REPO_ROOT, file);
const lineOf = (source: string, needle: string) => source.split("\n").findIndex((line) => line.includes(needle)) + 1;
const credit = (indent: string) =>
  ["alt: Something", "photographer: Somebody", "source: Somewhere", "license: CC0"]
    .map((line) => `${indent}${line}\n`)
    .join("");
const entry = (title: string, date: string, photoYaml: string) =>
  `---\ntitle: ${title}\ndate: ${date}\nsummary: A photo that cannot be published.\n${photoYaml}${CITED}---\n`;

/** Copies of a good build, for failing builds to write to and leave alone. */
async function previousSite(name: string): Promise<{ dir: string; digest: string }> {
  const dir = path.join(work, name);
  await cp(site, dir, { recursive: true });
  return { dir, digest: treeDigest(dir) };
}

/** Staging or swapped-out folders of a build into `dir`, left beside it. */
function leftoversOf(dir: string): string[] {
  const name = path.basename(dir);
  return readdirSync(path.dirname(dir)).filter(
    (f) => f.startsWith(`${name}.building-`) || f.startsWith(`${name}.previous-`),
  );
}

describe("photos that fail the check before the build", () => {
  let events: string;
  let files: Record<string, string>;
  let previous: { dir: string; digest: string };
  let run: BuildRun;

  beforeAll(async () => {
    const folder = path.join(work, "bad-files");
    events = path.join(folder, "events");
    await mkdir(events, { recursive: true });
    await writeFile(path.join(events, "notes.jpg"), "These are my notes, not a photo.\n");
    await writeFile(path.join(events, "big.png"), await plainPng(200, 100));
    await writeFile(path.join(events, "small.png"), await plainPng(50, 50));
    await writeFile(path.join(events, "fine.png"), await plainPng(60, 40, [10, 20, 30]));
    files = {
      "not-an-image.md": entry("A text file named .jpg", "1999-06-12", `photo:\n  src: notes.jpg\n${credit("  ")}`),
      "too-big.md": entry("Too many pixels", "1999-06-12", `photo:\n  src: big.png\n${credit("  ")}`),
      "no-license.md": entry(
        "No license",
        "1999-06-12",
        `photo:\n  src: small.png\n${credit("  ").replace(/^ {2}license: .*\n/m, "")}`,
      ),
      "missing-file.md": entry(
        "Missing files",
        "1999-06-12",
        `photo:\n  src: nowhere.jpg\n${credit("  ")}photos:\n  - src: fine.png\n${credit("    ")}  - src: gone/also-missing.jpg\n${credit("    ")}`,
      ),
    };
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(events, file), text);
    expect(files["no-license.md"]).not.toMatch(/^\s*license:/m);
    previous = await previousSite("previous-site-1");
    // 200×100 is 20,000 pixels: over this limit. 50×50 and 60×40 are under it.
    run = await buildSite(folder, previous.dir, { BUILD_DATE, CACHE_DIR: cache, MAX_PHOTO_PIXELS: "10000" });
  }, BUILD_TIMEOUT);

  it("exits 1 and names each entry file, line, field and a fix, then says nothing was built", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const file = (name: string) => shown(path.join(events, name));
    const line = (name: string, needle: string) => lineOf(files[name]!, needle);
    expect(run.stderr.split("\n")).toEqual([
      // Sorted by file, then line.
      problemLine(
        file("missing-file.md"),
        line("missing-file.md", "src: nowhere.jpg"),
        "photo.src",
        '"nowhere.jpg" does not exist',
      ),
      problemLine(
        file("missing-file.md"),
        line("missing-file.md", "also-missing"),
        "photos[1].src",
        '"gone/also-missing.jpg" does not exist',
      ),
      // The line of the photo whose field is missing: its key or its first field.
      problemLine(file("no-license.md"), "any", "photo.license", "is missing"),
      problemLine(
        file("not-an-image.md"),
        line("not-an-image.md", "src: notes.jpg"),
        "photo.src",
        '"notes.jpg" is not an image',
      ),
      problemLine(file("too-big.md"), line("too-big.md", "src: big.png"), "photo.src", '"big.png" is 200×100'),
      "",
      "5 errors, 0 warnings.",
      `Nothing was built; ${shown(previous.dir)}/ is unchanged.`,
      "",
    ]);
    const photoLines = `(?:${line("no-license.md", "photo:")}|${line("no-license.md", "src: small.png")})`;
    expect(run.stderr).toMatch(
      new RegExp(`^${escapeRegExp(file("no-license.md"))}:${photoLines}: photo\\.license: `, "m"),
    );
    expect(run.stderr).toContain("MAX_PHOTO_PIXELS");
  });

  it("leaves the previous site as it was, with nothing beside it", () => {
    expect(treeDigest(previous.dir)).toBe(previous.digest);
    expect(leftoversOf(previous.dir)).toEqual([]);
  });
});

describe("truncated JPEGs, found only while encoding", () => {
  let events: string;
  let previous: { dir: string; digest: string };
  let run: BuildRun;
  const fix = "the file may be truncated or damaged: export it again as JPEG, PNG, WebP or AVIF";

  beforeAll(async () => {
    const folder = path.join(work, "truncated");
    events = path.join(folder, "events");
    await mkdir(events, { recursive: true });
    const halfOf = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2));
    await writeFile(path.join(events, "truncated.jpg"), halfOf(await sidewaysJpeg(1200, 800)));
    await writeFile(path.join(events, "cut-short.jpg"), halfOf(await sidewaysJpeg(1000, 600)));
    await writeFile(path.join(events, "fine.png"), await plainPng(60, 40, [10, 20, 30]));
    const files = {
      "truncated.md": entry("Half a JPEG", "1999-06-12", `photo:\n  src: truncated.jpg\n${credit("  ")}`),
      "gallery.md": entry(
        "Half a JPEG in a gallery",
        "1998-06-12",
        `photo:\n  src: fine.png\n${credit("  ")}photos:\n  - src: cut-short.jpg\n${credit("    ")}`,
      ),
    };
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(events, file), text);
    previous = await previousSite("previous-site-2");
    run = await buildSite(folder, previous.dir, { BUILD_DATE, CACHE_DIR: cache });
  }, BUILD_TIMEOUT);

  it("pass the header check that runs before the build", async () => {
    for (const file of ["truncated.jpg", "cut-short.jpg"]) {
      const metadata = await sharp(path.join(events, file)).metadata();
      expect([metadata.format, metadata.width], file).toEqual(["jpeg", file === "truncated.jpg" ? 1200 : 1000]);
    }
  });

  it("exit 1, naming each entry file, field and a fix, then say the build failed", () => {
    expect(run.code).toBe(1);
    const report = run.stderr.split("\n").filter((line) => !line.startsWith("[11ty]"));
    const problems = [
      problemLine(shown(path.join(events, "truncated.md")), "any", "photo.src", '"truncated.jpg" cannot be processed'),
      problemLine(
        shown(path.join(events, "gallery.md")),
        "any",
        "photos[0].src",
        '"cut-short.jpg" cannot be processed',
      ),
    ];
    // Photos are encoded in parallel: the two may come in either order.
    expect(report.slice(0, 2)).toEqual(expect.arrayContaining(problems));
    expect(report.slice(2)).toEqual([
      "",
      "2 errors, 0 warnings.",
      `The build failed; ${shown(previous.dir)}/ is unchanged.`,
      "",
    ]);
    expect(run.stderr).toContain(`(${fix})`);
  });

  it("leave the previous site as it was", () => {
    expect(treeDigest(previous.dir)).toBe(previous.digest);
  });

  // Regression: Pagefind once indexed alongside image publishing, writing into a staging folder being removed.
  it("leave no staging folder beside the site and no half-written file in the cache", () => {
    expect(leftoversOf(previous.dir)).toEqual([]);
    expect(readdirSync(path.join(cache, "images")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  // Regression: image errors were once thrown inside Eleventy's hook, which logged them with a stack trace.
  it("print each problem once, as the report, without Eleventy's error dump and stack trace", () => {
    expect(run.stderr).not.toMatch(/^\[11ty\]/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.split("\n").filter((line) => line.includes('"truncated.jpg" cannot be processed'))).toHaveLength(
      1,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
