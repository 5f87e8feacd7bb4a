// What each photo is published as: a few widths in AVIF, WebP and JPEG (PNG
// when transparent), a 1200×630 social card, and the markup's srcset strings.
// Pure: names come from the source's content hash and these settings, so a
// changed photo or a changed setting gets new URLs that hosts may cache forever.
// Here because the archive's pages name these files; src/images/ encodes them.
import { createHash } from "node:crypto";
import type { PhotoFile } from "../content/photo-files.ts";

export const WIDTHS = [160, 320, 640, 1024, 1600] as const;
export const SOCIAL = { width: 1200, height: 630 } as const;
export const QUALITY = { avif: 50, webp: 72, jpeg: 78, png: 80 } as const;
// AVIF's slowest stage. Measured on one core for a 1600 px photo's five widths:
// effort 4 (sharp's default) 4.8 s, effort 2 1.3 s, effort 0 0.3 s. Effort 0
// is still 28% smaller than WebP, and a cold build of a large archive stays
// in minutes rather than hours.
export const AVIF_EFFORT = 0;
const SETTINGS = JSON.stringify({ WIDTHS, SOCIAL, QUALITY, AVIF_EFFORT, v: 1 });

export type OutputFormat = "avif" | "webp" | "jpeg" | "png";

export interface Rendition {
  /** Site path, e.g. "/img/3f2a…-640.webp". */
  readonly url: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
  /** Cropped to fill width × height (the social card), rather than scaled. */
  readonly cover?: boolean;
}

export interface ImageView {
  readonly width: number;
  readonly height: number;
  /** <source> elements, best format first. */
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  /** The <img> fallback (JPEG, or PNG for transparency), about 640 px wide. */
  readonly src: string;
  readonly srcSize: { readonly width: number; readonly height: number };
  readonly srcset: string;
  /** The largest fallback file, for "open the large image". */
  readonly large: string;
  readonly largeSize: { readonly width: number; readonly height: number };
  readonly social: string;
}

export interface PhotoPlan {
  readonly source: PhotoFile;
  readonly renditions: readonly Rendition[];
  readonly view: ImageView;
}

const MIME: Record<OutputFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
};
const EXTENSION: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };

export function planPhoto(source: PhotoFile): PhotoPlan {
  const id = createHash("sha256").update(`${source.hash}:${SETTINGS}`).digest("hex").slice(0, 16);
  // Never enlarge: widths above the original are dropped, and the original width is kept when it is smaller.
  const widths = [...new Set([...WIDTHS.filter((w) => w < source.width), Math.min(source.width, WIDTHS.at(-1)!)])];
  const fallback: OutputFormat = source.hasAlpha ? "png" : "jpeg";
  const formats: OutputFormat[] = ["avif", "webp", fallback];
  const sized = (format: OutputFormat, width: number): Rendition => ({
    url: `/img/${id}-${width}.${EXTENSION[format]}`,
    format,
    width,
    height: Math.max(1, Math.round((source.height * width) / source.width)),
  });
  const byFormat = new Map(formats.map((format) => [format, widths.map((w) => sized(format, w))]));
  const social: Rendition = { url: `/img/${id}-social.jpg`, format: "jpeg", ...SOCIAL, cover: true };
  const srcset = (list: readonly Rendition[]) => list.map((r) => `${r.url} ${r.width}w`).join(", ");
  const fallbacks = byFormat.get(fallback)!;
  const middle = fallbacks.find((r) => r.width >= 640) ?? fallbacks.at(-1)!;
  return {
    source,
    renditions: [...byFormat.values()].flat().concat(social),
    view: {
      width: source.width,
      height: source.height,
      sources: formats.filter((f) => f !== fallback).map((f) => ({ type: MIME[f], srcset: srcset(byFormat.get(f)!) })),
      src: middle.url,
      srcSize: { width: middle.width, height: middle.height },
      srcset: srcset(fallbacks),
      large: fallbacks.at(-1)!.url,
      largeSize: { width: fallbacks.at(-1)!.width, height: fallbacks.at(-1)!.height },
      social: social.url,
    },
  };
}
