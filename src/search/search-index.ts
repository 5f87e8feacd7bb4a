// The search index: one small HTML document per event for Pagefind, made
// from the archive rather than read back from the pages, so indexing runs
// beside Eleventy (src/search/index-shards.ts). Handed to Pagefind as HTML
// from memory (addHTMLFile): as fast as writing them to files for its
// addDirectory (20,000 ~200-word documents: 18.6 s against 18.2 s on ext4),
// without creating and deleting a file and a folder per event; Pagefind's
// custom records cost grows with the square of their number.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Archive, ArchiveEvent } from "../archive/archive.ts";
import { dateSentence } from "../content/date-words.ts";
import { messagesFor } from "../i18n/messages.ts";
import { escapeHtml } from "../util/escape-html.ts";

/** The site folders of the search bundles: "pagefind/", then "pagefind-2/" and on for further shards. */
export function searchBundles(eventCount: number, perShard: number): string[] {
  const shards = Math.max(1, Math.ceil(eventCount / perShard));
  return Array.from({ length: shards }, (_, i) => (i === 0 ? "pagefind/" : `pagefind-${i + 1}/`));
}

/**
 * What search finds an event by: its title (weighted as the heading), date,
 * summary and historical context; filtered by kind, century and topic. The
 * search page shows a filter's name as its heading: names in the site's language.
 */
export function searchDocument(event: ArchiveEvent, language: string): string {
  const { t } = messagesFor(language);
  const meta = (attribute: string, name: string, value: string) =>
    `<meta ${attribute}="${escapeHtml(name)}[content]" content="${escapeHtml(value)}">`;
  const [kind, century, topic] = [t("search.filterKind"), t("search.filterCentury"), t("search.filterTopic")];
  return [
    `<!DOCTYPE html><html lang="${escapeHtml(language)}"><head>`,
    meta("data-pagefind-meta", "title", event.title),
    meta("data-pagefind-filter", kind, event.kindLabel),
    meta("data-pagefind-filter", century, event.century),
    ...event.topicLinks.map((link) => meta("data-pagefind-filter", topic, link.name)),
    `</head><body><h1>${escapeHtml(event.title)}</h1>`,
    `<p>${escapeHtml(dateSentence(event.dateWords))} ${escapeHtml(event.summary)}</p>`,
    event.bodyHtml,
    "</body></html>",
  ].join("\n");
}

/**
 * Where each shard's vocabulary page sits; no page of the site has this address.
 * Pagefind holds about 28 KB an event in memory, so a large archive is indexed
 * in shards of EVENTS_PER_SEARCH_SHARD that the search page merges. A shard
 * lacking a word would match its longest prefix ("an" for "ancient"): every
 * shard also indexes one page of every word, and they match as one index would.
 */
export const VOCABULARY_URL = "/search-vocabulary/";

/**
 * The filter that marks each shard's vocabulary page (value "all"); the search
 * page leaves out the pages that have it. assets/search-shards/pagefind.js,
 * a browser file, repeats both; tests/e2e/large-archive.test.ts checks they agree.
 */
export const VOCABULARY_FILTER = "vocabulary";

// Tags that surely break words apart in Pagefind's reading of a page.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|h[1-6]|hr|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;

/**
 * Adds the words of an HTML fragment to `words`: lowercased (Pagefind's
 * matching ignores case), with the punctuation that ends a sentence or
 * brackets a word trimmed (but not the ";" that ends an entity). A tag inside
 * a word ("Mark<em>down</em>") gives both readings, "markdown" and "mark",
 * "down": a word too many costs nothing, a word missing brings back the
 * shorter matches the vocabulary is there to prevent.
 */
