// `npm start` as an editor uses it: the first build is written in runs, as a
// large archive's would be; after it, an edit rewrites
// the pages it touches (the entry's page, its day, month, year and topics,
// the events that relate to it) and no others; a deleted entry's page goes;
// an entry with an error leaves the last good pages and says what is wrong;
// a layout change rewrites every page; an edit to site.json restarts the
// server, and stopping npm stops everything it started. What a hostile
// request or a link to a large folder does to it: tests/hostile/serve.test.ts.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { readFile, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_ARCHIVE, TEST_IMAGE_CACHE, tempDir } from "../support/build-site.ts";
import { hermetic, REPO_ROOT } from "../support/commands.ts";
import { processesFor, type ServedSite, serveFixture } from "../support/serve-site.ts";

let served: ServedSite;
let content: string;
let site: string;

const page = (sitePath: string) => path.join(site, ...sitePath.split("/"), "index.html");
const read = (sitePath: string) => readFileSync(page(sitePath), "utf8");
const modified = (sitePath: string) => statSync(page(sitePath)).mtimeMs;
const until = (done: () => boolean, what: string) => served.until(done, what);

/** Waits for the rebuild after an edit: Eleventy says it wrote files once more. */
async function rebuilt(edit: () => Promise<void>): Promise<void> {
  const writes = () => served.output().match(/Wrote \d+ files/g)?.length ?? 0;
  const before = writes();
  await edit();
  await until(() => writes() > before, "a rebuild");
  // Let Eleventy go back to watching, as an editor's next save would.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

// The first build in runs of five event pages, as a large archive's would be: the edits below then go on from it.
const EVENTS_PER_RUN = 5;

beforeAll(async () => {
  served = await serveFixture("serve", 20_000 + (process.pid % 20_000), {
    env: { EVENTS_PER_RUN: String(EVENTS_PER_RUN) },
  });
  ({ content, site } = served);
}, 90_000);

afterAll(async () => {
  await served?.stop();
});

describe("npm start", { timeout: 60_000 }, () => {
  it("writes the first build in Eleventy runs, like npm run build, and every page of it", () => {
    const events = readdirSync(path.join(content, "events"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .map((f) => path.basename(f));
    expect(served.output()).toMatch(
      new RegExp(
        `Wrote the pages of ${events.length} events into .* \\(${Math.ceil(events.length / EVENTS_PER_RUN)} runs\\)\\.`,
      ),
    );
    for (const file of events) expect(existsSync(page(`/events/${file.replace(/\.md$/, "")}/`)), file).toBe(true);
    for (const single of ["/", "/calendar/", "/search/", "/years/", "/topics/"])
      expect(existsSync(page(single)), single).toBe(true);
  });

  it("rewrites an edited entry's page and the pages that show it, and leaves the others alone", async () => {
    const untouched = ["/events/vesuvius/", "/august/24/", "/years/79/"];
    const before = untouched.map(modified);
    await rebuilt(() => editTitle("hanoi-summit", "The Hanoi summit ends without a deal"));

    expect(read("/events/hanoi-summit/")).toContain("The Hanoi summit ends without a deal");
    // Its day, month, year and a related event show the new title.
    for (const listing of ["/february/28/", "/february/", "/years/2019/", "/events/singapore-summit/"]) {
      expect(read(listing), listing).toContain("The Hanoi summit ends without a deal");
      expect(read(listing), listing).not.toContain("The Hanoi summit is cut short");
    }
    expect(read("/")).toContain("<html");
    expect(untouched.map(modified)).toEqual(before);
    // The API and search index catch up after the pages.
    await until(
      () => readFileSync(path.join(site, "api/v1/events/hanoi-summit.json"), "utf8").includes("ends without a deal"),
      "the API",
    );
  });

  it("moves an entry to its new day: both days are rewritten", async () => {
    await rebuilt(() => editField("vesuvius", "date", "0079-10-24"));
    expect(read("/october/24/")).toContain("Vesuvius erupts");
    expect(read("/august/24/")).not.toContain("Vesuvius erupts");
    expect(read("/events/vesuvius/")).toContain("24 October");
  });

  it("keeps the last good pages when an entry has an error, names it, and recovers when it is fixed", async () => {
    const good = read("/events/vesuvius/");
    const before = served.output().length;
    await rebuilt(() => editField("vesuvius", "date", "0079-02-30"));
    await until(() => /vesuvius\.md.*date/.test(served.output()), "the error message");
    expect(read("/events/vesuvius/")).toBe(good);
    // Once, as file:line: field: message (fix), with no stack trace of Eleventy's.
    const said = served.output().slice(before);
    const file = path.relative(REPO_ROOT, path.join(content, "events/vesuvius.md"));
    expect(said.match(/0079-02-30/g)).toHaveLength(1);
    expect(said).toContain(`${file}:3: date: "0079-02-30" is not a real day`);
    expect(said).not.toMatch(/stack trace|^\s+at |\[11ty\].*(Problem|error)/im);
    await rebuilt(() => editField("vesuvius", "date", "0079-10-25"));
    expect(read("/events/vesuvius/")).toContain("25 October");
    expect(read("/october/25/")).toContain("Vesuvius erupts");
  });

  it("removes a deleted entry's page and the links to it", async () => {
    expect(read("/december/31/")).toContain("/events/last-day/");
    await rebuilt(() => rm(path.join(content, "events/last-day.md")));
    expect(existsSync(page("/events/last-day/"))).toBe(false);
    expect(read("/december/31/")).not.toContain("/events/last-day/");
  });

  it("rewrites every page when a layout changes", async () => {
    const before = modified("/events/caesar/");
    // Touched, not changed: the repository's layout must stay as it is.
    const layout = path.join(REPO_ROOT, "layouts/event.njk");
    await rebuilt(async () => {
      const now = new Date();
      await utimes(layout, now, now);
    });
    expect(modified("/events/caesar/")).toBeGreaterThan(before);
  });
});

describe("npm start and site.json", { timeout: 90_000 }, () => {
  it("restarts with an edited site.json, and reports an invalid one while it keeps serving", async () => {
    const siteJson = path.join(content, "site.json");
    const good = await readFile(siteJson, "utf8");
    await writeFile(siteJson, JSON.stringify({ ...JSON.parse(good), title: "Renamed Archive" }));
    await until(() => read("/").includes("Renamed Archive"), "the new title on the home page");
    expect(served.output()).toMatch(/site\.json changed: restarting the server\./);

    const before = served.output().length;
    await writeFile(siteJson, JSON.stringify({ ...JSON.parse(good), url: "https://example.org/\nDisallow: /" }));
    await until(() => served.output().slice(before).includes("Still serving the site as it was"), "the report");
    expect(served.output().slice(before)).toContain(
      'site.json: url: "https://example.org/\\nDisallow: /" contains a line break',
    );
    // The restarted server (its first build is written before it listens) serves the new title.
    const home = () =>
      fetch(`http://127.0.0.1:${served.port}/`).then(
        (r) => r.text(),
        () => "",
      );
    for (let tries = 0; !(await home()).includes("Renamed Archive"); tries++) {
      expect(tries, `the restarted server's home page:\n${served.output()}`).toBeLessThan(100);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});

async function editTitle(slug: string, title: string): Promise<void> {
  await editField(slug, "title", title);
}

async function editField(slug: string, field: string, value: string): Promise<void> {
  const file = path.join(content, "events", `${slug}.md`);
  const text = await readFile(file, "utf8");
  const edited = text.replace(new RegExp(`^${field}: .*$`, "m"), `${field}: ${value}`);
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
}

describe("npm start on content with an error", { timeout: 90_000 }, () => {
  it("says what is wrong, serves nothing, and builds the site once the entry is fixed", async () => {
    const entry = (content: string) => path.join(content, "events/vesuvius.md");
    let good = "";
    const broken = await serveFixture("serve-broken", 20_000 + ((process.pid + 1) % 20_000), {
      wait: false,
      prepare: async (content) => {
        good = await readFile(entry(content), "utf8");
        await writeFile(entry(content), good.replace(/^date: .*$/m, 'date: "2019-02-30"'));
      },
    });
    try {
      await broken.until(() => broken.output().includes("Nothing to serve yet"), "the report of the error");
      expect(broken.output()).toContain('date: "2019-02-30" is not a real day');
      expect(existsSync(path.join(broken.site, "index.html"))).toBe(false);
      // Still running, waiting for the fix.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(broken.output()).not.toMatch(/triggerUncaughtException|^\s+at /m);

      await writeFile(entry(broken.content), good);
      await broken.ready();
      expect(readFileSync(path.join(broken.site, "events/vesuvius/index.html"), "utf8")).toContain("Vesuvius");
      // And it watches: an edit shows.
      await writeFile(entry(broken.content), good.replace(/^title: .*$/m, 'title: "Vesuvius, fixed and edited"'));
      await broken.until(
        () =>
          readFileSync(path.join(broken.site, "events/vesuvius/index.html"), "utf8").includes(
            "Vesuvius, fixed and edited",
          ),
        "the edit",
      );
    } finally {
      await broken.stop();
    }
  });
});

describe("stopping npm start", { timeout: 90_000 }, () => {
  it.each(["SIGTERM", "SIGHUP"] as const)(
    "%s to npm stops the server and the watchers, and frees the port",
    async (signal) => {
      const work = await tempDir(`serve-${signal}`);
      const outputDir = path.join(work, "site");
      const port = 20_000 + ((process.pid + (signal === "SIGHUP" ? 2 : 3)) % 20_000);
      const npm = spawn("npm", ["start"], {
        cwd: REPO_ROOT,
        env: {
          ...hermetic(process.env),
          CONTENT_DIR: FIXTURE_ARCHIVE,
          OUTPUT_DIR: outputDir,
          BUILD_DATE: "2024-02-29",
          CACHE_DIR: TEST_IMAGE_CACHE,
          PORT: String(port),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const serving = async () =>
        (await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.status,
          () => 0,
        )) === 200;
      try {
        for (const started = Date.now(); !(await serving()); await new Promise((resolve) => setTimeout(resolve, 200))) {
          if (Date.now() - started > 60_000) throw new Error(`npm start did not serve within 60 s:\n${output}`);
        }
        expect(processesFor(outputDir).length).toBeGreaterThanOrEqual(2);
        process.kill(npm.pid!, signal);
        for (
          const started = Date.now();
          processesFor(outputDir).length > 0 || (await serving());
          await new Promise((resolve) => setTimeout(resolve, 200))
        ) {
          if (Date.now() - started > 10_000)
            throw new Error(`still running 10 s after ${signal}: ${processesFor(outputDir).join(", ")}\n${output}`);
        }
      } finally {
        for (const pid of processesFor(outputDir)) process.kill(Number(pid), "SIGKILL");
        await rm(work, { recursive: true, force: true });
      }
    },
  );
});
