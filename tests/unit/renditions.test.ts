import { describe, expect, it } from "vitest";
import { type PhotoPlan, planPhoto, type Rendition } from "../../src/archive/renditions.ts";
import type { PhotoFile } from "../../src/content/photo-files.ts";
import { photoFile } from "../support/helpers.ts";

const URL_PATTERN = /^\/img\/([0-9a-f]{16})-(\d+|social)\.(avif|webp|jpg|png)$/;

/** The 16-hex-digit id in a plan's URLs, checking that every URL carries the same one. */
function idOf(plan: PhotoPlan): string {
  const ids = new Set(plan.renditions.map((r) => URL_PATTERN.exec(r.url)?.[1]));
  expect(ids.size).toBe(1);
  const [id] = ids;
  if (id === undefined) throw new Error(`no id in ${plan.renditions[0]?.url}`);
  return id;
}

/** The renditions expected for `id`: each format at each [width, height], in that order, then the social card. */
function expectedRenditions(
  id: string,
  fallback: "jpeg" | "png",
  sizes: readonly (readonly [number, number])[],
): Rendition[] {
  const ext = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" } as const;
  return [
    ...(["avif", "webp", fallback] as const).flatMap((format) =>
      sizes.map(([width, height]) => ({ url: `/img/${id}-${width}.${ext[format]}`, format, width, height })),
    ),
    { url: `/img/${id}-social.jpg`, format: "jpeg", width: 1200, height: 630, cover: true },
  ];
}

const srcset = (id: string, ext: string, widths: readonly number[]) =>
  widths.map((w) => `/img/${id}-${w}.${ext} ${w}w`).join(", ");

describe("planPhoto", () => {
  const large = photoFile("/content/events/large.jpg", 2000, 1500, "a".repeat(64));

  it("plans five widths in AVIF, WebP and JPEG, heights scaled and rounded, plus a 1200×630 social card", () => {
    const plan = planPhoto(large);
    const id = idOf(plan);
    expect(plan.source).toBe(large);
    expect(plan.renditions).toEqual(
      expectedRenditions(id, "jpeg", [
        [160, 120],
        [320, 240],
        [640, 480],
        [1024, 768],
        [1600, 1200],
      ]),
    );
    for (const r of plan.renditions) expect(r.url).toMatch(URL_PATTERN);
  });

  it("gives the markup <source>s for AVIF and WebP, a 640 px JPEG <img>, the 1600 px JPEG as large and the social card", () => {
    const plan = planPhoto(large);
    const id = idOf(plan);
    const widths = [160, 320, 640, 1024, 1600];
    expect(plan.view).toEqual({
      width: 2000,
      height: 1500,
      sources: [
        { type: "image/avif", srcset: srcset(id, "avif", widths) },
        { type: "image/webp", srcset: srcset(id, "webp", widths) },
      ],
      src: `/img/${id}-640.jpg`,
      srcSize: { width: 640, height: 480 },
      srcset: srcset(id, "jpg", widths),
      large: `/img/${id}-1600.jpg`,
      largeSize: { width: 1600, height: 1200 },
      social: `/img/${id}-social.jpg`,
    });
    expect(plan.view.srcset).toBe(
      `/img/${id}-160.jpg 160w, /img/${id}-320.jpg 320w, /img/${id}-640.jpg 640w, /img/${id}-1024.jpg 1024w, /img/${id}-1600.jpg 1600w`,
    );
  });

  it("never enlarges: a 500 px source gets 160, 320 and its own 500, and the <img> is the largest", () => {
    const plan = planPhoto(photoFile("/content/events/small.jpg", 500, 400, "b".repeat(64)));
    const id = idOf(plan);
    expect(plan.renditions).toEqual(
      expectedRenditions(id, "jpeg", [
        [160, 128],
        [320, 256],
        [500, 400],
      ]),
    );
    expect(plan.view).toMatchObject({
      width: 500,
      height: 400,
      src: `/img/${id}-500.jpg`,
      srcset: srcset(id, "jpg", [160, 320, 500]),
      large: `/img/${id}-500.jpg`,
    });
  });

  it("keeps a source narrower than the smallest width at its own width only", () => {
    const plan = planPhoto(photoFile("/content/events/tiny.jpg", 100, 80, "c".repeat(64)));
    const id = idOf(plan);
    expect(plan.renditions).toEqual(expectedRenditions(id, "jpeg", [[100, 80]]));
    expect(plan.view).toMatchObject({
      src: `/img/${id}-100.jpg`,
      srcset: `/img/${id}-100.jpg 100w`,
      large: `/img/${id}-100.jpg`,
    });
  });

  it("plans exactly 1600 px once for a 1600 px source", () => {
    const plan = planPhoto(photoFile("/content/events/exact.jpg", 1600, 900, "d".repeat(64)));
    expect(plan.renditions.filter((r) => r.format === "jpeg" && !r.cover).map((r) => [r.width, r.height])).toEqual([
      [160, 90],
      [320, 180],
      [640, 360],
      [1024, 576],
      [1600, 900],
    ]);
  });

  it("gives a very wide, very low source at least one pixel of height", () => {
    const plan = planPhoto(photoFile("/content/events/strip.jpg", 2000, 2, "e".repeat(64)));
    expect(plan.renditions.filter((r) => r.format === "jpeg" && !r.cover).map((r) => r.height)).toEqual([
      1, 1, 1, 1, 2,
    ]);
  });

  it("falls back to PNG instead of JPEG for a transparent source, keeping AVIF and WebP", () => {
    const clear: PhotoFile = {
      ...photoFile("/content/events/clear.png", 2000, 1500, "f".repeat(64)),
      format: "png",
      hasAlpha: true,
    };
    const plan = planPhoto(clear);
    const id = idOf(plan);
    expect(plan.renditions).toEqual(
      expectedRenditions(id, "png", [
        [160, 120],
        [320, 240],
        [640, 480],
        [1024, 768],
        [1600, 1200],
      ]),
    );
    expect(plan.view.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(plan.view.src).toBe(`/img/${id}-640.png`);
    expect(plan.view.src.endsWith(".png")).toBe(true);
    expect(plan.view.srcset).toBe(srcset(id, "png", [160, 320, 640, 1024, 1600]));
    expect(plan.view.large).toBe(`/img/${id}-1600.png`);
    // The social card stays a JPEG.
    expect(plan.view.social).toBe(`/img/${id}-social.jpg`);
  });

  describe("names", () => {
    it("gives the same plan for the same hash, and is pure", () => {
      const a = planPhoto(photoFile("/content/events/a.jpg", 2000, 1500, "same"));
      const b = planPhoto(photoFile("/content/events/a.jpg", 2000, 1500, "same"));
      expect(a).toEqual(b);
      expect(a).not.toBe(b);
    });

    it("gives different ids to different hashes", () => {
      const a = planPhoto(photoFile("/content/events/a.jpg", 2000, 1500, "one"));
      const b = planPhoto(photoFile("/content/events/a.jpg", 2000, 1500, "two"));
      expect(idOf(a)).not.toBe(idOf(b));
    });

    it("does not depend on the file's path: the same bytes elsewhere get the same URLs", () => {
      const a = planPhoto(photoFile("/content/events/2018/photo.jpg", 2000, 1500, "same-bytes"));
      const b = planPhoto(photoFile("/content/images/copy-of-photo.jpg", 2000, 1500, "same-bytes"));
      expect(b.renditions).toEqual(a.renditions);
      expect(b.view).toEqual(a.view);
      expect(b.source.path).not.toBe(a.source.path);
    });
  });
});
