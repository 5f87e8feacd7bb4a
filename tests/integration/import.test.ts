// npm run import, through the real command against temporary content folders:
// each format, dry runs, second imports, bad rows, and never overwriting.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildRun, tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";

const FIXTURES = path.join(REPO_ROOT, "tests/fixtures/import");
const CALENDAR = path.join(FIXTURES, "calendar.excerpt");
const CSV = path.join(FIXTURES, "events.csv");
const BAD_CSV = path.join(FIXTURES, "events-with-bad-rows.csv");
const WIKIMEDIA = path.join(FIXTURES, "onthisday-03-15.json");
const REAL_CALENDAR = "/usr/share/calendar/calendar.history";

let work: string;
beforeAll(async () => {
  work = await tempDir("import");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const shown = (file: string) => path.relative(REPO_ROOT, file);
const importInto = (content: string, args: string[]) => runCli("src/cli/import.ts", { CONTENT_DIR: content }, args);
const checkContent = (content: string) => runCli("src/cli/check.ts", { CONTENT_DIR: content });
const events = async (content: string) => (await readdir(path.join(content, "events"))).sort();

/** The counts of the last line: "created 8, skipped 4, failed 0." or "Dry run: would create 8, …". */
function counts(run: BuildRun): { created: number; skipped: number; failed: number } {
  const last = run.stdout.trimEnd().split("\n").at(-1) ?? "";
  const match = /(?:created|would create) (\d+), skipped (\d+), failed (\d+)/.exec(last);
  if (!match) throw new Error(`no summary in:\n${run.stdout}\n${run.stderr}`);
  return { created: Number(match[1]), skipped: Number(match[2]), failed: Number(match[3]) };
}

describe("npm run import", () => {
  it("imports a BSD calendar file: entries with a year, the rest skipped with their line; the checker accepts them; a second import creates nothing", async () => {
    const content = path.join(work, "bsd");
    const run = await importInto(content, ["--format", "bsd-calendar", CALENDAR]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(counts(run)).toEqual({ created: 8, skipped: 4, failed: 0 });
    const caesar = path.join(
      content,
      "events",
      "44-bc-03-15-ides-of-march-gaius-julius-caesar-assassinated-by-senators.md",
    );
    expect(run.stdout).toContain(
      `created ${shown(caesar)}: Ides of March. Gaius Julius Caesar assassinated by senators`,
    );
    expect(run.stdout).toContain(
      `skipped ${shown(CALENDAR)}:12: no year: "Anniversary of the Triumph of the Revolution in Cuba"\n`,
    );
    expect(await readFile(caesar, "utf8")).toBe(
      [
        "---",
        "title: Ides of March. Gaius Julius Caesar assassinated by senators, including adoptive son Marcus Junius Brutus Caepio",
        "date: -0043-03-15",
        "kind: event",
        "summary: Ides of March. Gaius Julius Caesar assassinated by senators, including adoptive son Marcus Junius Brutus Caepio, 44BC",
        "sources:",
        "  - title: calendar.excerpt from the BSD calendar(1) distribution (BSD license)",
        "---",
        "",
      ].join("\n"),
    );
    expect(await events(content)).toContain("1757-01-11-birth-of-alexander-hamilton.md");
    const check = await checkContent(content);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^8 entries checked: no errors/);
    // The second time, every entry is skipped as already there.
    const before = await events(content);
    const second = await importInto(content, ["--format", "bsd-calendar", CALENDAR]);
    expect(second.code).toBe(0);
    expect(counts(second)).toEqual({ created: 0, skipped: counts(run).created + counts(run).skipped, failed: 0 });
    expect(second.stdout).toContain(
      `skipped ${shown(CALENDAR)}:20: "Apollo 11 lands on the Moon" (1969-07-20) is already there: ${shown(path.join(content, "events", "1969-07-20-apollo-11-lands-on-the-moon.md"))} has the same day and title`,
    );
    expect(await events(content)).toEqual(before);
  });

  it("imports a CSV file and a Wikimedia feed into one folder that the checker accepts", async () => {
    const content = path.join(work, "csv-and-wikimedia");
    const csv = await importInto(content, ["--format", "csv", CSV]);
    expect(csv.code).toBe(0);
    expect(counts(csv)).toEqual({ created: 4, skipped: 0, failed: 0 });
    const wikimedia = await importInto(content, ["--format", "wikimedia-onthisday", WIKIMEDIA]);
    expect(wikimedia.code).toBe(0);
    expect(counts(wikimedia)).toEqual({ created: 4, skipped: 1, failed: 0 });
    expect(wikimedia.stdout).toContain(`skipped ${shown(WIKIMEDIA)} holidays[0]: a holiday without a year`);
    expect(await events(content)).toEqual([
      "1767-03-15-andrew-jackson-american-general-and-politician-7th.md",
      "1879-03-14-birth-of-albert-einstein.md",
      "1961-04-12-yuri-gagarin-orbits-the-earth.md",
      "1965-03-15-voting-rights-act-of-1965.md",
      "1969-07-20-apollo-11-lands-on-the-moon.md",
      "44-bc-03-15-assassination-of-julius-caesar.md",
      "44-bc-03-15-julius-caesar-is-assassinated.md",
      "44-bc-03-15-julius-caesar-roman-general-and-dictator-b-100-bc.md",
    ]);
    const caesar = await readFile(
      path.join(content, "events", "44-bc-03-15-assassination-of-julius-caesar.md"),
      "utf8",
    );
    expect(caesar).toContain("date: -0043-03-15\nkind: event\n");
    expect(caesar).toContain(
      "  - title: Julius Caesar (Wikipedia)\n    url: https://en.wikipedia.org/wiki/Julius_Caesar\n",
    );
    const check = await checkContent(content);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^8 entries checked: no errors/);
  });

  it("takes a Wikimedia feed's day from --day, and fails a feed whose day it cannot tell", async () => {
    const content = path.join(work, "wikimedia-day");
    const copy = path.join(work, "feed.json");
    await writeFile(copy, await readFile(WIKIMEDIA));
    const unknown = await importInto(content, ["--format", "wikimedia-onthisday", copy]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^failed .*feed\.json: cannot tell which day this is .*give --day MM-DD/);
    expect(existsSync(content)).toBe(false);
    const run = await importInto(content, ["--format", "wikimedia-onthisday", "--day", "06-12", copy]);
    expect(run.code).toBe(0);
    expect(await events(content)).toContain("44-bc-06-12-assassination-of-julius-caesar.md");
  });

  it("--dry-run lists what it would write and writes nothing", async () => {
    const content = path.join(work, "dry-run");
    const run = await importInto(content, ["--format", "csv", "--dry-run", CSV]);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      `would create ${shown(path.join(content, "events", "1969-07-20-apollo-11-lands-on-the-moon.md"))}: Apollo 11 lands on the Moon`,
    );
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      "Dry run: would create 4, skipped 0, failed 0; nothing was written.",
    );
    expect(existsSync(content)).toBe(false);
  });

  it("exits 1 on bad rows, naming each, and still writes the good ones", async () => {
    const content = path.join(work, "bad-rows");
    const run = await importInto(content, ["--format", "csv", BAD_CSV]);
    expect(run.code).toBe(1);
    expect(counts(run)).toEqual({ created: 1, skipped: 0, failed: 4 });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `failed ${shown(BAD_CSV)} row 3: date: "1989-13-01" has month 13, which does not exist (the month must be 01 to 12)`,
      `failed ${shown(BAD_CSV)} row 4: summary is missing`,
      `failed ${shown(BAD_CSV)} row 5: kind: "collapse" is not one of event, birth, death, holiday`,
      `failed ${shown(BAD_CSV)} row 6: source: "ftp://example.org/chernobyl" uses ftp:; only https:// and http:// addresses are allowed`,
    ]);
    expect(await events(content)).toEqual(["1989-11-09-the-berlin-wall-falls.md"]);
    expect((await checkContent(content)).code).toBe(0);
  });

  it("never overwrites a file with the same slug (another title takes the next free slug), nor adds an entry with the same day and title", async () => {
    const content = path.join(work, "existing");
    const taken = path.join(content, "events", "1969-07-20-apollo-11-lands-on-the-moon.md");
    const own = path.join(content, "events", "space", "gagarin.md");
    await mkdir(path.dirname(own), { recursive: true });
    const ownBytes =
      "---\ntitle: The editor's own Apollo 11 entry\ndate: 1969-07-20\nsummary: Written by hand.\n---\nKeep me.\n";
    await writeFile(taken, ownBytes);
    await writeFile(own, "---\ntitle: Yuri Gagarin Orbits the Earth!\ndate: 1961-04-12\nsummary: Vostok 1.\n---\n");
    const run = await importInto(content, ["--format", "csv", CSV]);
    expect(run.code).toBe(0);
    expect(counts(run)).toEqual({ created: 3, skipped: 1, failed: 0 });
    const next = path.join(content, "events", "1969-07-20-apollo-11-lands-on-the-moon-2.md");
    expect(run.stdout).toContain(`created ${shown(next)}: Apollo 11 lands on the Moon`);
    expect(run.stdout).toContain(
      `skipped ${shown(CSV)} row 3: "Yuri Gagarin orbits the Earth" (1961-04-12) is already there: ${shown(own)} has the same day and title`,
    );
    expect(await readFile(taken, "utf8")).toBe(ownBytes);
  });

  it("exits 2 on bad usage, naming every problem, and writes nothing", async () => {
    const content = path.join(work, "usage");
    const bad = await importInto(content, ["--format", "ical", "--day", "02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      new RegExp(
        [
          '^--format: "ical" is not one of bsd-calendar, csv, wikimedia-onthisday',
          '--day: "02-30" is not a day of the year as MM-DD',
          "--day is only for --format wikimedia-onthisday",
          "no files to import",
          "Usage: npm run import -- --format",
        ].join(".*\\n"),
      ),
    );
    const unknownOption = await importInto(content, ["--format", "csv", "--force", CSV]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/\nUsage: npm run import -- --format/);
    expect(existsSync(content)).toBe(false);
  });

  it("reports a missing file as a failure and imports the others", async () => {
    const content = path.join(work, "missing-file");
    const run = await importInto(content, ["--format", "csv", path.join(FIXTURES, "no-such-file.csv"), CSV]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`failed ${shown(path.join(FIXTURES, "no-such-file.csv"))}: no such file\n`);
    expect(counts(run)).toEqual({ created: 4, skipped: 0, failed: 1 });
  });

  it.skipIf(!existsSync(REAL_CALENDAR))(
    "reads a real calendar file from Debian's calendar package (dry run)",
    async () => {
      const content = path.join(work, "real");
      const run = await importInto(content, ["--format", "bsd-calendar", "--dry-run", REAL_CALENDAR]);
      expect(run.code).toBe(0);
      const { created, skipped, failed } = counts(run);
      expect(created).toBeGreaterThan(100);
      expect(skipped).toBeGreaterThan(0);
      expect(failed).toBe(0);
      expect(run.stdout).toContain(": no year: ");
      expect(existsSync(content)).toBe(false);
    },
  );
});
