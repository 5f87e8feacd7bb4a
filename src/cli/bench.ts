// npm run bench [-- 1000 10000] [--runs N] [--words N] [--photos N]: builds
// synthetic archives on the disk, and prints our full build beside its peer,
// measured in turn in the same call: the Eleventy floor (Eleventy alone
// paginating the same events into minimal pages) followed by Pagefind over the
// floor's pages, the work a Hugo or bare-Eleventy site with Pagefind does. Then
// a build after one entry changed, over the first's site, `npm run check`, an edit under
// `npm start`, and a photo archive built cold and warm.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type SyntheticEvent, writeSyntheticArchive } from "../bench/synthetic-archive.ts";
import { escapeHtml } from "../util/escape-html.ts";
import { processes } from "../util/processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// On the disk users build on, beside the project unless BENCH_DIR says otherwise: not /dev/shm, where
// deleting and creating files costs a fraction of what it costs on a disk.
const WORK = path.resolve(process.env.BENCH_DIR ?? path.join(ROOT, "..", "onthisday-bench"));
const { values, positionals } = parseArgs({
  options: {
    photos: { type: "string", default: "200" },
    runs: { type: "string", default: "1" },
    words: { type: "string", default: "200" },
  },
  allowPositionals: true,
});
const photoCount = Number(values.photos);
const runs = Math.max(1, Number(values.runs) || 1);
const bodyWords = Number(values.words);
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

/** A minimal Eleventy project that paginates the same events, bodies included, into an event page each and 366 day pages. */
async function writeFloorProject(dir: string, events: SyntheticEvent[]): Promise<void> {
  await mkdir(path.join(dir, "input"), { recursive: true });
  const days = Object.entries(Object.groupBy(events, (e) => e.date.slice(-5))).map(([key, list]) => ({
    key,
    events: list,
  }));
  // The same words as our pages, so that Pagefind indexes as much text for the peer as for us.
  const withBodies = events.map((e) => ({ ...e, body: e.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("") }));
  await writeFile(path.join(dir, "data.json"), JSON.stringify({ events: withBodies, days }));
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
    `---\npagination: { data: events, size: 1, alias: e }\npermalink: "events/{{ e.slug }}/"\n---\n<!doctype html><html lang="en"><title>{{ e.title }}</title><h1>{{ e.title }}</h1><p>{{ e.date }} {{ e.summary }}</p>{{ e.body | safe }}\n`,
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

/** Files and bytes below a folder. */
function sizeOf(dir: string): { files: number; bytes: number } {
  let [files, bytes] = [0, 0];
  for (const item of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile()) continue;
    files++;
    bytes += statSync(path.join(item.parentPath, item.name)).size;
  }
  return { files, bytes };
}

/** The filesystem a folder is on, from /proc/mounts (Linux), e.g. "ext4 (/dev/vda)". */
function filesystemOf(dir: string): string {
  try {
    const mounts = readFileSync("/proc/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" "))
      .filter(([, at]) => at && (dir === at || dir.startsWith(at.endsWith("/") ? at : `${at}/`)));
    const [device, , type] = mounts.sort((a, b) => b[1]!.length - a[1]!.length)[0] ?? [];
    return type ? `${type} (${device})` : "unknown";
  } catch {
    return "unknown";
  }
}

const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)]!;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const thousands = (n: number) => n.toLocaleString("en");

interface Row {
  size: number;
  ours: number[];
  peer: number[];
  floor: number[];
  oursPeak: number;
  peerPeak: number;
  oursSite: { files: number; bytes: number };
  peerSite: { files: number; bytes: number };
  rebuild: number;
  check: number;
  edit: string;
}

