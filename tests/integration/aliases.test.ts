// Addresses that survive a renamed entry: the fixture archive built with an
// entry that lists former slugs (front-matter `aliases`) under a path prefix,
// and the check refusing an alias that another entry's page or alias holds.
import { readFileSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";
import { listFiles, loadPage } from "../support/site-files.ts";
import { htmlErrors } from "../support/validate-html.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("aliases");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const shown = (file: string) => path.relative(REPO_ROOT, file);

/** A copy of the fixture archive whose entries get these lines of front-matter after their title. */
async function archiveWith(name: string, added: Record<string, string>): Promise<string> {
  const content = path.join(work, name);
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  for (const [entry, lines] of Object.entries(added)) {
    const file = path.join(content, "events", `${entry}.md`);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^(title: .*\n)/m, `$1${lines}\n`));
  }
  return content;
}

/** The files that differ between `site` and a clean build of `content`: missing from one, or with other bytes. */
async function sameAsCleanBuild(content: string, site: string, env: Record<string, string>): Promise<string[]> {
  const clean = path.join(work, "clean");
  await rm(clean, { recursive: true, force: true });
  expect((await buildSite(content, clean, env)).code).toBe(0);
  const [inSite, inClean] = [new Set(listFiles(site)), new Set(listFiles(clean))];
  return [...new Set([...inSite, ...inClean])].filter(
    (file) =>
      !inSite.has(file) ||
      !inClean.has(file) ||
      !readFileSync(path.join(site, file)).equals(readFileSync(path.join(clean, file))),
  );
}

