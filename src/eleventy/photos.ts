// Publishes each photo file beside its event page, at the URL the archive gave it.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../archive/archive.ts";
import { mapLimit } from "../content/map-limit.ts";

export async function copyPhotos(archive: Archive, outputDir: string): Promise<void> {
  const photos = archive.events.flatMap((e) => [e.photo, ...e.photos]).filter((p) => p?.file && p.url);
  await mapLimit(photos, 16, async (photo) => {
    const target = path.join(outputDir, ...photo!.url!.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(photo!.file!, target);
  });
}
