// Source images made on the spot with sharp, each carrying one thing the
// photo pipeline must deal with: an EXIF rotation, a GPS position, an alpha
// channel, CMYK, a GIF. Colours are plain so a test can check pixels.
import sharp from "sharp";

export type Rgb = readonly [number, number, number];

export const RED: Rgb = [255, 0, 0];
export const BLUE: Rgb = [0, 0, 255];

const colour = ([r, g, b]: Rgb) => ({ r, g, b });

/**
 * A JPEG stored `width`×`height`, left half red and right half blue, tagged
 * EXIF orientation 6 ("turn 90° clockwise to show"): shown upright it is
 * `height` wide and `width` tall, red above blue.
 */
export async function sidewaysJpeg(width: number, height: number): Promise<Buffer> {
  const half = (background: Rgb, left: number) => ({
    input: { create: { width: width / 2, height, channels: 3 as const, background: colour(background) } },
    left,
    top: 0,
  });
  const flat = await sharp({ create: { width, height, channels: 3, background: "#000000" } })
    .composite([half(RED, 0), half(BLUE, width / 2)])
    .png()
    .toBuffer();
  return sharp(flat).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** A JPEG whose EXIF gives the place it was taken (51°30′N 0°7′W). */
export function jpegWithGps(width: number, height: number, background: Rgb = [40, 160, 90]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour(background) } })
    .jpeg({ quality: 90 })
    .withExifMerge({
      IFD0: { Make: "Test Camera", Model: "Leaky 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .toBuffer();
}

/** A PNG with an alpha channel, every pixel half transparent. */
export function transparentPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

/** A JPEG in the CMYK colour space, as print workflows export them. */
export function cmykJpeg(width: number, height: number, background: Rgb = [200, 40, 40]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour(background) } })
    .toColourspace("cmyk")
    .jpeg({ quality: 90 })
    .toBuffer();
}

export function gif(width: number, height: number, background: Rgb = [240, 200, 0]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour(background) } })
    .gif()
    .toBuffer();
}

export function plainPng(width: number, height: number, background: Rgb = [128, 128, 128]): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour(background) } })
    .png()
    .toBuffer();
}

/** The colour at (x, y) of any image sharp can read, alpha left out. */
export async function pixelAt(file: string, x: number, y: number): Promise<Rgb> {
  const data = await sharp(file).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [data[0]!, data[1]!, data[2]!];
}

/** Whether two colours are alike, allowing for lossy compression. */
export function near(actual: Rgb, expected: Rgb, tolerance = 40): boolean {
  return actual.every((channel, i) => Math.abs(channel - expected[i]!) <= tolerance);
}

/** The tag ids in IFD0 of an EXIF block as sharp returns it ("Exif\0\0" then TIFF). 0x8825 points at the GPS data. */
export function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const little = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, i) => u16(ifd + 2 + i * 12));
}

export const GPS_IFD_TAG = 0x8825;
