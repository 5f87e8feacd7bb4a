// "Edit this entry" and "Report an error" on every event page: built from
// site.json's repository, each event's own file in it, and absent without one.
import { readdirSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { listFiles, parsePages } from "../support/site-files.ts";
import { htmlErrors } from "../support/validate-html.ts";

const ORIGIN = "https://history.example.org";
const REPOSITORY = "https://github.com/owner/archive";

/** Each entry's slug and its file under the archive folder ("events/2000s/new-year.md"). */
function entryFiles(archive: string): Map<string, string> {
  const events = path.join(archive, "events");
  return new Map(
    readdirSync(events, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".md"))
      .map((file) => [path.basename(file, ".md"), `events/${file.split(path.sep).join("/")}`]),
  );
}

describe("without a repository in site.json", () => {
  it("event pages have neither link", () => {
    const events = [...parsePages(path.join(inject("fixtureSite").site, "events"))];
    expect(events.length).toBe(entryFiles(FIXTURE_ARCHIVE).size);
    for (const [url, $] of events) {
      expect($(".entry-links").length, url).toBe(0);
      expect($("a").filter((_, a) => /Edit this entry|Report an error/.test($(a).text())).length, url).toBe(0);
    }
  });
});

describe("with a GitHub repository in site.json", () => {
  let work: string;
  let site: string;
  let pages: ReturnType<typeof parsePages>;
  beforeAll(async () => {
    work = await tempDir("entry-links");
    // The archive in a folder of a project, as in a repository made from this one: paths start with the folder.
    const project = path.join(work, "project");
    const content = path.join(project, "archive");
    await cp(FIXTURE_ARCHIVE, content, { recursive: true });
    await writeFile(path.join(project, "package.json"), "{}\n");
    const settings = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
    await writeFile(
      path.join(content, "site.json"),
      JSON.stringify({ ...settings, repository: { url: `${REPOSITORY}.git`, branch: "gh-pages/source" } }),
    );
    site = path.join(work, "site");
    await mkdir(site);
    const run = await buildSite(content, site, { SITE_URL: ORIGIN });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    pages = parsePages(site);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("every event page links its own file in GitHub's editor, and the correction form with its address and title", () => {
    const files = entryFiles(FIXTURE_ARCHIVE);
    const events = [...pages].filter(([url]) => url.startsWith("/events/"));
    expect(events.map(([url]) => url).sort()).toEqual([...files.keys()].map((slug) => `/events/${slug}/`).sort());
    for (const [url, $] of events) {
      const slug = url.split("/")[2]!;
      const links = $("article .entry-links a");
      expect(links.map((_, a) => $(a).text()).get(), url).toEqual(["Edit this entry", "Report an error"]);
      expect(links.eq(0).attr("href"), url).toBe(`${REPOSITORY}/edit/gh-pages/source/archive/${files.get(slug)}`);
      const report = new URL(links.eq(1).attr("href")!);
      expect(`${report.origin}${report.pathname}`, url).toBe(`${REPOSITORY}/issues/new`);
      expect(Object.fromEntries(report.searchParams), url).toEqual({
        template: "correction.yml",
        title: `Correction: ${$("h1").text()}`,
        page: `${ORIGIN}${url}`,
        file: `archive/${files.get(slug)}`,
      });
    }
  });

  it("only event pages have them", () => {
    const others = [...pages].filter(([url, $]) => !url.startsWith("/events/") && $(".entry-links").length);
    expect(others.map(([url]) => url)).toEqual([]);
  });

  it("the event pages stay valid HTML", async () => {
    expect(listFiles(path.join(site, "events")).length).toBe(entryFiles(FIXTURE_ARCHIVE).size);
    expect(await htmlErrors(path.join(site, "events"))).toEqual([]);
  });
});
