// A site in Arabic: day and month pages at the catalogue's ASCII addresses,
// the API at the same addresses as in every language, and the words the
// archive, the feed, the calendar and the API write in Arabic (right to left).

import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";

let work: string;
let site: string;
const read = (file: string) => readFile(path.join(site, file), "utf8");

beforeAll(async () => {
  work = await tempDir("language-addresses");
  const content = path.join(work, "content");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  const settings = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
  await writeFile(path.join(content, "site.json"), JSON.stringify({ ...settings, language: "ar" }));
  site = path.join(work, "site");
  const run = await buildSite(content, site, { BUILD_DATE: "2024-06-12" });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
}, 120_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe("an Arabic site", () => {
  it("puts day and month pages at Arabic's ASCII month addresses, and nowhere else", () => {
    expect(existsSync(path.join(site, "yunyu/12/index.html"))).toBe(true);
    expect(existsSync(path.join(site, "fibrayir/29/index.html"))).toBe(true);
    expect(existsSync(path.join(site, "disambir/index.html"))).toBe(true);
    expect(existsSync(path.join(site, "june"))).toBe(false);
  });

  it("keeps the API's addresses, with the day's words in Arabic", async () => {
    const day = JSON.parse(await read("api/v1/days/03-15.json"));
    expect(day.label).toBe("15 مارس");
    expect(day.path).toBe("/maris/15/");
    expect(day.sections[0].heading).toBe("وفيات");
    expect(day.sections[0].events[0].dateWords).toBe("15 مارس 44 ق.م");
    const feed = JSON.parse(await read("api/feed/onthisday/all/03/15.json"));
    expect(feed.deaths[0].pages[0]).toMatchObject({ lang: "ar", dir: "rtl" });
  });

  it("writes the Atom feed's and the calendar's titles in Arabic", async () => {
    const atom = await read("feed.xml");
    expect(atom).toContain('xml:lang="ar"');
    expect(atom).toContain("<title>Fixture Archive: مدخلات جديدة</title>");
    expect(atom).toContain("<title>44 ق.م: Julius Caesar is assassinated</title>");
    expect(await read("calendar.ics")).toContain("SUMMARY:79 م: Vesuvius erupts");
  });

  it("names years, centuries and counts in Arabic", async () => {
    const years = await read("years/index.html");
    expect(years).toContain("القرن 1 ق.م");
    expect(years).toContain("عقد 40 ق.م");
    expect(await read("yunyu/12/index.html")).toContain('dir="rtl"');
  });
});
