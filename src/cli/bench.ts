// npm run bench [-- 1000 10000]: builds synthetic archives and prints build
// time and peak memory beside the floor (the time Eleventy alone needs to
// paginate the same events into minimal pages, measured in the same run), the
// time `npm run check` takes, and how soon `npm start` shows an edit.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type SyntheticEvent, writeSyntheticArchive } from "../bench/synthetic-archive.ts";
import { processes } from "../util/processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Work in memory where the machine offers it: on a slow or busy disk, writing
// ten thousand small files varies by seconds between runs and hides the build.
const SCRATCH = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
// npm run bench [-- <events>…] [--photos N]
const { values, positionals } = parseArgs({
  options: { photos: { type: "string", default: "200" } },
  allowPositionals: true,
});
const photoCount = Number(values.photos);
const sizes = positionals.map(Number).filter((n) => n > 0);

interface Measure {
  seconds: number;
  /** Node's own peak, exact. */
  peakMB: number;
  /** The whole process tree (Node and Pagefind), sampled every 50 ms. */
  treePeakMB: number;
  stdout: string;
}

/** Resident memory of a process and all its descendants (0 where /proc is missing). */
function treeRss(root: number): number {
  const all = processes();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (tree.has(p.pid) || !tree.has(p.parent)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return all.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.rssBytes, 0);
}

