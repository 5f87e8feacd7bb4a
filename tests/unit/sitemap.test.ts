import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive.ts";
import { pagePaths, SINGLE_PAGES, sitemapFiles } from "../../src/build/sitemap.ts";
import { siteSchema } from "../../src/site.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

const site = { ...siteSchema.parse({}), url: "https://example.org", pathPrefix: "/archive/" };
const archive = buildArchive(
  [
    loadedEntry("a", ymd(-43, 3, 15), { topics: ["Rome"] }),
    loadedEntry("b", ymd(1969, 7, 20)),
    loadedEntry("c", ymd(1969, 7, 21)),
  ],
  { buildDate: ymd(2024, 3, 15) },
);
const xml = new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" });

describe("the sitemap", () => {
  it("lists every page once: the single pages, months, days, years, topics and events", () => {
    const paths = pagePaths(archive);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([...SINGLE_PAGES, "/march/", "/march/15/", "/years/44-bc/", "/events/a/", "/events/c/"]),
    );
    expect(paths.length).toBe(SINGLE_PAGES.length + 12 + 366 + archive.years.length + archive.topics.length + 3);
  });

  it("is one file of full addresses under the path prefix while it fits the protocol's limit", () => {
    const files = sitemapFiles(archive, site);
    expect([...files.keys()]).toEqual(["/sitemap.xml"]);
    const locs = (xml.parse(files.get("/sitemap.xml")!) as { urlset: { url: { loc: string }[] } }).urlset.url.map(
      (u) => u.loc,
    );
    expect(locs[0]).toBe("https://example.org/archive/");
    expect(locs).toContain("https://example.org/archive/events/a/");
  });

  it("becomes an index of numbered sitemaps past the limit, losing no address", () => {
    const files = sitemapFiles(archive, site, 100);
    const total = pagePaths(archive).length;
    const parts = Math.ceil(total / 100);
    expect([...files.keys()].sort()).toEqual(
      ["/sitemap.xml", ...Array.from({ length: parts }, (_, i) => `/sitemap-${i + 1}.xml`)].sort(),
    );
    const index = (
      xml.parse(files.get("/sitemap.xml")!) as { sitemapindex: { sitemap: { loc: string }[] } }
    ).sitemapindex.sitemap.map((s) => s.loc);
    expect(index).toEqual(Array.from({ length: parts }, (_, i) => `https://example.org/archive/sitemap-${i + 1}.xml`));
    const locs = index.flatMap((_, i) =>
      (xml.parse(files.get(`/sitemap-${i + 1}.xml`)!) as { urlset: { url: { loc: string }[] } }).urlset.url.map(
        (u) => u.loc,
      ),
    );
    expect(locs).toEqual(pagePaths(archive).map((p) => `https://example.org/archive${p}`));
    for (const [, text] of files) expect((text.match(/<loc>/g) ?? []).length).toBeLessThanOrEqual(100);
  });
});
