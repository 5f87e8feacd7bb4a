// site.json's "api" setting: a part switched off is not written, nothing
// links to it, and the JSON Schemas the site publishes describe exactly the
// documents it has. The build's closing line counts what it wrote.
import { existsSync, readFileSync, statSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DayDocument, EventDocument, EventsIndex } from "../../src/api/schemas.ts";
import { formatBytes } from "../../src/build/host-limits.ts";
import { type BuildRun, buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { brokenLinks, listFiles } from "../support/site-files.ts";

const Ajv2020 = Ajv2020Module.default;
const ORIGIN = "https://history.example.org";

let work: string;
beforeAll(async () => {
  work = await tempDir("api-settings");
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** The fixture archive built with these "api" settings in its site.json. */
async function buildWith(name: string, api: Record<string, unknown>): Promise<{ site: string; run: BuildRun }> {
  const content = path.join(work, `${name}-content`);
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  const settings = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
  await writeFile(path.join(content, "site.json"), JSON.stringify({ ...settings, api }));
  const site = path.join(work, `${name}-site`);
  const run = await buildSite(content, site, { SITE_URL: ORIGIN });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { site, run };
}

const readJson = <T>(site: string, file: string) => JSON.parse(readFileSync(path.join(site, file), "utf8")) as T;

/** Validates a document against the schema the site published under that name. */
function validator(site: string, name: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat("uri", { type: "string", validate: (value: string) => URL.canParse(value) });
  ajv.addFormat("starts_with", true);
  const validate = ajv.compile(readJson<object>(site, `api/v1/schemas/${name}.json`));
  return (doc: unknown) => (validate(doc) ? "" : ajv.errorsText(validate.errors));
}

/** The text files of the site (pages, feeds, JSON, scripts) that mention `needle`. */
function mentioning(site: string, needle: string): string[] {
  return listFiles(site)
    .filter((file) => /\.(html|xml|txt|json|ndjson|js|css|ics)$/.test(file) || file === "_headers")
    .filter((file) => readFileSync(path.join(site, file), "utf8").includes(needle));
}

/** What the build's closing line must say of the folder it wrote. */
function sizeLineOf(site: string, what = "The site"): string {
  const files = listFiles(site);
  const bytes = files.reduce((sum, file) => sum + statSync(path.join(site, file)).size, 0);
  return `${what} is ${formatBytes(bytes)} in ${files.length.toLocaleString("en-US")} files.`;
}

describe("a site with the default settings: the heavy parts of the API off", () => {
  let site: string;
  let run: BuildRun;
  beforeAll(async () => {
    // The fixture archive switches every part on; an empty "api" leaves each to its default.
    ({ site, run } = await buildWith("off", {}));
  }, 60_000);

  it("writes none of them, nor their schemas", () => {
    for (const gone of ["api/v1/events", "api/v1/export.ndjson", "api/feed", "calendar.ics"])
      expect(existsSync(path.join(site, gone)), gone).toBe(false);
    expect(listFiles(path.join(site, "api/v1/schemas"))).toEqual(["day.json", "events.json"]);
    // What the pages' own scripts read is still there.
    expect(listFiles(path.join(site, "api/v1/days"))).toHaveLength(366);
  });

  it("links none of them: no page, feed, document or script names their addresses", () => {
    for (const address of ["api/v1/events/", "export.ndjson", "api/feed/", "calendar.ics", "text/calendar"])
      expect(mentioning(site, address), address).toEqual([]);
    expect(brokenLinks(site)).toEqual([]);
    // The footer still links what is there.
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toContain(
      '<a href="/feed.xml">New entries (Atom)</a> · Text and data:',
    );
  });

  it("publishes schemas that its documents meet and that refuse the links it left out", () => {
    const [day, events] = [validator(site, "day"), validator(site, "events")];
    const index = readJson<EventsIndex>(site, "api/v1/events.json");
    expect(events(index)).toBe("");
    expect(index.count).toBe(10);
    expect(Object.keys(index)).toEqual(["count", "events", "license"]);
    expect(events({ ...index, export: `${ORIGIN}/api/v1/export.ndjson` })).toMatch(/additional properties/);
    const leapDay = readJson<DayDocument>(site, "api/v1/days/02-29.json");
    expect(day(leapDay)).toBe("");
    const summary = leapDay.sections[0]!.events[0]!;
    expect(summary.api).toBeUndefined();
    expect(day({ ...leapDay, sections: [{ ...leapDay.sections[0]!, events: [{ ...summary, api: ORIGIN }] }] })).toMatch(
      /additional properties/,
    );
  });

  it("ends by printing the size and file count of what it wrote, and no warning", () => {
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(sizeLineOf(site));
  });
});

describe("a site that keeps the export and gives bodies as Markdown", () => {
  let site: string;
  let run: BuildRun;
  beforeAll(async () => {
    ({ site, run } = await buildWith("markdown", { export: true, onThisDay: true, calendar: true, body: "markdown" }));
  }, 60_000);

  it("exports each event with its Markdown body only, as its published event schema says", () => {
    const event = validator(site, "event");
    const lines = readFileSync(path.join(site, "api/v1/export.ndjson"), "utf8").trimEnd().split("\n");
    const docs = lines.map((line) => JSON.parse(line) as EventDocument);
    expect(docs).toHaveLength(10);
    expect(docs.map(event).filter(Boolean)).toEqual([]);
    const caesar = docs.find((doc) => doc.slug === "caesar")!;
    expect(caesar.body).toMatch(/\S/);
    expect(caesar.bodyHtml).toBeUndefined();
    expect(caesar.api).toBeUndefined();
    expect(event({ ...caesar, bodyHtml: "<p>x</p>" })).toMatch(/additional properties/);
    const { body: _body, ...bodiless } = caesar;
    expect(event(bodiless)).toMatch(/body/);
    expect(readJson<EventsIndex>(site, "api/v1/events.json").export).toBe(`${ORIGIN}/api/v1/export.ndjson`);
  });

  it("keeps the feed and the calendar, linked from every page, and counts every file it wrote", () => {
    expect(existsSync(path.join(site, "api/feed/onthisday/all/02/29.json"))).toBe(true);
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toContain('<a href="/calendar.ics">');
    expect(existsSync(path.join(site, "api/v1/events"))).toBe(false);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(sizeLineOf(site));
  });
});

describe("a shard of a split build", () => {
  it("ends by printing the size of its own part", async () => {
    const site = path.join(work, "shard-2-of-2");
    const run = await buildSite(FIXTURE_ARCHIVE, site, { EVENTS_PER_RUN: "2" }, { args: ["--shard", "2/2"] });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(sizeLineOf(site, "Shard 2 of 2"));
    expect(listFiles(site).filter((file) => file.startsWith("events/"))).toHaveLength(5);
  }, 60_000);
});
