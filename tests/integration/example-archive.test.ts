// The frozen copy of the example archive (tests/fixtures/example-archive): what
// content/ holds is the editors' and is checked for any valid archive in
// tests/e2e/any-valid-archive.test.ts. A file of its own, so that its build and
// checks run beside build.test.ts's.
import { rm } from "node:fs/promises";
import path from "node:path";
import type { CheerioAPI } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, EXAMPLE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { brokenLinks, parsePages } from "../support/site-files.ts";
import { htmlErrors } from "../support/validate-html.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("example-archive");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, " ").trim();

describe("the example archive (frozen copy)", () => {
  it("builds without errors or broken links, with the Singapore summit's page and credit", async () => {
    const out = path.join(work, "example");
    const run = await buildSite(EXAMPLE_ARCHIVE, out, { BUILD_DATE: "2026-06-12" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const pages = parsePages(out);
    expect(brokenLinks(out, pages)).toEqual([]);
    expect(await htmlErrors(out)).toEqual([]);
    const $ = pages.get("/events/trump-kim-singapore-summit/")!;
    expect(text($, ".photo-info dd").startsWith("Shealah Craighead")).toBe(true);
    expect(
      $(".related-list a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["/events/hanoi-summit/", "/events/trump-steps-into-north-korea/"]);
    const home = pages.get("/")!;
    expect(
      home(".event-title a")
        .map((_, el) => home(el).attr("href"))
        .get(),
    ).toContain("/events/trump-kim-singapore-summit/");
  }, 60_000);
});
