// With no SITE_URL, the site's address comes from the host the build runs on:
// canonical links, the feed, the sitemap, robots.txt and the API all carry
// the host's address (Netlify's here), and a build on CI that has none says
// how to set it.
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";
import { HOSTED_ORIGIN } from "../support/fixture-site.ts";
import { loadPage } from "../support/site-files.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("host-address");
});
afterAll(() => rm(work, { recursive: true, force: true }));

// Which variables each host sets, and what address they give: tests/unit/site-address.test.ts.
// One build on one host proves that the address reaches every file: the run's
// shared build on Netlify (tests/support/fixture-site.ts), read only.
const { site, run } = inject("hostedSite");

describe("a build on Netlify", () => {
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");

  it("has canonical links, the feed, the sitemap, robots.txt and the API at the host's address", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(loadPage(site, "/events/caesar/")('link[rel="canonical"]').attr("href")).toBe(
      `${HOSTED_ORIGIN}/events/caesar/`,
    );
    expect(read("feed.xml")).toContain(`<link href="${HOSTED_ORIGIN}/feed.xml" rel="self"`);
    expect(read("feed.xml")).toContain(`<id>${HOSTED_ORIGIN}/events/caesar/</id>`);
    expect(read("sitemap.xml")).toContain(`<loc>${HOSTED_ORIGIN}/events/caesar/</loc>`);
    expect(read("robots.txt").split("\n")).toContain(`Sitemap: ${HOSTED_ORIGIN}/sitemap.xml`);
    expect((JSON.parse(read("api/v1/events/caesar.json")) as { url: string }).url).toBe(
      `${HOSTED_ORIGIN}/events/caesar/`,
    );
    // And nowhere the fixture's placeholder.
    for (const file of ["feed.xml", "sitemap.xml", "robots.txt", "api/v1/events.json", "calendar.ics"])
      expect(read(file), file).not.toContain("localhost");
  });
});

describe("a build on CI with no address", () => {
  it("warns that the address is a placeholder, and says how to set it", async () => {
    // A content folder that is not there stops the build just after the warning, before anything is written.
    const run = await runCli("src/cli/build.ts", {
      CONTENT_DIR: path.join(work, "no-such-content"),
      OUTPUT_DIR: path.join(work, "unbuilt"),
      CI: "true",
    });
    expect(run.stderr.split("\n")[0]).toMatch(
      /^warning: the site's address is http:\/\/localhost:8080, a placeholder, .*SITE_URL/,
    );
  });
});
