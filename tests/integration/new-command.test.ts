// npm run new as an editor meets it: its help, dates typed as historians
// write them, file names that do not depend on the date, and a scaffold the
// check warns about until its placeholder is replaced.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("new-command");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const shown = (file: string) => path.relative(REPO_ROOT, file);
const scaffold = (content: string, ...args: string[]) =>
  runCli("src/cli/new.ts", { CONTENT_DIR: content, BUILD_DATE: "2031-05-17" }, args);

describe("npm run new", () => {
  it("prints its usage with --help, and writes nothing", async () => {
    const content = path.join(work, "help");
    const run = await scaffold(content, "--help");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^Usage: npm run new -- --date DATE --title "Title" \[options\]\n/);
    for (const option of ["--date", "--title", "--kind", "--summary", "--location", "--help"])
      expect(run.stdout).toContain(option);
    expect(run.stdout).toContain('"12 September 490 BC"');
    expect((await scaffold(content, "-h")).stdout).toBe(run.stdout);
    await expect(readdir(content)).rejects.toThrow();
  });

  it("takes a BCE date as historians write it, names the file after the title, and says which day it understood", async () => {
    const content = path.join(work, "marathon");
    const run = await scaffold(content, "--date", "12 September 490 BC", "--title", "Battle of Marathon");
    const file = path.join(content, "events", "battle-of-marathon.md");
    expect([run.code, run.stdout, run.stderr]).toEqual([
      0,
      `${shown(file)}\n`,
      "Understood the date as 12 September 490 BC (ISO -0489-09-12).\n",
    ]);
    const text = await readFile(file, "utf8");
    expect(text).toContain("\ndate: -0489-09-12\n");
    // The example of `added` is the day the entry is written (BUILD_DATE here), not a fixed one.
    expect(text).toContain("\n# added: 2031-05-17\n");
    expect(text).toContain("\n# aliases: [ 1969-07-21-apollo-11-lands ]\n");
  });

  it("keeps an ISO year astronomical, and says so when it is before AD 1", async () => {
    const content = path.join(work, "iso");
    const run = await scaffold(content, "--date=-0490-09-12", "--title", "Battle of Marathon");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      'Understood the date as 12 September 491 BC (ISO -0490-09-12). ISO years count a year 0, so -0490 is 491 BC; for 490 BC, type --date "12 September 490 BC".\n',
    );
    expect(await readFile(path.join(content, "events", "battle-of-marathon.md"), "utf8")).toContain(
      "\ndate: -0490-09-12\n",
    );
  });

  it("takes AD years before 1000 and 29 February of leap years, and refuses it in common years", async () => {
    const content = path.join(work, "ad");
    const vesuvius = await scaffold(content, "--date", "24 August AD 79", "--title", "Vesuvius erupts");
    expect([vesuvius.code, vesuvius.stderr]).toEqual([0, "Understood the date as 24 August AD 79 (ISO 0079-08-24).\n"]);
    expect(await readFile(path.join(content, "events", "vesuvius-erupts.md"), "utf8")).toContain(
      "\ndate: 0079-08-24\n",
    );
    const leap = await scaffold(content, "--date", "29 February 2024", "--title", "A leap day");
    expect([leap.code, leap.stderr]).toEqual([0, "Understood the date as 29 February 2024 (ISO 2024-02-29).\n"]);
    const bcLeap = await scaffold(content, "--date", "29 February 5 BC", "--title", "A leap day BC");
    expect([bcLeap.code, bcLeap.stderr]).toEqual([0, "Understood the date as 29 February 5 BC (ISO -0004-02-29).\n"]);
    const common = await scaffold(content, "--date", "29 February 1900", "--title", "Not a day");
    expect(common.code).toBe(2);
    expect(common.stderr.split("\n")[0]).toBe(
      '--date: "29 February 1900" is not a real day: 1900 was not a leap year (check the source; the day must be 1 to 28)',
    );
    expect((await readdir(path.join(content, "events"))).sort()).toEqual([
      "a-leap-day-bc.md",
      "a-leap-day.md",
      "vesuvius-erupts.md",
    ]);
  });

  it("numbers a title another entry has, and never takes a slug that is another entry's alias", async () => {
    const content = path.join(work, "taken");
    const events = path.join(content, "events");
    await mkdir(events, { recursive: true });
    await writeFile(
      path.join(events, "first-battle-of-kadesh.md"),
      "---\ntitle: First battle of Kadesh\ndate: -1273-05-01\nsummary: Egypt against the Hittites.\naliases:\n  - battle-of-kadesh\n---\n",
    );
    const first = await scaffold(content, "--date", "1 May 1274 BC", "--title", "Battle of Kadesh");
    expect(first.stdout).toBe(`${shown(path.join(events, "battle-of-kadesh-2.md"))}\n`);
    const second = await scaffold(content, "--date", "1 June 1274 BC", "--title", "Battle of Kadesh");
    expect(second.stdout).toBe(`${shown(path.join(events, "battle-of-kadesh-3.md"))}\n`);
    const again = await scaffold(content, "--date", "1 June 1274 BC", "--title", "Battle of Kadesh");
    expect([again.code, again.stderr]).toEqual([
      1,
      `${shown(path.join(events, "battle-of-kadesh-3.md"))} already has this day and title: nothing was written (edit that file, or choose another title)\n`,
    ]);
  });

  it("writes a scaffold the check warns about until its placeholder body is replaced", async () => {
    const content = path.join(work, "placeholder");
    await scaffold(content, "--date", "20 July 1969", "--title", "Apollo 11 lands", "--summary", "Eagle lands.");
    const file = path.join(content, "events", "apollo-11-lands.md");
    const placeholder = /warning: body: still has the placeholder "Write the historical context here,…"/;
    const before = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(before.code).toBe(0);
    const line = (await readFile(file, "utf8")).split("\n").findIndex((l) => l.startsWith("Write the historical")) + 1;
    expect(before.stderr).toContain(`${shown(file)}:${line}: warning: body: still has the placeholder`);
    expect(before.stderr).toMatch(placeholder);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/^Write the historical.*$/m, "The lunar module Eagle landed at 20:17 UTC."));
    const after = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(after.code).toBe(0);
    expect(after.stderr).not.toMatch(placeholder);
  });
});
