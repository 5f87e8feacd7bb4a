// The editor's loop, through the real commands: scaffold an entry, check it
// (as text and as GitHub annotations), and the CI workflows that run them.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER_BODY } from "../../src/content/body-check.ts";
import { tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("editors");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const shown = (file: string) => path.relative(REPO_ROOT, file);

describe("npm run new", () => {
  it("writes an entry named from the title that passes the checker, prints its path and says which day it understood", async () => {
    const content = path.join(work, "new");
    const run = await runCli("src/cli/new.ts", { CONTENT_DIR: content }, [
      "--date=-0043-03-15",
      "--title",
      "Julius Caesar is assassinated",
      "--kind",
      "death",
    ]);
    const file = path.join(content, "events", "julius-caesar-is-assassinated.md");
    expect([run.code, run.stdout]).toEqual([0, `${shown(file)}\n`]);
    expect(run.stderr).toBe(
      'Understood the date as 15 March 44 BC (ISO -0043-03-15). ISO years count a year 0, so -0043 is 44 BC; for 43 BC, type --date "15 March 43 BC".\n',
    );
    const text = await readFile(file, "utf8");
    expect(
      text.startsWith(
        "---\ntitle: Julius Caesar is assassinated\ndate: -0043-03-15\nkind: death\nsummary: Julius Caesar is assassinated\n# Where it happened.\n",
      ),
    ).toBe(true);
    expect(text).toContain("# sources:\n#   - title: Title of the book, article or page\n");
    const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("1 entry checked: no errors, 3 warnings.\n");
    const bodyLine = text.split("\n").indexOf(PLACEHOLDER_BODY) + 1;
    expect(check.stderr.split("\n").slice(0, 3)).toEqual([
      `${shown(file)}: warning: sources: has no sources (add at least one book, article or page that confirms the date)`,
      `${shown(file)}: warning: summary: only repeats the title (say in one line what happened, who was involved or why it mattered)`,
      `${shown(file)}:${bodyLine}: warning: body: still has the placeholder "Write the historical context here,…" that npm run new wrote (replace it with the historical context: what happened, why it mattered and what followed)`,
    ]);
  });

  it("refuses to overwrite an existing file", async () => {
    const content = path.join(work, "overwrite");
    const file = path.join(content, "events", "apollo-11-lands.md");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, "the editor's own text");
    const run = await runCli("src/cli/new.ts", { CONTENT_DIR: content }, [
      "--date",
      "1969-07-20",
      "--title",
      "Apollo 11 lands",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `${shown(file)} already has the slug apollo-11-lands: nothing was written (edit that file, or choose another title)\n`,
    );
    expect(await readFile(file, "utf8")).toBe("the editor's own text");
    // Slugs are unique across subfolders too.
    const nested = path.join(content, "events", "1960s", "first-step.md");
    await mkdir(path.dirname(nested), { recursive: true });
    await writeFile(nested, "another editor's text");
    const again = await runCli("src/cli/new.ts", { CONTENT_DIR: content }, [
      "--date",
      "1969-07-21",
      "--title",
      "First step",
    ]);
    expect([again.code, again.stderr.startsWith(`${shown(nested)} already has the slug`)]).toEqual([1, true]);
    await expect(readFile(path.join(content, "events", "first-step.md"))).rejects.toThrow();
  });

  it("explains a missing title or an impossible date, and writes nothing", async () => {
    const content = path.join(work, "bad-new");
    const run = await runCli("src/cli/new.ts", { CONTENT_DIR: content }, ["--date", "2019-02-29"]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      '--date: "2019-02-29" is not a real day: 2019 was not a leap year (check the source; the day must be 01 to 28)',
      "--title is missing",
    ]);
    await expect(readdir(content)).rejects.toThrow();
  });
});

describe("npm run check", () => {
  it("warns about likely duplicates without failing", async () => {
    const content = path.join(work, "duplicates");
    await mkdir(path.join(content, "events"), { recursive: true });
    const entry = (title: string) =>
      `---\ntitle: ${title}\ndate: 1969-07-20\nsummary: The lunar module lands.\nsources:\n  - title: NASA\n---\n`;
    await writeFile(path.join(content, "events", "apollo-a.md"), entry("Apollo 11 lands on the Moon"));
    await writeFile(path.join(content, "events", "apollo-b.md"), entry("Apollo 11 lands on the moon!"));
    await writeFile(path.join(content, "events", "other.md"), entry("The Eagle has landed at Tranquility Base"));
    const run = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(run.code).toBe(0);
    const b = shown(path.join(content, "events", "apollo-b.md"));
    const a = shown(path.join(content, "events", "apollo-a.md"));
    expect(run.stderr.split("\n")[0]).toBe(
      `${b}: warning: title: looks like a duplicate of ${a} ("Apollo 11 lands on the Moon", same day and year) (merge the two entries, or make the titles say how the events differ)`,
    );
    expect(run.stdout).toBe("3 entries checked: no errors, 1 warning.\n");
  });

  it("prints GitHub annotations with --format github, on the right file and line, escaped", async () => {
    const content = path.join(work, "annotations");
    await mkdir(path.join(content, "events"), { recursive: true });
    await writeFile(
      path.join(content, "events", "bad.md"),
      "---\ntitle: A bad date\ndate: 2019-02-29\nsummary: Not a leap year.\n---\n",
    );
    await writeFile(
      path.join(content, "events", "good,one.md"),
      "---\ntitle: Fine\ndate: 2019-03-01\nsummary: A valid entry, 100% fine.\n---\n",
    );
    const run = await runCli("src/cli/check.ts", { CONTENT_DIR: content }, ["--format", "github"]);
    expect(run.code).toBe(1);
    const bad = shown(path.join(content, "events", "bad.md"));
    const good = shown(path.join(content, "events", "good,one.md")).replace(",", "%2C");
    expect(run.stdout.split("\n")).toEqual([
      `::error file=${bad},line=3,title=date::date: "2019-02-29" is not a real day: 2019 was not a leap year (check the source; the day must be 01 to 28)`,
      `::error file=${good}::the file name "good,one.md" is not a valid slug (rename it to "good-one.md": lowercase letters, digits and hyphens only)`,
      "",
    ]);
  });
});
