// The search index's own thread (started by startSearchIndex): writes each
// shard's documents, with the vocabulary page when there are several shards,
// and has Pagefind index them, one fresh Pagefind process per shard so that
// each shard's memory is given back. Pagefind's Node API answers through the
// event loop, which Eleventy leaves little time on the build's main thread.
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import * as pagefind from "pagefind";
import { errorCode } from "../util/error-code.ts";
import { addWords, type IndexJob, VOCABULARY_URL, vocabularyDocument } from "./search-index.ts";

const [job] = (await once(parentPort!, "message")) as [IndexJob];
const { work, language } = job;
const bundles = job.shards.map((shard) => shard.bundle);
const folderOf = (i: number) => path.join(work, String(i + 1));
// A second message asks to stop (the build failed): Pagefind's process is killed, so nothing writes after the thread ends.
let cancelled = false;
parentPort!.once("message", () => {
  cancelled = true;
  void pagefind.close();
});
parentPort!.unref();

/** Lets a cancel message in, and stops if one came. */
async function goOn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (cancelled) throw new Error("The search index was cancelled.");
}

try {
  // What a killed build or npm start left in the folder must not be indexed.
  await rm(work, { recursive: true, force: true });
  await writeDocuments(job.shards.splice(0));
  for (const [i, bundle] of bundles.entries()) {
    await goOn();
    await indexFolder(folderOf(i), bundle);
    await rm(folderOf(i), { recursive: true, force: true });
  }
} finally {
  await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/** Writes the documents, which are then no longer held, and each shard's vocabulary page. */
async function writeDocuments(shards: IndexJob["shards"]): Promise<void> {
  // Synchronous writes: for many small files they cost a third of what promises do.
  const words = shards.length > 1 ? new Set<string>() : undefined;
  const decoder = new TextDecoder();
  for (const [i, { urls, bytes, ends }] of shards.entries()) {
    await goOn();
    for (const [k, url] of urls.entries()) {
      const html = bytes.subarray(k ? ends[k - 1] : 0, ends[k]);
      write(folderOf(i), url, html);
      if (words) addWords(words, decoder.decode(html));
    }
  }
  if (words) {
    const vocabulary = vocabularyDocument(words, language);
    for (const i of shards.keys()) write(folderOf(i), VOCABULARY_URL, vocabulary);
  }
}

function write(folder: string, url: string, html: Uint8Array | string): void {
  const dir = path.join(folder, ...url.split("/"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "index.html"), html);
}

/**
 * Indexes the documents into a bundle written afresh beside the old one, then
 * put in its place: Pagefind keeps every file already in its output folder,
 * and under npm start those would hold deleted entries' text.
 */
async function indexFolder(documents: string, bundle: string): Promise<void> {
  const target = path.resolve(bundle);
  const [fresh, old] = [`${target}.writing`, `${target}.old`];
  await rm(fresh, { recursive: true, force: true });
  await writeBundle(documents, fresh);
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch((error: unknown) => {
    if (errorCode(error) !== "ENOENT") throw error;
  });
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}

async function writeBundle(documents: string, bundle: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: documents });
    if (added.errors.length) throw new Error(`Pagefind could not index the events: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    // Its service process would otherwise keep the thread alive.
    await pagefind.close();
  }
}
