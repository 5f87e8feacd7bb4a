import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintEntries } from "../../src/content/lint.ts";
import { loadEntries } from "../../src/content/load.ts";
import { makeContentDir, validEntry } from "../support/helpers.ts";

describe("entries naming one Wikidata item", () => {
  it("warn on the later file: an Old Style and a New Style copy of one birth are one event", async () => {
    const dir = await makeContentDir({
      "events/a-washington-born.md": validEntry({
        title: "George Washington is born",
        date: "1732-02-11",
        extra: ["calendar: julian", "wikidata: Q23", "sources:", "  - title: A source"],
      }),
      "events/b-birth-of-washington.md": validEntry({
        title: "Birth of the first president",
        date: "1732-02-22",
        extra: ["wikidata: Q23", "sources:", "  - title: A source"],
      }),
      "events/c-other.md": validEntry({ title: "Another", extra: ["wikidata: Q24", "sources:", "  - title: S"] }),
    });
    const { entries, problems } = await loadEntries(dir);
    expect(problems).toEqual([]);
    const shown = (name: string) => path.relative(process.cwd(), path.join(dir, "events", name));
    expect(lintEntries(entries).filter((w) => w.field === "wikidata")).toEqual([
      {
        file: shown("b-birth-of-washington.md"),
        field: "wikidata",
        message: `names the same Wikidata item (Q23) as ${shown("a-washington-born.md")} ("George Washington is born"): one item is one event`,
        fix: "merge the two entries, or correct the id",
        severity: "warning",
      },
    ]);
  });
});
