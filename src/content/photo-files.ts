// A photo's `src` → the image file on disk, checked: inside the content
// folder (no `..`, absolute path or symbolic link out of it), an ordinary
// file of a reasonable size, and an image sharp can read, with its size for
// the page's width and height. Only the header is decoded here, and the file
// is hashed as a stream: a large photo is never held in memory whole.
import { createHash } from "node:crypto";
import { createReadStream, type Stats } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { displayPath } from "../util/display-path.ts";

export interface PhotoFile {
  /** Absolute path of the image. */
  readonly path: string;
  /** As shown: EXIF orientation applied. */
  readonly width: number;
  readonly height: number;
  readonly format: string;
  /** Transparent images keep a PNG fallback instead of JPEG. */
  readonly hasAlpha: boolean;
  /** SHA-256 of the file's bytes: the key of its processed images. */
  readonly hash: string;
}

/** Guards against decompression bombs; MAX_PHOTO_PIXELS changes it. */
export const DEFAULT_MAX_PHOTO_PIXELS = 100_000_000;
/**
 * A web archive's source photos are rarely above 50 MB (a 100-megapixel JPEG
 * is about 40 MB); a larger file is almost always a mistake, and each one is
 * hashed and decoded on every cold build. MAX_PHOTO_BYTES changes it.
 */
export const DEFAULT_MAX_PHOTO_BYTES = 100_000_000;

export const SUPPORTED_FORMATS = ["jpeg", "png", "webp", "avif", "gif"] as const;

export type PhotoCheck = { file: PhotoFile } | { message: string; fix: string };

const PLACE_FIX =
  "put the image next to the entry (or under the content folder) and give its path relative to the entry, e.g. src: my-photo.jpg";

export interface PhotoLimits {
  readonly maxPixels?: number | undefined;
  readonly maxBytes?: number | undefined;
}

export async function inspectPhoto(
  src: string,
  entryDir: string,
  root: string,
  realRoot: string,
  { maxPixels = DEFAULT_MAX_PHOTO_PIXELS, maxBytes = DEFAULT_MAX_PHOTO_BYTES }: PhotoLimits = {},
): Promise<PhotoCheck> {
  if (path.isAbsolute(src) || /^[a-z][a-z0-9+.-]*:/i.test(src))
    return { message: `"${src}" is not a relative path`, fix: PLACE_FIX };
  const file = path.resolve(entryDir, src);
  if (!isInside(root, file)) return { message: `"${src}" leads outside the content folder`, fix: PLACE_FIX };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return {
      message: `the file "${src}" does not exist (looked for ${displayPath(file)})`,
      fix: "check the file name and its case, or add the image",
    };
  }
  if (!isInside(realRoot, real))
    return { message: `"${src}" is a link to a file outside the content folder`, fix: PLACE_FIX };
  // Nothing but a regular file is opened: reading a named pipe would wait forever.
  const stats = await stat(real);
  if (stats.isDirectory()) return { message: `"${src}" is a folder, not an image file`, fix: PLACE_FIX };
  if (!stats.isFile())
    return {
      message: `"${src}" is ${kindOf(stats)}, not an image file`,
      fix: "replace it with the image itself, a JPEG, PNG, WebP or AVIF file",
    };
  if (stats.size > maxBytes) {
    return {
      message: `"${src}" is ${megabytes(stats.size)}: more than the limit of ${megabytes(maxBytes)}`,
      fix: "export it again at a web size (a JPEG 4,000 pixels wide is a few MB), or raise MAX_PHOTO_BYTES",
    };
  }

  let metadata: Metadata;
  try {
    // Only the header is read, so sharp's own pixel cap is lifted and the limit below, with its numbers, applies.
    metadata = await sharp(real, { limitInputPixels: false }).metadata();
  } catch {
    return {
      message: `"${src}" is not an image, or the file is damaged`,
      fix: "export it again as JPEG, PNG, WebP or AVIF",
    };
  }
  const format = metadata.format ?? "unknown";
  if (!(SUPPORTED_FORMATS as readonly string[]).includes(format) || !metadata.width || !metadata.height) {
    return {
      message: `"${src}" is a ${format.toUpperCase()} image, which the site cannot publish`,
      fix: "convert it to JPEG, PNG, WebP or AVIF",
    };
  }
  const pixels = metadata.width * metadata.height;
  if (pixels > maxPixels) {
    const count = (n: number) => n.toLocaleString("en");
    return {
      message: `"${src}" is ${metadata.width}×${metadata.height}, ${count(pixels)} pixels: more than the limit of ${count(maxPixels)}`,
      fix: "scale it down (2,000–4,000 pixels wide is plenty for the web), or raise MAX_PHOTO_PIXELS",
    };
  }
  // EXIF orientations 5–8 turn the picture a quarter: its shown width is the stored height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return {
    file: {
      path: real,
      width: turned ? metadata.height : metadata.width,
      height: turned ? metadata.width : metadata.height,
      format,
      hasAlpha: metadata.hasAlpha ?? false,
      hash: await sha256Of(real),
    },
  };
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "a special file";
}

/** 3221225472 → "3,221.2 MB": in the units a file manager shows. */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
