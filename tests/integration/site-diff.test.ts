// npm run diff on two builds of the fixture archive, the second with one
// entry added, one edited and one removed: the pages it lists are checked
// against a second reading of both sites (cheerio's text of each page), and
// against the pages each change must touch.
import { readFileSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";
import { listFiles } from "../support/site-files.ts";

const APOLLO = `---
title: Apollo 11 lands on the Moon
date: 1969-07-20
summary: Neil Armstrong and Buzz Aldrin land the lunar module Eagle.
topics: [space]
sources:
  - title: A fixture source
---
The first crewed landing on the Moon.
`;

let work: string;
let base: string;
let head: string;
beforeAll(async () => {
  work = await tempDir("site-diff");
  const baseContent = path.join(work, "base-content");
  const headContent = path.join(work, "head-content");
  await cp(FIXTURE_ARCHIVE, baseContent, { recursive: true });
  await cp(FIXTURE_ARCHIVE, headContent, { recursive: true });
  // Added, edited, removed.
  await writeFile(path.join(headContent, "events/apollo-11.md"), APOLLO);
  const caesar = path.join(headContent, "events/caesar.md");
  await writeFile(caesar, (await readFile(caesar, "utf8")).replace("Theatre of Pompey", "Curia of Pompey"));
  await rm(path.join(headContent, "events/vesuvius.md"));
  [base, head] = [path.join(work, "base"), path.join(work, "head")];
  const runs = await Promise.all([buildSite(baseContent, base), buildSite(headContent, head)]);
  for (const run of runs) expect([run.code, run.stderr]).toEqual([0, ""]);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

/** A page's address and what a reader sees of it, read with cheerio (not the tool's parser). */
function pagesOf(site: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of listFiles(site).filter((f) => f.endsWith(".html"))) {
    const $ = cheerio.load(readFileSync(path.join(site, file), "utf8"));
    $("script, style, template, [hidden]").remove();
    const alts = $("body img[alt]")
      .map((_, img) => $(img).attr("alt"))
      .get();
    const text = [$("title").first().text(), $("body").text(), ...alts].join(" ").replace(/\s+/g, " ").trim();
    pages.set(`/${file.replace(/(^|\/)index\.html$/, "$1")}`, text);
  }
  return pages;
}

interface Listed {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The addresses of each list in the plain-text report. */
function listedIn(report: string): Listed {
  const listed: Listed = { added: [], changed: [], removed: [] };
  let section: keyof Listed | undefined;
  for (const line of report.split("\n")) {
    const heading = /^(Added|Changed|Removed) \(\d+\):$/.exec(line);
    if (heading) section = heading[1]!.toLowerCase() as keyof Listed;
    else if (!line.startsWith("  ")) section = undefined;
    else if (section && /^ {2}\//.test(line)) listed[section].push(line.trim().split(/\s+/)[0]!);
  }
  return listed;
}

describe("npm run diff", () => {
  let text: string;
  beforeAll(async () => {
    const run = await runCli("src/cli/diff.ts", {}, [base, head]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    text = run.stdout;
  });

  it("lists exactly the pages added, removed and changed in what a reader sees", () => {
    const [before, after] = [pagesOf(base), pagesOf(head)];
    const expected: Listed = {
      added: [...after.keys()].filter((address) => !before.has(address)),
      changed: [...after.keys()].filter((address) => before.has(address) && before.get(address) !== after.get(address)),
      removed: [...before.keys()].filter((address) => !after.has(address)),
    };
    const listed = listedIn(text);
    for (const list of ["added", "changed", "removed"] as const)
      expect([...listed[list]].sort(), list).toEqual(expected[list].sort());
  });

  it("lists the pages each change touches, and not the others", () => {
    const listed = listedIn(text);
    // The new entry's page, its year and its topic, which no entry had before.
    expect(listed.added).toEqual(["/events/apollo-11/", "/years/1969/", "/topics/space/"]);
    expect(listed.removed).toEqual(expect.arrayContaining(["/events/vesuvius/"]));
    expect(listed.changed).toEqual(
      expect.arrayContaining(["/events/caesar/", "/july/20/", "/march/15/", "/august/24/", "/years/", "/topics/"]),
    );
    // Events first, then days, then the rest.
    expect(listed.changed.indexOf("/events/caesar/")).toBeLessThan(listed.changed.indexOf("/july/20/"));
    expect(listed.changed.indexOf("/august/24/")).toBeLessThan(listed.changed.indexOf("/years/"));
    for (const untouched of ["/events/singapore-summit/", "/june/12/", "/february/29/"])
      expect([...listed.added, ...listed.changed, ...listed.removed]).not.toContain(untouched);
  });

  it("shows an edited page's text change, not its markup", () => {
    const at = text.indexOf("  /events/caesar/");
    const excerpt = text.slice(at, text.indexOf("\n  /", at + 1));
    expect(excerpt).toContain("    - Caesar is stabbed to death in the Theatre of Pompey.");
    expect(excerpt).toContain("    + Caesar is stabbed to death in the Curia of Pompey.");
    expect(excerpt).not.toMatch(/<|class=/);
  });

  it("counts the other files by folder", () => {
    expect(text).toMatch(/\n {2}api\/ {2}\+1 ~\d+ -1\n/);
    expect(text).toMatch(/\n {2}pagefind\/ {2}\+\d+ ~\d+ -\d+\n/);
    expect(text).toMatch(/\n {2}feed\.xml {2}\+0 ~1 -0\n/);
    expect(text).not.toMatch(/api\/v1\/events\//);
  });

  it("writes Markdown for the job summary with the same lists, within the bytes asked", async () => {
    const run = await runCli("src/cli/diff.ts", {}, [
      base,
      head,
      "--format",
      "markdown",
      "--artifact-url",
      "https://github.com/o/r/actions/runs/1/artifacts/2",
    ]);
    expect(run.code).toBe(0);
    const listed = listedIn(text);
    expect(run.stdout).toContain(
      `### Pages: ${listed.added.length} added, ${listed.changed.length} changed, ${listed.removed.length} removed\n`,
    );
    expect(run.stdout).toContain("[Download the built site](<https://github.com/o/r/actions/runs/1/artifacts/2>)");
    expect(run.stdout).toContain("- `/events/apollo-11/` Apollo 11 lands on the Moon\n");
    expect(run.stdout).toContain("<details><summary><code>/events/caesar/</code> Julius Caesar is assassinated");
    expect(run.stdout).toContain("```diff\n");
    const small = await runCli("src/cli/diff.ts", {}, [base, head, "--format", "markdown", "--max-bytes", "4096"]);
    expect(Buffer.byteLength(small.stdout)).toBeLessThanOrEqual(4096);
    expect(small.stdout).toMatch(/… and \d+ more\./);
    expect(small.stdout).toContain("- `/events/apollo-11/` Apollo 11 lands on the Moon\n");
  });

  it("finds nothing between a site and itself, and refuses a missing folder", async () => {
    const same = await runCli("src/cli/diff.ts", {}, [base, base]);
    expect(same.stdout.split("\n").slice(0, 2)).toEqual([
      "No page changes",
      `The site had ${pagesOf(base).size} pages and has ${pagesOf(base).size}.`,
    ]);
    const missing = await runCli("src/cli/diff.ts", {}, [base, path.join(work, "nowhere")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere: no such folder");
  });
});