/** The floor's build, then Pagefind over its pages, as a site with Pagefind runs them. */
async function peerBuild(floorDir: string, work: string): Promise<{ floor: Measure; pagefind: Measure }> {
  const floor = await measure(
    [
      path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"),
      `--config=${path.join(floorDir, "eleventy.config.mjs")}`,
      `--input=${path.join(floorDir, "input")}`,
      `--output=${path.join(floorDir, "site")}`,
      "--quiet",
    ],
    {},
    work,
  );
  const pagefind = await measure(
    [path.join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", path.join(floorDir, "site"), "--silent"],
    {},
    work,
  );
  return { floor, pagefind };
}

const rows: Row[] = [];
await mkdir(WORK, { recursive: true });
for (const size of sizes.length ? sizes : [1_000, 10_000]) {
  const work = await mkdtemp(path.join(WORK, `bench-${size}-`));
  try {
    const events = await writeSyntheticArchive(path.join(work, "content"), size, { words: bodyWords });
    const floorDir = path.join(work, "floor");
    await writeFloorProject(floorDir, events);
    const env = {
      CONTENT_DIR: path.join(work, "content"),
      OUTPUT_DIR: path.join(work, "site"),
      BUILD_DATE: "2024-06-12",
      CACHE_DIR: path.join(work, "cache"),
    };
    const ours: number[] = [];
    const peer: number[] = [];
    const floor: number[] = [];
    let [oursPeak, peerPeak] = [0, 0];
    for (let run = 0; run < runs; run++) {
      // Each a fresh build into an empty folder, in alternating order, so that neither always follows the other.
      await rm(env.OUTPUT_DIR, { recursive: true, force: true });
      await rm(path.join(floorDir, "site"), { recursive: true, force: true });
      const build = () => measure([path.join(ROOT, "src/cli/build.ts")], env, work);
      const first = run % 2 === 0 ? await build() : undefined;
      const theirs = await peerBuild(floorDir, work);
      const mine = first ?? (await build());
      ours.push(mine.seconds);
      floor.push(theirs.floor.seconds);
      peer.push(theirs.floor.seconds + theirs.pagefind.seconds);
      oursPeak = Math.max(oursPeak, mine.treePeakMB);
      peerPeak = Math.max(peerPeak, theirs.floor.treePeakMB, theirs.pagefind.treePeakMB);
    }
    const [oursSite, peerSite] = [sizeOf(env.OUTPUT_DIR), sizeOf(path.join(floorDir, "site"))];
    // Over the site just built, one entry's title changed: the build updates the site in place (README: "Building
    // again"). With words the archive has: a word new to it rewrites every search bundle of a split index.
    const edited = path.join(env.CONTENT_DIR, "events", "event-000007.md");
    await writeFile(edited, (await readFile(edited, "utf8")).replace(/^title: (.*)$/m, "title: $1 festival"));
    const again = await measure([path.join(ROOT, "src/cli/build.ts")], env, work);
    const rebuild = again.seconds;
    if (!/^Updated /m.test(again.stdout))
      console.warn(`The build after one edit did not update in place:\n${again.stdout}`);
    const check = (await measure([path.join(ROOT, "src/cli/check.ts")], env, work)).seconds;
    // Past this size npm start's first build takes a minute or more before an edit can be timed (see README).
    const edit = size <= 20_000 ? (await editCase(env)).toFixed(2) : "not measured";
    rows.push({
      size,
      ours,
      peer,
      floor,
      oursPeak,
      peerPeak,
      oursSite,
      peerSite,
      rebuild,
      check,
      edit,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The image case: a small archive whose entries all have a photo, built cold and then warm. */
async function imageCase(photos: number): Promise<string> {
  const work = await mkdtemp(path.join(WORK, "bench-photos-"));
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
    // Into a new folder: a full build with the images' cache warm, not an update of the first site.
    const warm = await measure(build, { ...env, OUTPUT_DIR: path.join(work, "site-warm") }, work);
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

console.log(
  `\nWorking folder: ${WORK}, on ${filesystemOf(WORK)}. Entries of about ${bodyWords} words. ` +
    `Build times are the median of ${runs} fresh build${runs === 1 ? "" : "s"} into an empty folder, ours and the peer's in turn; ` +
    "the peer is the Eleventy floor, then Pagefind over its pages.",
);
console.log(
  "\n| events | our build (s) | peer: floor + Pagefind (s) | of which the floor (s) | ours / peer | our peak memory, all processes (MB) | peer's peak (MB) | our site: files, MB | peer's site: files, MB | one entry changed, built again (s) | npm run check (s) | npm start: one edit written (s) |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const [ours, peer] = [median(r.ours), median(r.peer)];
  console.log(
    `| ${thousands(r.size)} | ${ours.toFixed(2)} | ${peer.toFixed(2)} | ${median(r.floor).toFixed(2)} | ${(ours / peer).toFixed(2)} | ${r.oursPeak.toFixed(0)} | ${r.peerPeak.toFixed(0)} | ${thousands(r.oursSite.files)}, ${mb(r.oursSite.bytes)} | ${thousands(r.peerSite.files)}, ${mb(r.peerSite.bytes)} | ${r.rebuild.toFixed(2)} | ${r.check.toFixed(2)} | ${r.edit} |`,
  );
  if (runs > 1)
    console.log(
      `  each run (s): ours ${r.ours.map((t) => t.toFixed(2)).join(", ")}; peer ${r.peer.map((t) => t.toFixed(2)).join(", ")}`,
    );
}
if (images) console.log(`\n${images}`);
