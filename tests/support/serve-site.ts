// Runs `npm start`'s command on a copy of the fixture archive, as an editor
// would, and waits until the site, its API and search index are up and its
// file watcher is ready.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { FIXTURE_ARCHIVE, TEST_IMAGE_CACHE, tempDir } from "./build-site.ts";
import { startCommand } from "./commands.ts";

export interface ServedSite {
  /** The editable copy of the fixture archive. */
  readonly content: string;
  readonly site: string;
  readonly port: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Polls `done`; fails naming `what`, with the server's output, after `limit` ms. */
  until(done: () => boolean, what: string, limit?: number): Promise<void>;
  /** Waits for the first build and Eleventy's watcher. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServeOptions {
  readonly env?: Record<string, string>;
  /** Changes the content before the server starts. */
  readonly prepare?: (content: string) => Promise<void>;
  /** Whether to wait for the first build (the default) or return at once. */
  readonly wait?: boolean;
}

export async function serveFixture(
  name: string,
  port: number,
  { env = {}, prepare, wait = true }: ServeOptions = {},
): Promise<ServedSite> {
  const work = await tempDir(name);
  const content = path.join(work, "content");
  const site = path.join(work, "site");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  await prepare?.(content);
  const server = startCommand("src/cli/serve.ts", {
    env: {
      CONTENT_DIR: content,
      OUTPUT_DIR: site,
      BUILD_DATE: "2024-02-29",
      CACHE_DIR: TEST_IMAGE_CACHE,
      PORT: String(port),
      // No web editor backend unless a test asks for one: servers of test files running at once would race for its port.
      CMS_PORT: "off",
      ...env,
    },
    // A server lives as long as its test file; the limit only ends one a failed file left behind.
    limitMs: 30 * 60_000,
  });
  let ended = false;
  void server.done.then(() => (ended = true));
  const served: ServedSite = {
    content,
    site,
    port,
    output: server.output,
    async until(done, what, limit = 30_000) {
      for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 20))) {
        if (Date.now() - started > limit)
          throw new Error(`${what} did not happen within ${limit / 1000} s. Output:\n${server.output()}`);
      }
    },
    ready,
    async stop() {
      // npm start's supervisor stops its server before it exits.
      if (!ended) {
        try {
          process.kill(server.pid, "SIGTERM");
        } catch {
          // It ended just now.
        }
        await server.done;
      }
      await rm(work, { recursive: true, force: true });
    },
  };
  if (wait) await served.ready();
  return served;
}

async function ready(this: ServedSite): Promise<void> {
  const { site } = this;
  // Up, with the API and search index the finishing step writes after the pages.
  await this.until(
    () =>
      existsSync(path.join(site, "pagefind/pagefind-entry.json")) && existsSync(path.join(site, "api/v1/events.json")),
    "the first build",
    60_000,
  );
  // Eleventy says it is watching before its watcher has finished looking at the files.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

/** The processes (ids) started for this output folder: npm, the supervisor, the server and whatever they started. */
export function processesFor(outputDir: string): string[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`OUTPUT_DIR=${outputDir}`);
      } catch {
        return false; // gone meanwhile
      }
    });
}
