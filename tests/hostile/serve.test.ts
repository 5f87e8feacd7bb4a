// `npm start` against what a web page open beside it, or an editor's mistake,
// can do: requests with malformed, encoded or traversing paths; a symbolic
// link to a huge folder inside the content; entries deleted or renamed while
// it serves, or while it was stopped. One server, started once, takes them
// all in turn.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, symlink, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";
import { processesFor, type ServedSite, serveFixture } from "../support/serve-site.ts";
import { listFiles } from "../support/site-files.ts";

/** A folder outside the content, smaller than what a careless link reaches (/usr: 100,000 to 300,000 files) but enough to tell. */
const TREE = { folders: 200, filesPerFolder: 25 };

const LEFT_BEHIND = [
  "/events/deleted-before/index.html",
  "/api/v1/events/deleted-before.json",
  "/years/1234/index.html",
  "/img/0123456789abcdef-640.jpg",
];

let served: ServedSite;
let outside: string;

beforeAll(async () => {
  outside = await tempDir("serve-linked-tree");
  for (let i = 0; i < TREE.folders; i++) {
    const folder = path.join(outside, `folder-${i}`);
    await mkdir(folder);
    for (let k = 0; k < TREE.filesPerFolder; k++)
      await writeFile(path.join(folder, `file-${k}${k % 5 ? ".txt" : ".md"}`), "---\ntitle: Not an entry\n---\n");
  }
  served = await serveFixture("hostile-serve", 40_000 + (process.pid % 20_000), {
    prepare: async (content) => {
      await symlink(outside, path.join(content, "events/early-link"));
      // What an earlier npm start wrote for an entry deleted since it stopped.
      for (const sitePath of LEFT_BEHIND) {
        const file = path.join(path.dirname(content), "site", ...sitePath.split("/"));
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, "An entry deleted while npm start was stopped");
      }
    },
  });
}, 120_000);

afterAll(async () => {
  await served?.stop();
  if (outside) await rm(outside, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${served.port}`;
const status = (sitePath: string) => fetch(origin() + sitePath).then((r) => r.status);
const inSite = (sitePath: string) => path.join(served.site, ...sitePath.split("/"));
const linkSaid = (name: string) =>
  served
    .output()
    .split("\n")
    .filter((line) => line.includes(`events/${name}: warning: is a symbolic link`));

describe("npm start on the network", () => {
  it("listens on the loopback interface only", () => {
    const port = served.port.toString(16).toUpperCase().padStart(4, "0");
    // /proc/net/tcp(6): local address:port, state 0A is LISTEN.
    const listening = ["/proc/net/tcp", "/proc/net/tcp6"]
      .flatMap((file) => readFileSync(file, "utf8").split("\n").slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${port}`) && fields[3] === "0A")
      .map((fields) => fields[1]);
    expect(listening).toEqual([`0100007F:${port}`]);
  });

  it.each(["/%2e%2e%2fx", "/%", "/%ff%fe/", "/..%2f..%2fetc/passwd", "/events/%00/"])(
    "answers %s with 400 and keeps serving",
    async (bad) => {
      expect(await status(bad)).toBe(400);
      expect(await status("/events/caesar/")).toBe(200);
    },
  );
});

describe("npm start and entries deleted or renamed", { timeout: 90_000 }, () => {
  it("starts by removing what an earlier run wrote for entries deleted since", async () => {
    for (const sitePath of LEFT_BEHIND) {
      expect(await status(sitePath.replace(/index\.html$/, "")), sitePath).toBe(404);
      expect(existsSync(inSite(sitePath)), sitePath).toBe(false);
    }
  });

  it("removes everything written for those deleted or renamed while it serves: event page, API document, photos and search; the new name is served", async () => {
    const deleted = "singapore-summit";
    const [before, after] = ["leap-day-event", "leap-day-event-2024"];
    const events = path.join(served.content, "events");
    expect(existsSync(inSite(`/api/v1/events/${deleted}.json`))).toBe(true);
    expect(listFiles(inSite("/img")).length).toBeGreaterThan(0);

    // Deleted as an editor would: the one entry that links to it first loses the link.
    const linking = path.join(events, "dmz-meeting.md");
    await writeFile(
      linking,
      readFileSync(linking, "utf8").replace(
        `  - event: ${deleted}`,
        "  - date: 2018-06-12\n    text: The Singapore summit",
      ),
    );
    await rm(path.join(events, `${deleted}.md`));
    await rename(path.join(events, `${before}.md`), path.join(events, `${after}.md`));
    // The pages first, then the API and the search index: wait for the last of them.
    await served.until(() => existsSync(inSite(`/api/v1/events/${after}.json`)), "the renamed entry's API document");
    await served.until(() => searchIndexSays(`/events/${after}/`), "the renamed entry in the search index");

    for (const slug of [deleted, before]) {
      for (const sitePath of [`/api/v1/events/${slug}.json`, `/events/${slug}/`]) {
        expect(await status(sitePath), sitePath).toBe(404);
        expect(existsSync(inSite(sitePath)), `${sitePath} in the output folder`).toBe(false);
      }
    }
    expect(await status(`/events/${after}/`)).toBe(200);
    expect(await status(`/api/v1/events/${after}.json`)).toBe(200);
    const day = readFileSync(inSite("/february/29/index.html"), "utf8");
    expect(day).toContain(`/events/${after}/`);
    expect(day).not.toContain(`/events/${before}/`);
    expect(readFileSync(inSite("/june/12/index.html"), "utf8")).not.toContain(`/events/${deleted}/`);
    // Its photos were its own: no page names them any more, and none is left.
    const pages = listFiles(served.site)
      .filter((f) => f.endsWith(".html"))
      .map((f) => readFileSync(inSite(`/${f}`), "utf8"))
      .join("\n");
    expect(listFiles(inSite("/img")).filter((image) => !pages.includes(`/img/${image}`))).toEqual([]);
    expect(searchIndexSays(`/events/${deleted}/`)).toBe(false);
    expect(searchIndexSays(`/events/${before}/`)).toBe(false);
  });
});

