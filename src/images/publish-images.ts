// Encodes each photo's renditions once into a disk cache keyed by content and
// settings, then links them into the site. A second build with unchanged
// photos encodes nothing.
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp, { type Sharp } from "sharp";
import { AVIF_EFFORT, type PhotoPlan, QUALITY, type Rendition } from "../archive/renditions.ts";
import type { PhotoFile } from "../content/photo-files.ts";
import { ContentErrors, type ContentProblem } from "../content/problems.ts";
import { mapLimit } from "../util/map-limit.ts";

export interface ImageJob {
  readonly plan: PhotoPlan;
  /** Where the photo is named, for an error message: the entry file and field. */
  readonly origin: { readonly file: string; readonly field: string; readonly src: string };
}

export interface PublishStats {
  readonly photos: number;
  readonly encoded: number;
  readonly reused: number;
  readonly seconds: number;
}

export interface PublishOptions {
  readonly outputDir: string;
  /** Holds encoded files between builds; CI may keep it (see README). */
  readonly cacheDir: string;
}

// One image per core at a time, each with one libvips thread: every core stays
// busy, and only one decoded image per core is ever in memory.
const IN_FLIGHT = Math.max(1, os.availableParallelism());

export async function publishImages(jobs: readonly ImageJob[], options: PublishOptions): Promise<PublishStats> {
  const started = performance.now();
  const unique = [...new Map(jobs.map((job) => [job.plan.view.social, job])).values()];
  if (!unique.length) return { photos: 0, encoded: 0, reused: 0, seconds: 0 };
  sharp.concurrency(1);
  sharp.cache(false);
  const cache = path.join(options.cacheDir, "images");
  await mkdir(cache, { recursive: true });
  await mkdir(path.join(options.outputDir, "img"), { recursive: true });

  let encoded = 0;
  let reused = 0;
  const problems: ContentProblem[] = [];
  await mapLimit(unique, IN_FLIGHT, async ({ plan, origin }) => {
    const cached = (r: Rendition) => path.join(cache, path.basename(r.url));
    const missing = plan.renditions.filter((r) => !existsSync(cached(r)));
    try {
      if (missing.length) await encode(plan.source, missing, cached);
    } catch (error) {
      const message = (error as Error).message;
      problems.push({
        file: origin.file,
        field: origin.field,
        message: `"${origin.src}" cannot be processed: ${message}`,
        fix: /pixel limit/.test(message)
          ? "the file was replaced by a larger image during the build: run the build again"
          : "the file may be truncated or damaged: export it again as JPEG, PNG, WebP or AVIF",
        severity: "error",
      });
      return;
    }
    encoded += missing.length;
    reused += plan.renditions.length - missing.length;
    for (const rendition of plan.renditions)
      await place(cached(rendition), path.join(options.outputDir, rendition.url));
  });
  if (problems.length) throw new ContentErrors(problems);
  return { photos: unique.length, encoded, reused, seconds: (performance.now() - started) / 1000 };
}

async function encode(
  source: PhotoFile,
  renditions: readonly Rendition[],
  target: (r: Rendition) => string,
): Promise<void> {
  // Decoded once; upright from EXIF, in sRGB. sharp writes no metadata unless
  // asked, so camera serials and GPS positions are left behind.
  // Read from disk as it is decoded, never whole into memory. The loader has
  // held the image to MAX_PHOTO_PIXELS, so sharp's cap is the size it checked:
  // a file swapped for a larger one since is refused, not decoded.
  const pixels = source.width * source.height;
  const base = sharp(source.path, { failOn: "error", limitInputPixels: pixels }).rotate().toColourspace("srgb");
  for (const rendition of renditions) {
    // The social card is always 1200×630, as the sharing sites ask: a smaller photo is enlarged to fill it.
    const resized = rendition.cover
      ? base.clone().resize(rendition.width, rendition.height, { fit: "cover", position: "attention" })
      : base.clone().resize(rendition.width, rendition.height);
    const bytes = await withFormat(resized, rendition).toBuffer();
    // Written beside, then renamed: a build killed mid-write leaves no half file in the cache.
    const temporary = `${target(rendition)}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target(rendition));
  }
}

function withFormat(image: Sharp, rendition: Rendition): Sharp {
  switch (rendition.format) {
    case "avif":
      return image.avif({ quality: QUALITY.avif, effort: AVIF_EFFORT });
    case "webp":
      return image.webp({ quality: QUALITY.webp });
    case "png":
      return image.png({ quality: QUALITY.png, palette: true, compressionLevel: 9 });
    case "jpeg":
      return image.flatten({ background: "#ffffff" }).jpeg({ quality: QUALITY.jpeg, mozjpeg: true });
  }
}

/** A hard link where the file system allows it (fast, no extra space), a copy otherwise. */
async function place(from: string, to: string): Promise<void> {
  if (existsSync(to)) return;
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}
