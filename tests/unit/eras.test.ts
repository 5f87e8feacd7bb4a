import { describe, expect, it } from "vitest";
import { BUSY_DAY, eraGroups, eraOf } from "../../src/archive/eras.ts";
import type { EventLink } from "../../src/archive/event-link.ts";

function link(year: number): EventLink {
  return {
    slug: `e${year}`,
    url: `/events/e${year}/`,
    title: `Event of ${year}`,
    kind: "event",
    summary: "",
    date: { year, month: 6, day: 12 },
    dateIso: `${year}-06-12`,
    dateWords: `12 June ${year}`,
    yearLabel: String(year),
  };
}

describe("eraOf: Wikipedia's three eras", () => {
  it("puts each boundary year in the era it closes or opens", () => {
    expect([-43, 0, 1, 1600].map(eraOf)).toEqual(["to-1600", "to-1600", "to-1600", "to-1600"]);
    expect([1601, 1900].map(eraOf)).toEqual(["1601-1900", "1601-1900"]);
    expect([1901, 2026].map(eraOf)).toEqual(["from-1901", "from-1901"]);
  });
});

describe("eraGroups", () => {
  const years = [-490, 1066, 1600, 1601, 1815, 1900, 1901, 1969, 2024];
  const events = years.map(link);

  it("leaves a day of up to BUSY_DAY entries as one list", () => {
    expect(eraGroups(events, BUSY_DAY)).toBeUndefined();
  });

  it("splits a busy day's section into its eras, in order, keeping each era's events in their order", () => {
    const groups = eraGroups(events, BUSY_DAY + 1)!;
    expect(groups.map((g) => [g.id, g.key, g.events.map((e) => e.date.year)])).toEqual([
      ["to-1600", "era.to-1600", [-490, 1066, 1600]],
      ["1601-1900", "era.1601-1900", [1601, 1815, 1900]],
      ["from-1901", "era.from-1901", [1901, 1969, 2024]],
    ]);
  });

  it("leaves out an era without events", () => {
    const groups = eraGroups([link(1000), link(2000)], 300)!;
    expect(groups.map((g) => g.id)).toEqual(["to-1600", "from-1901"]);
  });

  it("does not split a section whose events are all of one era", () => {
    expect(eraGroups([link(1950), link(1960)], 300)).toBeUndefined();
  });
});
