// The search index, built by Pagefind from the archive itself rather than by
// reading the written pages back: twice as fast, and it runs in Pagefind's own
// process while Eleventy writes the pages.
import * as pagefind from "pagefind";
import type { Archive, ArchiveEvent } from "../archive/archive.ts";
import { mapLimit } from "../content/map-limit.ts";

export interface SearchRecord {
  readonly url: string;
  readonly content: string;
  readonly language: string;
  readonly meta: { readonly title: string };
  readonly filters: { readonly kind: string[]; readonly century: string[]; readonly topic: string[] };
}

/** What search finds an event by: its title, summary and historical context; filtered by kind, century and topic. */
export function searchRecord(event: ArchiveEvent, language: string): SearchRecord {
  return {
    url: event.url,
    content: `${event.title}. ${event.dateWords}. ${event.summary}\n${htmlToText(event.bodyHtml)}`,
    language,
    meta: { title: event.title },
    filters: { kind: [event.kindLabel], century: [event.century], topic: event.topicLinks.map((t) => t.name) },
  };
}

/** Starts indexing at once; `writeTo` waits for it and writes the index into the site. */
export function startSearchIndex(archive: Archive, language: string): { writeTo(outputDir: string): Promise<void> } {
  const ready = (async () => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    await mapLimit(archive.events, 16, async (event) => {
      const added = await index.addCustomRecord(searchRecord(event, language));
      if (added.errors.length) throw new Error(`Pagefind could not index ${event.url}: ${added.errors.join("; ")}`);
    });
    return index;
  })();
  // Reported when the index is written; until then a failure must not count as unhandled.
  ready.catch(() => {});
  return {
    async writeTo(outputDir) {
      try {
        const written = await (await ready).writeFiles({ outputPath: `${outputDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
      } finally {
        // Its service process would otherwise keep Node alive.
        await pagefind.close();
      }
    },
  };
}

/** Rendered Markdown as plain text: tags dropped, the entities markdown-it writes decoded. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, " ")
    .trim();
}