export function addWords(words: Set<string>, html: string): void {
  const apart = html.replace(/<[^>]*>/g, " ");
  const joined = html.replace(BLOCK_TAG, " ").replace(/<[^>]*>/g, "");
  for (const text of apart === joined ? [apart] : [apart, joined]) {
    for (const token of text.split(/\s+/)) {
      const word = token.replace(/^[(["“‘]+|(?<!&#?\w+)[.,:;!?)\]"”’]+$/g, "").toLowerCase();
      if (word) words.add(word);
    }
  }
}

/** A shard's page of every word in the archive, marked by the vocabulary filter. */
export function vocabularyDocument(words: Iterable<string>, language: string): string {
  return [
    `<!DOCTYPE html><html lang="${escapeHtml(language)}"><head>`,
    `<meta data-pagefind-filter="${VOCABULARY_FILTER}[content]" content="all">`,
    `</head><body><p>${[...words].join(" ")}</p></body></html>`,
  ].join("\n");
}

/** A shard for the indexing thread: where its bundle goes, and its documents by address. */
export interface ShardJob {
  readonly bundle: string;
  readonly urls: readonly string[];
  /** The documents one after another, UTF-8: handed over to the thread, not copied. */
  readonly bytes: Uint8Array;
  /** Where each document ends in `bytes`. */
  readonly ends: Uint32Array;
  /** The same documents as the bundle already in the site: written again only if the vocabulary changed. */
  readonly unchanged?: boolean;
}

/** What the indexing thread is sent (src/search/index-shards.ts). */
export interface IndexJob {
  readonly language: string;
  readonly shards: ShardJob[];
  /** When the site already holds some bundles: the shards they were made from, whose vocabulary they share. */
  readonly previous?: ShardJob[];
  /** A second lane's share of the shards (index-shards.ts), with the vocabulary page the first lane made. */
  readonly lane?: { readonly vocabulary: string | undefined };
}

function shardJob(bundle: string, events: readonly ArchiveEvent[], language: string): ShardJob {
  const documents = events.map((event) => searchDocument(event, language));
  const ends = new Uint32Array(documents.length);
  let end = 0;
  for (const [i, document] of documents.entries()) ends[i] = end += Buffer.byteLength(document);
  const bytes = new Uint8Array(end);
  const encoder = new TextEncoder();
  for (const [i, document] of documents.entries()) encoder.encodeInto(document, bytes.subarray(i ? ends[i - 1] : 0));
  return { bundle, urls: events.map((event) => event.url), bytes, ends };
}

/** The archive's shards: as equal as can be (20,001 events: two of about 10,000, not 20,000 and 1), as each ranks by its own statistics. */
function shardJobs(archive: Archive, language: string, outputDir: string, perShard: number): ShardJob[] {
  const bundles = searchBundles(archive.events.length, perShard);
  const [n, k] = [archive.events.length, bundles.length];
  return bundles.map((bundle, i) =>
    shardJob(
      path.join(outputDir, bundle),
      archive.events.slice(Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)),
      language,
    ),
  );
}

const sameShard = (a: ShardJob | undefined, b: ShardJob) =>
  a !== undefined &&
  a.bundle === b.bundle &&
  a.urls.join("\n") === b.urls.join("\n") &&
  Buffer.from(a.ends.buffer).equals(Buffer.from(b.ends.buffer)) &&
  Buffer.from(a.bytes.buffer).equals(Buffer.from(b.bytes.buffer));

/** The search index being made: `done` settles when every bundle is written; `cancel` stops Pagefind. */
export interface SearchIndexing {
  readonly done: Promise<void>;
  /** Eleventy is done: the index may take both cores. */
  pagesWritten(): void;
  cancel(): Promise<void>;
}

/**
 * Starts indexing the archive for search on a thread of its own, so that it
 * goes on while Eleventy keeps this one busy: the documents are made here (a
 * few hundred bytes each) and indexed there.
 */
export function startSearchIndex(
  archive: Archive,
  language: string,
  outputDir: string,
  perShard: number,
  previous?: Archive,
): SearchIndexing {
  const shards = shardJobs(archive, language, outputDir, perShard);
  // Updating a site in place: a bundle whose documents are the same is left as it is.
  const before = previous && shardJobs(previous, language, outputDir, perShard);
  const job: IndexJob = {
    language,
    shards: shards.map((shard, i) => ({ ...shard, unchanged: before && sameShard(before[i], shard) })),
    previous: shards.length > 1 ? before : undefined,
  };
  const worker = new Worker(new URL("./index-shards.ts", import.meta.url));
  worker.postMessage(
    job,
    [...shards, ...(job.previous ?? [])].flatMap((shard) => [
      shard.bytes.buffer as ArrayBuffer,
      shard.ends.buffer as ArrayBuffer,
    ]),
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The search index stopped with exit code ${code}.`)),
    );
  });
  // Reported when the build waits for it; until then a failure must not count as unhandled.
  done.catch(() => {});
  return {
    done,
    pagesWritten: () => worker.postMessage("pages written"),
    async cancel() {
      worker.postMessage("cancel");
      await done.catch(() => {});
    },
  };
}
