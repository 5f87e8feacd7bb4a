// Likely duplicates: the same day of the same year and nearly the same title
// words. The pairs issue 18 found after importing calendar.history must warn,
// on the newer file, naming the older one; events that only share a day or a
// few words must not.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alike, findDuplicates, titleWords } from "../../src/content/duplicates.ts";
import { lintEntries } from "../../src/content/lint.ts";
import { loadEntries } from "../../src/content/load.ts";
import { loadedEntry, makeContentDir, validEntry, writeFiles, ymd } from "../support/helpers.ts";

const same = (a: string, b: string) => alike(titleWords(a), titleWords(b));
const NO_GIT = () => new Map<string, string>();

describe("alike titles", () => {
  it.each([
    ["Yuri Gagarin becomes the first man in space", "Yuri Gagarin becomes the first human in space"],
    ["Death of US President Abraham Lincoln", "Death of Abraham Lincoln"],
    ["Storming of the Bastille", "Storming of the Bastille by the citizens of Paris"],
    ["Birth of Gioacchino Rossini", "Birth of Gioachino Rossini"],
    ["William Shakespeare baptised", "William Shakespeare baptized in Stratford-on-Avon, England"],
    ["Normandy landing", "D-Day, the Allied landings in Normandy"],
    ["Révolution française", "revolution Francaise!"],
  ])("%j and %j", (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ["Death of Abraham Lincoln", "Death of Mary Todd Lincoln"],
    ["Apollo 11 lands on the Moon", "Apollo 12 lands on the Moon"],
    ["Birth of Charles Darwin", "Birth of Abraham Lincoln"],
    ["Battle of Hastings", "Battle of Stamford Bridge"],
    ["First man in space", "First men on the Moon"],
    ["The", "Of the"],
  ])("not %j and %j", (a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe("findDuplicates", () => {
  const gagarin = loadedEntry("yuri-gagarin-first-human-in-space", ymd(1961, 4, 12), {
    title: "Yuri Gagarin becomes the first human in space",
    added: ymd(2026, 1, 5),
  });
  const imported = loadedEntry("1961-04-12-yuri-gagarin-becomes-the-first-man-in-space", ymd(1961, 4, 12), {
    title: "Yuri Gagarin becomes the first man in space",
    added: ymd(2026, 6, 1),
  });

  it("puts the warning on the entry added later, naming the older, whatever their names", () => {
    expect(findDuplicates([gagarin, imported], NO_GIT)).toEqual([{ newer: imported, older: gagarin }]);
    const earlier = { ...imported, added: ymd(2025, 12, 31) };
    expect(findDuplicates([earlier, gagarin], NO_GIT)).toEqual([{ newer: gagarin, older: earlier }]);
  });

  it("compares only entries of the same day of the same year", () => {
    const nextYear = { ...imported, date: ymd(1962, 4, 12) };
    const nextDay = { ...imported, date: ymd(1961, 4, 13) };
    expect(findDuplicates([gagarin, nextYear, nextDay], NO_GIT)).toEqual([]);
  });

  it("asks git only for a pair without added dates; a file git does not have is the newer; then the later name", () => {
    const a = loadedEntry("death-of-abraham-lincoln", ymd(1865, 4, 15), { title: "Death of Abraham Lincoln" });
    const b = loadedEntry("1865-04-15-death-of-us-president-abraham-lincoln", ymd(1865, 4, 15), {
      title: "Death of US President Abraham Lincoln",
    });
    const asked: string[] = [];
    const git = (dates: Record<string, string>) => (folder: string) => {
      asked.push(folder);
      return new Map(Object.entries(dates));
    };
    expect(findDuplicates([gagarin, imported], git({}))).toHaveLength(1);
    expect(asked).toEqual([]);
    // b was committed, a not yet: a is the newer.
    expect(findDuplicates([a, b], git({ [b.path]: "2026-03-01" }))).toEqual([{ newer: a, older: b }]);
    expect(asked).toEqual([path.dirname(a.path)]);
    expect(findDuplicates([a, b], git({ [a.path]: "2026-01-01", [b.path]: "2026-03-01" }))).toEqual([
      { newer: b, older: a },
    ]);
    // Neither dated: the later file name.
    expect(findDuplicates([a, b], git({}))).toEqual([{ newer: a, older: b }]);
  });

  it("warns a third copy once, naming the oldest", () => {
    const third = loadedEntry("gagarin-again", ymd(1961, 4, 12), {
      title: "Yuri Gagarin, the first man in space",
      added: ymd(2026, 7, 1),
    });
    expect(findDuplicates([third, imported, gagarin], NO_GIT)).toEqual([
      { newer: third, older: gagarin },
      { newer: imported, older: gagarin },
    ]);
  });

  it("stays fast with many entries on one date", () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      loadedEntry(`e${i}`, ymd(1944, 6, 6), { title: `Operation number ${i} of the campaign, sector ${i * 7}` }),
    );
    const start = performance.now();
    expect(findDuplicates(many, NO_GIT)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe("the duplicate warning, as check shows it", () => {
  it("is on the newer file of a git checkout: the one not yet committed", async () => {
    const dir = await makeContentDir({
      "events/death-of-abraham-lincoln.md": validEntry({ title: "Death of Abraham Lincoln", date: "1865-04-15" }),
    });
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_DATE: "2026-01-01T12:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T12:00:00Z" },
      });
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "first");
    // The import comes next, not yet committed.
    await writeFiles(dir, {
      "events/0-death-of-us-president-abraham-lincoln.md": validEntry({
        title: "Death of US President Abraham Lincoln",
        date: "1865-04-15",
      }),
    });
    const { entries } = await loadEntries(dir);
    const shown = (name: string) => path.relative(process.cwd(), path.join(dir, "events", name));
    expect(lintEntries(entries).filter((w) => w.field === "title")).toEqual([
      {
        file: shown("0-death-of-us-president-abraham-lincoln.md"),
        field: "title",
        message: `looks like a duplicate of ${shown("death-of-abraham-lincoln.md")} ("Death of Abraham Lincoln", same day and year)`,
        fix: "merge the two entries, or make the titles say how the events differ",
        severity: "warning",
      },
    ]);
  });
});
