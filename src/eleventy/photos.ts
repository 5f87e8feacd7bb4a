// Publishes every photo of the archive as responsive images after Eleventy
// has written the pages, and says what it did.
import type { Archive } from "../archive/archive.ts";
import { publishImages } from "../images/publish-images.ts";

export async function publishArchivePhotos(archive: Archive, outputDir: string, cacheDir: string): Promise<void> {
  const stats = await publishImages(
    archive.photos.map(({ plan, origin }) => ({ plan, origin })),
    { outputDir, cacheDir },
  );
  if (stats.photos) {
    console.log(
      `Images: ${stats.photos} photos, ${stats.encoded} files encoded, ${stats.reused} from the cache, in ${stats.seconds.toFixed(2)} s.`,
    );
  }
}
