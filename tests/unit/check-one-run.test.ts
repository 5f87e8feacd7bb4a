// What issue 18 found the checker missing: problems hidden behind a schema
// error, missing fields without a line, and messages that named a YAML
// parser's symptom instead of the editor's mistake.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEntries } from "../../src/content/load.ts";
import { parseEntry } from "../../src/content/parse-entry.ts";
import { TITLE_MAX } from "../../src/content/schema.ts";
import { entryFile, makeContentDir, validEntry } from "../support/helpers.ts";

const shown = (dir: string, file: string) => path.relative(process.cwd(), path.join(dir, "events", file));
/** "file:line: field: message" without the fix, to compare. */
const brief = (problems: readonly { line?: number | undefined; field?: string | undefined; message: string }[]) =>
  problems.map((p) => `${p.line}: ${p.field ?? ""}: ${p.message}`);

describe("every problem of a file in one run", () => {
  it("reports a bad related slug and a missing photo beside a schema error", async () => {
    const dir = await makeContentDir({
      "events/a.md": validEntry({
        extra: [
          "kind: battle",
          "related:",
          "  - event: no-such-entry",
          "photo:",
          "  src: missing.jpg",
          "  alt: A photo",
        ],
      }),
    });
    const { entries, problems } = await loadEntries(dir);
    expect(entries).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(Array(6).fill(shown(dir, "a.md")));
    expect(brief(problems)).toEqual([
      '5: kind: "battle" is not allowed',
      `7: related[0].event: there is no entry "no-such-entry" (no file ${path.join(path.relative(process.cwd(), dir), "events", "no-such-entry.md")})`,
      "9: photo.photographer: is missing",
      "9: photo.source: is missing",
      "9: photo.license: is missing",
      `9: photo.src: the file "missing.jpg" does not exist (looked for ${shown(dir, "missing.jpg")})`,
    ]);
  });

  it("checks the related links and photos of a file with a YAML syntax error elsewhere only once it parses", async () => {
    // A syntax error leaves no fields to trust: only the body is checked beside it.
    const dir = await makeContentDir({
      "events/a.md": entryFile([
        "title: T",
        "date: 2018-06-12",
        "summary: Kim says: hello",
        "related:",
        "  - event: x",
      ]),
    });
    const { problems } = await loadEntries(dir);
    expect(brief(problems)).toEqual(["4: : YAML syntax error: Nested mappings are not allowed in compact mappings"]);
  });

  it("points at the photos of the photos list by their index, and skips a src that is not text", async () => {
    const dir = await makeContentDir({
      "events/a.md": validEntry({
        extra: ["kind: battle", "photos:", "  - src: [a, list]", "  - src: gone.png"],
      }),
    });
    const { problems } = await loadEntries(dir);
    expect(brief(problems).filter((p) => p.includes(".src:"))).toEqual([
      "7: photos[0].src: must be text, not a list",
      `8: photos[1].src: the file "gone.png" does not exist (looked for ${shown(dir, "gone.png")})`,
    ]);
  });

  it("leaves a valid file's checks as they were", async () => {
    const dir = await makeContentDir({
      "events/a.md": validEntry({ extra: ["related:", "  - event: b"] }),
      "events/b.md": validEntry({ extra: ["related:", "  - event: nowhere"] }),
    });
    const { entries, problems } = await loadEntries(dir);
    expect(entries.map((e) => e.slug)).toEqual(["a", "b"]);
    expect(brief(problems)).toEqual([
      `6: related[0].event: there is no entry "nowhere" (no file ${path.join(path.relative(process.cwd(), dir), "events", "nowhere.md")})`,
    ]);
  });
});

describe("messages that point at the cause", () => {
  const problemsOf = (text: string) => parseEntry(text, "x.md", "x.md").problems;

  it("gives a missing field the line of the front-matter's opening ---", () => {
    const problems = problemsOf(entryFile(["title: T", "summary: S"]));
    expect(problems).toEqual([expect.objectContaining({ line: 1, field: "date", message: "is missing" })]);
  });

  it("says that a missing closing --- is missing, at the opening line", () => {
    const text = "---\ntitle: T\ndate: 2018-06-12\nsummary: S\n\nThe body: it begins here.\n";
    expect(problemsOf(text)).toEqual([
      {
        file: "x.md",
        line: 1,
        field: undefined,
        message: "the front-matter has no closing '---' line",
        fix: "add a line '---' after the last field, between the fields and the body",
        severity: "error",
      },
    ]);
    expect(problemsOf("---\ntitle: T\ndate: 2018-06-12\nsummary: S\n")).toHaveLength(1);
  });

  it("tells to indent with spaces where a tab indents, at each such line", () => {
    const problems = problemsOf(validEntry({ extra: ["photo:", "\tsrc: a.jpg", "\talt: A"] }));
    expect(problems.map((p) => [p.line, p.fix])).toEqual([
      [6, expect.stringMatching(/^indent with spaces/)],
      [7, expect.stringMatching(/^indent with spaces/)],
    ]);
  });
});

describe("limits", () => {
  const problemsOf = (text: string) => parseEntry(text, "x.md", "x.md").problems;

  it(`refuses a title over ${TITLE_MAX} characters, at its line, and takes one of exactly ${TITLE_MAX}`, () => {
    expect(problemsOf(validEntry({ title: "A".repeat(TITLE_MAX) }))).toEqual([]);
    expect(problemsOf(validEntry({ title: "A".repeat(20_000) }))).toEqual([
      {
        file: "x.md",
        line: 2,
        field: "title",
        message: `is 20000 characters long; the limit is ${TITLE_MAX}`,
        fix: "shorten it and move the detail into the body",
        severity: "error",
      },
    ]);
  });
});