describe("npm start and a symbolic link to a large folder among the entries", { timeout: 90_000 }, () => {
  it("says once that a link there at the start is not part of the archive, and does not watch what it points to", async () => {
    expect(serverWatches()).toBeLessThan(TREE.folders);
    expect(linkSaid("early-link")).toHaveLength(1);
  });

  it("npm run check says the same of it, as a warning", async () => {
    const { code, stderr } = await runCli("src/cli/check.ts", { CONTENT_DIR: served.content });
    expect(code).toBe(0);
    const said = stderr.split("\n").filter((line) => line.includes("events/early-link: warning: is a symbolic link"));
    expect(said).toHaveLength(1);
    expect(said).toEqual(linkSaid("early-link"));
  });

  it("says once that a link made while it serves is not part of the archive, lists none of its files, and keeps serving", async () => {
    const printed = served.output().length;
    await symlink(outside, path.join(served.content, "events/late-link"));
    await served.until(() => linkSaid("late-link").length > 0, "the report of the link");
    // An edit after it: the link is not reported again, and the edit shows.
    await writeFile(
      path.join(served.content, "events/caesar.md"),
      readFileSync(path.join(served.content, "events/caesar.md"), "utf8").replace(
        /^title: .*$/m,
        "title: Caesar, edited after the link",
      ),
    );
    await served.until(
      () => readFileSync(inSite("/events/caesar/index.html"), "utf8").includes("Caesar, edited after the link"),
      "the edit after the link",
    );

    const said = served.output().slice(printed).split("\n");
    expect(
      said.filter((line) => line.includes("late-link/")),
      "lines naming files behind the link",
    ).toEqual([]);
    expect(said.length, said.join("\n")).toBeLessThan(40);
    expect(linkSaid("late-link")).toHaveLength(1);
    expect(linkSaid("early-link")).toHaveLength(1);
    expect(serverWatches()).toBeLessThan(TREE.folders);
    expect(await status("/events/caesar/")).toBe(200);
  });
});

/** Whether any part of the search index (its gzipped fragments) names `url`. */
function searchIndexSays(url: string): boolean {
  const bundle = inSite("/pagefind");
  return listFiles(bundle)
    .filter((f) => f.startsWith("fragment/"))
    .some((f) =>
      gunzipSync(readFileSync(path.join(bundle, f)))
        .toString("utf8")
        .includes(`"${url}"`),
    );
}

/** The folders the server's processes watch (inotify watches), found by their OUTPUT_DIR. */
function serverWatches(): number {
  let watches = 0;
  for (const pid of processesFor(served.site)) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fdinfo`))
        watches += readFileSync(`/proc/${pid}/fdinfo/${fd}`, "utf8").match(/^inotify wd:/gm)?.length ?? 0;
    } catch {
      // gone meanwhile
    }
  }
  return watches;
}

describe("npm start and a web editor port already taken", () => {
  it("says so in one line, without decap-server's stack trace, and serves the site all the same", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const cmsPort = (taken.address() as AddressInfo).port;
    const served = await serveFixture("serve-cms-port", 40_000 + ((process.pid + 2) % 20_000), {
      env: { CMS_PORT: String(cmsPort) },
    });
    try {
      await served.until(() => served.output().includes("decap-server) stopped"), "the backend's end");
      expect(served.output()).toContain(`port ${cmsPort} is taken: set CMS_PORT to another, or to off`);
      expect(served.output()).not.toMatch(/^\s+at |EADDRINUSE/m);
      expect((await fetch(`http://127.0.0.1:${served.port}/`)).status).toBe(200);
    } finally {
      await served.stop();
      taken.close();
    }
  });
});

describe("npm start and an output folder it cannot write", () => {
  it("says so in one line, and the server ends instead of hanging", async () => {
    const work = await tempDir("serve-output-file");
    const file = path.join(work, "notes.txt");
    await writeFile(file, "notes\n");
    const served = await serveFixture("serve-output", 40_000 + ((process.pid + 1) % 20_000), {
      env: { OUTPUT_DIR: path.join(file, "site") },
      wait: false,
    });
    try {
      await served.until(() => served.output().includes("The server stopped (exit 1)"), "the server's end");
      expect(served.output()).toContain(
        `${path.relative(process.cwd(), file)} is a file, not a folder: set OUTPUT_DIR to a folder`,
      );
      expect(served.output()).not.toMatch(/^\s+at /m);
      expect(readFileSync(file, "utf8")).toBe("notes\n");
    } finally {
      await served.stop();
      await rm(work, { recursive: true, force: true });
    }
  });
});
