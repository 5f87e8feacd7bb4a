// The search index's own thread (started by startSearchIndex): hands each
// shard's documents to Pagefind from memory, with the vocabulary page when
// there are several shards, one fresh Pagefind process per shard so that
// each shard's memory is given back; once the build's pages are written, a
// second thread (a lane) takes half the shards left. Pagefind's Node API answers through the
// event loop, which Eleventy leaves little time on the build's main thread.
import { once } from "node:events";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parentPort, Worker } from "node:worker_threads";
import * as pagefind from "pagefind";
import { errorCode } from "../util/error-code.ts";
import { addWords, type IndexJob, type ShardJob, VOCABULARY_URL, vocabularyDocument } from "./search-index.ts";

/** Documents in flight to Pagefind's process at once: enough to keep it busy, few enough to stop soon when cancelled. */
const BATCH = 500;

const [job] = (await once(parentPort!, "message")) as [IndexJob];
const { language } = job;
/** The second lane (see below), if this thread started one. */
let lane: { worker: Worker; done: Promise<void> } | undefined;
/** The shards not yet started, once known. */
let pending: ShardJob[] | undefined;
let pagesWritten = false;

/** Once the pages are written and this lane is indexing: half the shards not yet started (more when odd) go to a second lane. */
function startLaneIfDue(): void {
  if (job.lane || lane || !pagesWritten || !pending?.length) return;
  lane = startLane(pending.splice(Math.floor(pending.length / 2)), vocabulary);
}
// A second message asks to stop (the build failed): Pagefind's process is killed, so nothing writes after the thread ends.
let cancelled = false;
// Then "pages written": the build's main thread is done with Eleventy, and a second lane may take the other core.
parentPort!.on("message", (message: string) => {
  if (message === "pages written") {
    pagesWritten = true;
    startLaneIfDue();
    return;
  }
  cancelled = true;
  lane?.worker.postMessage("cancel");
  void pagefind.close();
});
parentPort!.unref();

/** Lets a cancel message in, and stops if one came. */
async function goOn(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (cancelled) throw new Error("The search index was cancelled.");
}

const decoder = new TextDecoder();
const documentsOf = function* ({ urls, bytes, ends }: ShardJob): Generator<[string, string]> {
  for (const [k, url] of urls.entries()) yield [url, decoder.decode(bytes.subarray(k ? ends[k - 1] : 0, ends[k]))];
};

const shards = job.shards.splice(0);
// Every shard also indexes one page of every word (see VOCABULARY_URL): a lane is given it.
let vocabulary = job.lane?.vocabulary;
// Updating a site in place, a bundle is kept if its documents and the vocabulary are as they were.
let keepUnchanged = true;
if (!job.lane && shards.length > 1) {
  vocabulary = await vocabularyOf(shards);
  keepUnchanged = job.previous !== undefined && (await vocabularyOf(job.previous)) === vocabulary;
}
// A lane indexes every shard it is given: the first lane chose them.
pending = job.lane ? shards : shards.filter((shard) => !(shard.unchanged && keepUnchanged));
// Pagefind indexes on one core: once the pages are written, a second thread with a Pagefind process of its own
// takes half the shards left (100,000 events: five shards of 20,000, some 35 s each).
for (let shard = pending.shift(); shard; shard = pending.shift()) {
  await goOn();
  startLaneIfDue();
  await indexShard(shard);
}
await lane?.done;

function startLane(shards: ShardJob[], vocabulary: string | undefined): { worker: Worker; done: Promise<void> } {
  const worker = new Worker(new URL(import.meta.url));
  const laneJob: IndexJob = { language, shards, lane: { vocabulary } };
  worker.postMessage(
    laneJob,
    shards.flatMap((shard) => [shard.bytes.buffer as ArrayBuffer, shard.ends.buffer as ArrayBuffer]),
  );
  const done = new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`The search index's second lane stopped with exit code ${code}.`)),
    );
  });
  done.catch(() => {}); // awaited once this thread's own shards are done
  return { worker, done };
}

async function vocabularyOf(shards: readonly ShardJob[]): Promise<string> {
  const words = new Set<string>();
  for (const shard of shards) {
    await goOn();
    for (const [, html] of documentsOf(shard)) addWords(words, html);
  }
  return vocabularyDocument(words, language);
}

/**
 * Indexes a shard into a bundle written afresh beside the old one, then put in
 * its place: Pagefind keeps every file already in its output folder, and under
 * npm start those would hold deleted entries' text.
 */
async function indexShard(shard: ShardJob): Promise<void> {
  const target = path.resolve(shard.bundle);
  const [fresh, old] = [`${target}.writing`, `${target}.old`];
  await rm(fresh, { recursive: true, force: true });
  await writeBundle(shard, fresh);
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch((error: unknown) => {
    if (errorCode(error) !== "ENOENT") throw error;
  });
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}

async function writeBundle(shard: ShardJob, bundle: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    const documents = [...documentsOf(shard)];
    if (vocabulary) documents.push([VOCABULARY_URL, vocabulary]);
    for (let start = 0; start < documents.length; start += BATCH) {
      await goOn();
      const added = await Promise.all(
        documents.slice(start, start + BATCH).map(([url, content]) => index.addHTMLFile({ url, content })),
      );
      const failed = added.flatMap((result) => result.errors);
      if (failed.length) throw new Error(`Pagefind could not index the events: ${failed.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    // Its service process would otherwise keep the thread alive.
    await pagefind.close();
  }
}
