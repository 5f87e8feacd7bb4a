// Indexes the event pages with Pagefind once Eleventy has written them. Only
// elements marked data-pagefind-body are indexed: the events, not the lists.
import * as pagefind from "pagefind";
import type { EleventyConfig } from "./types.ts";

export function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: directories.output });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${directories.output}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await pagefind.close();
  });
}
