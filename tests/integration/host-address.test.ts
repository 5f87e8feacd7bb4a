// With no SITE_URL, the site's address comes from the host the build runs on:
// canonical links, the feed, the sitemap, robots.txt and the API all carry
// the host's address (Netlify's here), and a build on CI that has none says
// how to set it.
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";
import { loadPage } from "../support/site-files.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("host-address");
});
afterAll(() => rm(work, { recursive: true, force: true }));

// Which variables each host sets, and what address they give: tests/unit/site-address.test.ts.
// One build on one host proves that the address reaches every file.
const NETLIFY = {
  NETLIFY: "true",
  CONTEXT: "production",
  URL: "https://example.netlify.app",
  DEPLOY_PRIME_URL: "https://main--example.netlify.app",
};
const ORIGIN = "https://example.netlify.app";

describe("a build on Netlify", { timeout: 60_000 }, () => {
  let site: string;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");

  beforeAll(async () => {
    site = path.join(work, "netlify");
    // CI=true as on the host: a real address there gives no warning.
    const run = await buildSite(FIXTURE_ARCHIVE, site, { ...NETLIFY, CI: "true" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  }, 60_000);

  it("has canonical links, the feed, the sitemap, robots.txt and the API at the host's address", () => {
    expect(loadPage(site, "/events/caesar/")('link[rel="canonical"]').attr("href")).toBe(`${ORIGIN}/events/caesar/`);
    expect(read("feed.xml")).toContain(`<link href="${ORIGIN}/feed.xml" rel="self"`);
    expect(read("feed.xml")).toContain(`<id>${ORIGIN}/events/caesar/</id>`);
    expect(read("sitemap.xml")).toContain(`<loc>${ORIGIN}/events/caesar/</loc>`);
    expect(read("robots.txt").split("\n")).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect((JSON.parse(read("api/v1/events/caesar.json")) as { url: string }).url).toBe(`${ORIGIN}/events/caesar/`);
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
