// A spreadsheet saved in a European locale writes ";" between columns: the
// importer names the separator it found and how to convert, instead of
// calling the whole header line one unknown column.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/importers/csv.ts";

describe("parseCsv: a file separated by something other than commas", () => {
  it.each([
    [";", "semicolons", '";"'],
    ["\t", "tabs", '"\\t"'],
    ["|", "vertical bars", '"|"'],
  ])("names %j as the separator found and says how to convert", (separator, name, shown) => {
    const text =
      ["date", "title", "summary"].join(separator) +
      "\n" +
      ["1969-07-20", "Apollo 11, landing", "Eagle lands."].join(separator) +
      "\n";
    const result = parseCsv(text, "events.csv");
    expect(result.entries).toEqual([]);
    expect(result.failed).toEqual([
      {
        origin: { file: "events.csv", row: 1, line: 1 },
        reason: expect.stringMatching(/^the columns are separated by /),
      },
    ]);
    const { reason } = result.failed[0]!;
    expect(reason).toContain(`separated by ${name} (${shown}), not commas: save the file again as CSV with commas`);
    expect(reason).toContain('field delimiter ","');
  });

  it("still reads a comma-separated file whose cells hold semicolons", () => {
    const result = parseCsv(
      'date,title,summary,topics\n1969-07-20,Apollo 11,Eagle lands.,"space; Cold War"\n',
      "events.csv",
    );
    expect(result.failed).toEqual([]);
    expect(result.entries.map((e) => e.entry.topics)).toEqual([["space", "Cold War"]]);
  });

  it("keeps the unknown-column message for a one-column header that is none of ours", () => {
    const result = parseCsv("when;what\n1969-07-20;Apollo\n", "events.csv");
    expect(result.failed[0]!.reason).toMatch(/^the header has an unknown column "when;what"/);
  });
});
