// npm run new with dates known less well than a day, or written Old Style (issue 19):
// the file it writes is one the check reads back as the date typed.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEntry } from "../../src/content/parse-entry.ts";
import { tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("new-dates");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const scaffold = (content: string, ...args: string[]) =>
  runCli("src/cli/new.ts", { CONTENT_DIR: content, BUILD_DATE: "2031-05-17" }, args);

async function written(content: string, slug: string) {
  const file = path.join(content, "events", `${slug}.md`);
  const text = await readFile(file, "utf8");
  return { text, entry: parseEntry(text, file, `${slug}.md`).entry };
}

describe("npm run new: dates as historians write them", () => {
  it("writes an uncertain year as EDTF, and says how it read it", async () => {
    const content = path.join(work, "hamilton");
    const run = await scaffold(content, "--date", "1757?", "--title", "Hamilton is born");
    expect([run.code, run.stderr]).toEqual([0, "Understood the date as 1757? (date: 1757?).\n"]);
    const { text, entry } = await written(content, "hamilton-is-born");
    expect(text).toContain("\ndate: 1757?\nkind: event\n");
    expect(entry?.date).toStrictEqual({ year: 1757, month: 1, day: 1, precision: "year", uncertain: true });
  });

  it("writes an Old Style day with its calendar: 29 February 1700 exists in it", async () => {
    const content = path.join(work, "old-style");
    const run = await scaffold(content, "--date", "29 February 1700", "--calendar", "julian", "--title", "Leap day");
    expect([run.code, run.stderr]).toEqual([
      0,
      "Understood the date as 29 February 1700 (O.S.) · 11 March 1700 (N.S.) (date: 1700-02-29, calendar: julian).\n",
    ]);
    const { text, entry } = await written(content, "leap-day");
    expect(text).toContain("\ndate: 1700-02-29\ncalendar: julian\nkind: event\n");
    expect(entry?.date).toStrictEqual({ year: 1700, month: 2, day: 29, calendar: "julian" });
  });

  it("reads c. and ? around a day in words, and refuses an unknown calendar", async () => {
    const content = path.join(work, "circa");
    const run = await scaffold(content, "--date", "c. 12 September 490 BC?", "--title", "Marathon");
    expect([run.code, run.stderr]).toEqual([
      0,
      "Understood the date as c. 12 September 490 BC? (date: -0489-09-12%).\n",
    ]);
    const refused = await scaffold(content, "--date", "1757", "--calendar", "lunar", "--title", "X");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^--calendar: "lunar" is not one of julian, gregorian\n/);
  });
});
