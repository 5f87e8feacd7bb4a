// The search index. Pagefind reads a small HTML document per event, written
// from the archive rather than read back from the finished pages, so indexing
// starts before Eleventy writes and runs in Pagefind's own process.
//
// Why documents in a folder and not Pagefind's custom records: records cost
// Pagefind time that grows with the square of their number (100,000 took 50 s
// against 5 s for the same text as files). Shards, when EVENTS_PER_SEARCH_SHARD
// asks for them: Pagefind holds an index in memory until it is written, about
// 25 KB an event, so a very large archive can be indexed a shard at a time,
// each in a fresh Pagefind process, and the search page merges the shards'
// bundles (Pagefind's multisite search). The price: a shard without a word
// matches its prefixes instead, adding unrelated results (see README).
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Archive, ArchiveEvent } from "../archive/archive.ts";
import { escapeHtml } from "../escape-html.ts";

/** The site folders of the search bundles: "pagefind/", then "pagefind-2/" and on for further shards. */
export function searchBundles(eventCount: number, perShard: number): string[] {
  const shards = Math.max(1, Math.ceil(eventCount / perShard));
  return Array.from({ length: shards }, (_, i) => (i === 0 ? "pagefind/" : `pagefind-${i + 1}/`));
}

/**
 * What search finds an event by: its title (weighted as the heading), date,
 * summary and historical context; filtered by kind, century and topic.
 */
export function searchDocument(event: ArchiveEvent, language: string): string {
  const meta = (attribute: string, name: string, value: string) => `<meta ${attribute}="${name}[content]" content="${escapeHtml(value)}">`;
  return [
    `<!DOCTYPE html><html lang="${escapeHtml(language)}"><head>`,
    meta("data-pagefind-meta", "title", event.title),
    meta("data-pagefind-filter", "kind", event.kindLabel),
    meta("data-pagefind-filter", "century", event.century),
    ...event.topicLinks.map((topic) => meta("data-pagefind-filter", "topic", topic.name)),
    `</head><body><h1>${escapeHtml(event.title)}</h1>`,
    `<p>${escapeHtml(event.dateWords)}. ${escapeHtml(event.summary)}</p>`,
    event.bodyHtml,
    "</body></html>",
  ].join("\n");
}

/**
 * Writes every shard's documents at once (Eleventy, which runs next, leaves
 * Node's event loop little time), then indexes the shards one after another in
 * the background; `done` settles when every bundle is in `outputDir`. The
 * documents' folder sits beside `outputDir` and is removed whatever happens.
 */
export function startSearchIndex(archive: Archive, language: string, outputDir: string, perShard: number): { done: Promise<void> } {
  const work = `${outputDir}.search`;
  const bundles = searchBundles(archive.events.length, perShard);
  const shardOf = (i: number) => path.join(work, String(i + 1));
  const done = (async () => {
    try {
      // Synchronous writes: for many small files they cost the main thread a third of what promises do.
      for (const [i, event] of archive.events.entries()) {
        const folder = path.join(shardOf(Math.floor(i / perShard)), ...event.url.split("/"));
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, "index.html"), searchDocument(event, language));
      }
      for (const [i, bundle] of bundles.entries()) {
        await indexFolder(shardOf(i), path.join(outputDir, bundle), language);
        await rm(shardOf(i), { recursive: true, force: true });
      }
    } finally {
      await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  })();
  // Reported when the build waits for it; until then a failure must not count as unhandled.
  done.catch(() => {});
  return { done };
}

/** One Pagefind process per shard, closed after it, so each shard's memory is given back. */
async function indexFolder(documents: string, bundle: string, language: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: documents });
    if (added.errors.length) throw new Error(`Pagefind could not index the events: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    // Its service process would otherwise keep Node alive.
    await pagefind.close();
  }
}
