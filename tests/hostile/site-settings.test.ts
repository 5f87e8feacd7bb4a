// Settings come from site.json (in the content folder, so from pull requests)
// and from the environment. Nothing they say may become part of a path or a
// line of robots.txt unchecked: each hostile value stops the build with a
// line naming the setting, exit 1, and nothing written anywhere.

import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";

let work: string;
/** Where a path traversal in the language would land: a folder of its own in the system's temp folder. */
let outside: string;

beforeAll(async () => {
  work = await tempDir("site-settings");
  outside = await mkdtemp(path.join(os.tmpdir(), "site-settings-outside-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

/** A copy of the fixture archive whose site.json has these fields over its own. */
async function archiveWith(name: string, fields: Record<string, unknown>): Promise<string> {
  const content = path.join(work, name);
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  const site = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
  await writeFile(path.join(content, "site.json"), JSON.stringify({ ...site, ...fields }));
  return content;
}

describe("hostile settings are refused before anything is written", () => {
  const cases: [string, Record<string, unknown>, Record<string, string>, RegExp][] = [
    [
      "a language that is a path",
      { language: "../../../../OUTSIDE/x/y" },
      {},
      /site\.json: language: must be a BCP 47 language tag/,
    ],
    [
      "a url with lines for robots.txt",
      { url: "https://example.org/\nSitemap: https://evil.example/s.xml\nDisallow: /" },
      {},
      /site\.json: url: /,
    ],
    ["a url that is not http(s)", { url: "javascript:alert(1)" }, {}, /site\.json: url: /],
    ["SITE_URL with a line break", {}, { SITE_URL: "https://example.org/\nDisallow: /" }, /SITE_URL: /],
    ["a pathPrefix that climbs", { pathPrefix: "../../" }, {}, /site\.json: pathPrefix: /],
    ["a pathPrefix with an empty segment", { pathPrefix: "//evil.example/" }, {}, /site\.json: pathPrefix: /],
    [
      "a title the feed cannot carry",
      { title: "History\uFFFF\u001b]0;x\u0007" },
      {},
      /site\.json: title: contains the noncharacter U\+FFFF: remove it/,
    ],
    [
      "a description with a control character",
      { description: "One\u000cline" },
      {},
      /site\.json: description: contains the control character U\+000C/,
    ],
    [
      "a data licence address with a line break",
      { dataLicense: { name: "CC0", url: "https://example.org/\nDisallow: /" } },
      {},
      /site\.json: dataLicense\.url: /,
    ],
  ];

  it.each(cases)("%s", async (name, fields, env, message) => {
    const withOutside = JSON.parse(JSON.stringify(fields).replaceAll("OUTSIDE", path.relative("/", outside)));
    const content = await archiveWith(name.replace(/\W+/g, "-"), withOutside);
    const output = path.join(work, `${name.replace(/\W+/g, "-")}-site`);
    const { code, stderr } = await buildSite(content, output, env);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(output)).toBe(false);
    expect(await readdir(outside)).toEqual([]);
  });
});

describe("a clean address reaches robots.txt and the sitemap as one line", () => {
  it("builds with the address given", async () => {
    const content = await archiveWith("clean", { url: "https://example.org/archive/" });
    const output = path.join(work, "clean-site");
    const { code } = await buildSite(content, output);
    expect(code).toBe(0);
    const robots = await readFile(path.join(output, "robots.txt"), "utf8");
    expect(robots.split("\n").filter((line) => line.startsWith("Sitemap:"))).toEqual([
      "Sitemap: https://example.org/archive/sitemap.xml",
    ]);
    expect(robots).not.toMatch(/evil|Disallow: \/$/m);
  });
});