describe("aliases", () => {
  it("build a redirect page at each old address, under the path prefix, and a 301 rule in _redirects", async () => {
    const content = await archiveWith("build", {
      caesar: "aliases:\n  - 44-bc-03-15-julius-caesar-is-assassinated\n  - ides-of-march",
    });
    const out = path.join(work, "site");
    const run = await buildSite(content, out, { SITE_URL: "https://example.org/archive/" });
    expect(run.code, run.stderr).toBe(0);

    for (const alias of ["44-bc-03-15-julius-caesar-is-assassinated", "ides-of-march"]) {
      const $ = loadPage(out, `/events/${alias}/`);
      expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=/archive/events/caesar/");
      expect($('link[rel="canonical"]').attr("href")).toBe("https://example.org/archive/events/caesar/");
      expect($('meta[name="robots"]').attr("content")).toBe("noindex");
      expect($("main a").attr("href")).toBe("/archive/events/caesar/");
      expect($("main a").text()).toBe("Julius Caesar is assassinated");
      // Under the same CSP as every page: the refresh is no script, and the page has none.
      expect($('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(
        loadPage(out, "/events/caesar/")('meta[http-equiv="Content-Security-Policy"]').attr("content"),
      );
      expect($("script").length).toBe(0);
    }
    // Valid HTML, by the rules every page of the site is held to.
    const alone = path.join(work, "redirect-page");
    await mkdir(alone);
    await cp(path.join(out, "events", "ides-of-march", "index.html"), path.join(alone, "index.html"));
    expect(await htmlErrors(alone)).toEqual([]);

    expect(await readFile(path.join(out, "_redirects"), "utf8")).toBe(
      [
        "# The former addresses of entries (their aliases), each to the entry's page. Written by the build.",
        "/archive/events/44-bc-03-15-julius-caesar-is-assassinated/ /archive/events/caesar/ 301",
        "/archive/events/ides-of-march/ /archive/events/caesar/ 301",
        "",
      ].join("\n"),
    );
    // Not a page of the archive: no sitemap, feed, API document or other page names an old address.
    // (The search index is made from the events, not from the pages on disk.)
    const naming = [];
    for (const file of listFiles(out).filter((f) => /\.(html|xml|json|ndjson|ics|txt)$/.test(f))) {
      if (file.startsWith("events/ides-of-march/") || file.startsWith("events/44-bc-03-15-")) continue;
      if ((await readFile(path.join(out, file), "utf8")).includes("ides-of-march")) naming.push(file);
    }
    expect(naming).toEqual([]);
  });

  it("follow a renamed entry in a build that updates the site in place, as a clean build writes them", async () => {
    const content = await archiveWith("update", {});
    const site = path.join(work, "updated");
    const env = { CACHE_DIR: path.join(work, "cache") };
    expect((await buildSite(content, site, env)).code).toBe(0);
    const events = path.join(content, "events");
    // The editor renames the file and keeps the old address as an alias.
    const text = await readFile(path.join(events, "caesar.md"), "utf8");
    await rm(path.join(events, "caesar.md"));
    await writeFile(path.join(events, "julius-caesar.md"), text.replace(/^(title: .*\n)/m, "$1aliases:\n  - caesar\n"));
    const renamed = await buildSite(content, site, env);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/Updated/);
    expect(await sameAsCleanBuild(content, site, env)).toEqual([]);
    expect(loadPage(site, "/events/caesar/")('meta[http-equiv="refresh"]').attr("content")).toBe(
      "0; url=/events/julius-caesar/",
    );
    expect(await readFile(path.join(site, "_redirects"), "utf8")).toContain(
      "\n/events/caesar/ /events/julius-caesar/ 301\n",
    );
    // The alias dropped: its page and _redirects go.
    await rename(path.join(events, "julius-caesar.md"), path.join(events, "caesar-renamed.md"));
    await writeFile(path.join(events, "caesar-renamed.md"), text);
    expect((await buildSite(content, site, env)).code).toBe(0);
    expect(await sameAsCleanBuild(content, site, env)).toEqual([]);
    expect(listFiles(site).filter((f) => f === "_redirects" || f.startsWith("events/caesar/"))).toEqual([]);
  }, 240_000);

  it("are refused by the check when another entry has the slug or the alias, naming both files", async () => {
    const content = await archiveWith("collisions", {
      caesar: "aliases:\n  - hanoi-summit\n  - ides-of-march\n  - caesar",
      "dmz-meeting": "aliases:\n  - ides-of-march",
    });
    const run = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(run.code).toBe(1);
    const caesar = shown(path.join(content, "events", "caesar.md"));
    const dmz = shown(path.join(content, "events", "dmz-meeting.md"));
    const hanoi = shown(path.join(content, "events", "hanoi-summit.md"));
    const lines = run.stderr.split("\n");
    expect(lines).toContain(
      `${caesar}:4: aliases[0]: "hanoi-summit" is the slug of ${hanoi}, whose page is at that address (an alias is a former slug of this entry: remove it here, or rename ${hanoi} if the address should lead to this entry)`,
    );
    expect(lines).toContain(
      `${caesar}:6: aliases[2]: is this entry's own slug (remove it: an alias is a former slug, and this entry's page is at that address)`,
    );
    // The entries are read in file order: dmz-meeting.md's alias comes second.
    expect(lines).toContain(
      `${dmz}:4: aliases[0]: "ides-of-march" is also an alias of ${caesar} (an old address can lead to one entry only: remove it from one of the two files)`,
    );
  });

  it("are refused by the check when malformed, with the slug to write", async () => {
    const content = await archiveWith("malformed", { caesar: "aliases:\n  - /events/Old-Name/\n  - old_name" });
    const run = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(run.code).toBe(1);
    const caesar = shown(path.join(content, "events", "caesar.md"));
    const lines = run.stderr.split("\n");
    expect(lines).toContain(
      `${caesar}:4: aliases[0]: "/events/Old-Name/" is not a slug (write it as old-name: the former file name without .md)`,
    );
    expect(lines).toContain(
      `${caesar}:5: aliases[1]: "old_name" is not a slug (write it as old-name: the former file name without .md)`,
    );
  });
});
