// The duplicate check compares the day itself, whatever calendar an entry
// writes it in: the same event entered once as Old Style (calendar: julian)
// and once on its New Style day is one event (issue 19).
import { describe, expect, it } from "vitest";
import type { EventDate } from "../../src/content/dates.ts";
import { findDuplicates } from "../../src/content/duplicates.ts";
import { lintEntries } from "../../src/content/lint.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

const NO_GIT = () => new Map<string, string>();
const TITLE = "George Washington is born";

const oldStyle = loadedEntry("washington-born", { ...ymd(1732, 2, 11), calendar: "julian" } as EventDate, {
  title: TITLE,
  added: ymd(2026, 1, 5),
});
const newStyle = loadedEntry("washington-born-ns", ymd(1732, 2, 22), {
  title: "George Washington is born in Virginia",
  added: ymd(2026, 6, 1),
});

describe("an Old Style entry and a New Style copy", () => {
  it("are paired: 11 February 1732 (O.S.) is 22 February 1732 (N.S.)", () => {
    expect(findDuplicates([oldStyle, newStyle], NO_GIT)).toEqual([{ newer: newStyle, older: oldStyle }]);
  });

  it("are paired before the reform too: a proleptic Gregorian copy of a Julian day", () => {
    const julian = loadedEntry("caesar", ymd(-43, 3, 15), {
      title: "Julius Caesar is assassinated in Rome",
      added: ymd(2026, 1, 5),
    });
    const proleptic = loadedEntry("caesar-gregorian", { ...ymd(-43, 3, 13), calendar: "gregorian" } as EventDate, {
      title: "Julius Caesar is assassinated",
      added: ymd(2026, 6, 1),
    });
    expect(findDuplicates([julian, proleptic], NO_GIT)).toEqual([{ newer: proleptic, older: julian }]);
  });

  it("are not paired with the same digits in the other calendar: those are two days", () => {
    const sameDigits = { ...newStyle, date: ymd(1732, 2, 11) };
    expect(findDuplicates([oldStyle, sameDigits], NO_GIT)).toEqual([]);
  });

  it("are warned as check shows it, on the newer file", () => {
    const warnings = lintEntries([oldStyle, newStyle]).filter((w) => w.message.includes("duplicate"));
    expect(warnings.map((w) => [w.file, w.message])).toEqual([
      [newStyle.file, `looks like a duplicate of ${oldStyle.file} ("${TITLE}", same day and year)`],
    ]);
  });
});
