// site.json's "api" setting: its defaults, and each wrong value refused with
// a line naming the file and the field, as the other settings are.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSite, SiteConfigError } from "../../src/site.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** The settings read from a content folder whose site.json holds `settings`. */
async function siteWith(settings: unknown) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "onthisday-api-settings-"));
  dirs.push(dir);
  await writeFile(path.join(dir, "site.json"), JSON.stringify(settings));
  return { dir, read: () => readSite(dir, {}) };
}

/** The message readSite refuses these settings with, each line without the file's name. */
async function refusal(settings: unknown): Promise<string[]> {
  const { dir, read } = await siteWith(settings);
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    const file = path.relative(process.cwd(), path.join(dir, "site.json"));
    return (error as Error).message.split("\n").map((line) => {
      expect(line.startsWith(`${file}: `)).toBe(true);
      return line.slice(file.length + 2);
    });
  }
  throw new Error("the settings were accepted");
}

// The heavy parts off, so that a 100,000-event site fits GitHub Pages (README: "Fits the hosts").
const DEFAULTS = { eventDocuments: false, export: false, onThisDay: false, calendar: false, body: "html" };

describe('site.json\'s "api" setting', () => {
  it("writes none of the heavy parts, bodies as HTML where switched on, when site.json leaves it out or leaves fields out", async () => {
    expect((await siteWith({})).read().api).toEqual(DEFAULTS);
    expect((await siteWith({ api: {} })).read().api).toEqual(DEFAULTS);
    expect((await siteWith({ api: { export: true, body: "both" } })).read().api).toEqual({
      ...DEFAULTS,
      export: true,
      body: "both",
    });
  });

  it("refuses a switch that is not true or false, naming it", async () => {
    expect(await refusal({ api: { export: "false" } })).toEqual(["api.export: must be true or false"]);
    expect(await refusal({ api: { eventDocuments: 0, calendar: null } })).toEqual([
      "api.eventDocuments: must be true or false",
      "api.calendar: must be true or false",
    ]);
  });

  it("refuses a body form it does not know, an unknown part, and a setting that is not an object", async () => {
    expect(await refusal({ api: { body: "md" } })).toEqual(['api.body: must be "html", "markdown" or "both"']);
    expect(await refusal({ api: { onthisday: false } })).toEqual(['api: Unrecognized key: "onthisday"']);
    for (const api of [false, "none", ["export"], null])
      expect(await refusal({ api }), JSON.stringify(api)).toEqual([
        'api: must be an object of settings, e.g. { "export": false }',
      ]);
  });
});