async function measure(args: string[], env: Record<string, string>, work: string): Promise<Measure> {
  const memoryFile = path.join(work, `peak-${Date.now()}`);
  const started = performance.now();
  let stdout = "";
  let treePeak = 0;
  const code = await new Promise<number | null>((resolve) => {
    // --expose-gc, as npm run build and npm start run: the build collects the garbage between its runs.
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--import", path.join(ROOT, "src/bench/report-peak-memory.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, PEAK_MEMORY_FILE: memoryFile },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const sampler = setInterval(() => (treePeak = Math.max(treePeak, treeRss(child.pid!))), 50);
    child.on("exit", (code) => {
      clearInterval(sampler);
      resolve(code);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args.join(" ")} exited with ${code}`);
  const peakMB = Number(await readFile(memoryFile, "utf8")) / 2 ** 20;
  return { seconds, peakMB, treePeakMB: Math.max(peakMB, treePeak / 2 ** 20), stdout };
}

/** A minimal Eleventy project that paginates the same events into an event page each and 366 day pages. */
async function writeFloorProject(dir: string, events: SyntheticEvent[]): Promise<void> {
  await mkdir(path.join(dir, "input"), { recursive: true });
  const days = Object.entries(Object.groupBy(events, (e) => e.date.slice(-5))).map(([key, list]) => ({
    key,
    events: list,
  }));
  await writeFile(path.join(dir, "data.json"), JSON.stringify({ events, days }));
  await writeFile(
    path.join(dir, "eleventy.config.mjs"),
    `import { readFileSync } from "node:fs";
export default function (config) {
  const data = JSON.parse(readFileSync(${JSON.stringify(path.join(dir, "data.json"))}, "utf8"));
  config.addGlobalData("events", data.events);
  config.addGlobalData("days", data.days);
}
export const config = { templateFormats: ["njk"] };
`,
  );
  await writeFile(
    path.join(dir, "input/event.njk"),
    `---\npagination: { data: events, size: 1, alias: e }\npermalink: "events/{{ e.slug }}/"\n---\n<!doctype html><title>{{ e.title }}</title><h1>{{ e.title }}</h1><p>{{ e.date }} {{ e.summary }}</p>\n`,
  );
  await writeFile(
    path.join(dir, "input/day.njk"),
    `---\npagination: { data: days, size: 1, alias: d }\npermalink: "days/{{ d.key }}/"\n---\n<!doctype html><title>{{ d.key }}</title><h1>{{ d.key }}</h1><ul>{% for e in d.events %}<li><a href="/events/{{ e.slug }}/">{{ e.title }}</a> {{ e.summary }}</li>{% endfor %}</ul>\n`,
  );
}

/**
 * npm start on the archive: once the site is up, edits one entry's title three
 * times and returns the median time until its page on disk shows the change.
 */
async function editCase(env: Record<string, string>): Promise<number> {
  const output = `${env.OUTPUT_DIR}-serve`;
  const child = spawn(process.execPath, ["--expose-gc", path.join(ROOT, "src/cli/serve.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env, OUTPUT_DIR: output, PORT: String(20_000 + (process.pid % 10_000)) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const until = async (done: () => boolean, what: string, limit = 600_000) => {
    for (const started = performance.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 10))) {
      if (performance.now() - started > limit)
        throw new Error(`npm start: ${what} did not happen within ${limit / 1000} s`);
    }
  };
  try {
    // Up, and done with the first build's API and search index.
    await until(() => existsSync(path.join(output, "pagefind/pagefind-entry.json")), "the first build");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const times: number[] = [];
    for (const n of [1, 2, 3]) {
      const slug = `event-${String(n * 7).padStart(6, "0")}`;
      const file = path.join(env.CONTENT_DIR!, "events", `${slug}.md`);
      const page = path.join(output, "events", slug, "index.html");
      const marker = `Edited for the benchmark ${n}`;
      const started = performance.now();
      await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, `title: ${marker}`));
      await until(() => existsSync(page) && readFileSync(page, "utf8").includes(marker), `the edit of ${slug}`, 60_000);
      times.push((performance.now() - started) / 1000);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    return times.sort((a, b) => a - b)[1]!;
  } finally {
    child.kill();
  }
}

const rows: string[] = [];
for (const size of sizes.length ? sizes : [1_000, 10_000]) {
  const work = await mkdtemp(path.join(SCRATCH, `onthisday-bench-${size}-`));
  try {
    const events = await writeSyntheticArchive(path.join(work, "content"), size);
    await writeFloorProject(path.join(work, "floor"), events);
    const env = {
      CONTENT_DIR: path.join(work, "content"),
      OUTPUT_DIR: path.join(work, "site"),
      BUILD_DATE: "2024-06-12",
      CACHE_DIR: path.join(work, "cache"),
    };
    const ours = await measure([path.join(ROOT, "src/cli/build.ts")], env, work);
    const floor = await measure(
      [
        path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
        `--config=${path.join(work, "floor/eleventy.config.mjs")}`,
        `--input=${path.join(work, "floor/input")}`,
        `--output=${path.join(work, "floor/site")}`,
        "--quiet",
      ],
      {},
      work,
    );
    const check = await measure([path.join(ROOT, "src/cli/check.ts")], env, work);
    // Past this size npm start's first build takes a minute or more before an edit can be timed (see README).
    const edit = size <= 20_000 ? `${(await editCase(env)).toFixed(2)}` : "not measured";
    rows.push(
      `| ${size.toLocaleString("en")} | ${ours.seconds.toFixed(2)} | ${ours.treePeakMB.toFixed(0)} | ${ours.peakMB.toFixed(0)} | ${floor.seconds.toFixed(2)} | ${floor.peakMB.toFixed(0)} | ${(ours.seconds / floor.seconds).toFixed(2)} | ${check.seconds.toFixed(2)} | ${edit} |`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The image case: a small archive whose entries all have a photo, built cold and then warm. */
async function imageCase(photos: number): Promise<string> {
  const work = await mkdtemp(path.join(SCRATCH, `onthisday-bench-photos-`));
  try {
    await writeSyntheticArchive(path.join(work, "content"), photos, { photos });
    const env = {
      CONTENT_DIR: path.join(work, "content"),
      OUTPUT_DIR: path.join(work, "site"),
      BUILD_DATE: "2024-06-12",
      CACHE_DIR: path.join(work, "cache"),
    };
    const build = [path.join(ROOT, "src/cli/build.ts")];
    const cold = await measure(build, env, work);
    const warm = await measure(build, env, work);
    const imageSeconds = (run: Measure) => Number(/^Images: .* in ([\d.]+) s\.$/m.exec(run.stdout)?.[1] ?? NaN);
    return [
      "| photos | cold build (s) | images, cold (s) | photos / s | warm build (s) | images, warm (s) | peak memory (MB) |",
      "|---:|---:|---:|---:|---:|---:|---:|",
      `| ${photos} | ${cold.seconds.toFixed(2)} | ${imageSeconds(cold).toFixed(2)} | ${(photos / imageSeconds(cold)).toFixed(1)} | ${warm.seconds.toFixed(2)} | ${imageSeconds(warm).toFixed(2)} | ${Math.max(cold.peakMB, warm.peakMB).toFixed(0)} |`,
    ].join("\n");
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const images = photoCount > 0 ? await imageCase(photoCount) : "";

console.log(`\nWorking folder: ${SCRATCH}. Each figure is one build in a fresh process.`);
console.log(
  "\n| events | build (s) | peak memory, all processes (MB) | of which Node (MB) | Eleventy floor (s) | floor memory (MB) | build / floor | npm run check (s) | npm start: one edit written (s) |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const row of rows) console.log(row);
if (images) console.log(`\n${images}`);
