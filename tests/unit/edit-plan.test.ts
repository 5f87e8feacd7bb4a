import { describe, expect, it } from "vitest";
import { ALSO_ON_THIS_DAY, buildArchive } from "../../src/archive/archive.ts";
import { touchedBy } from "../../src/build/render-plan.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

const options = { buildDate: ymd(2024, 3, 15) };
const slugs = (list: readonly { slug: string }[]) => list.map((item) => item.slug).sort();

describe("the event pages an edit rewrites on a full day", () => {
  // Twelve events on 20 July, in year order: each page shows the first eight others of the day.
  const day = Array.from({ length: ALSO_ON_THIS_DAY + 4 }, (_, i) =>
    loadedEntry(`e${String(i).padStart(2, "0")}`, ymd(1900 + i, 7, 20)),
  );
  const before = buildArchive(day, options);
  const retitled = (index: number) =>
    buildArchive(
      day.map((entry, i) => (i === index ? { ...entry, title: "A new title" } : entry)),
      options,
    );

  it("are only its own when no other page shows it", () => {
    const plan = touchedBy(before, retitled(10), new Set(["e10"]));
    expect(slugs(plan.events)).toEqual(["e10"]);
  });

  it("are its own and those that show it among the others of the day", () => {
    const plan = touchedBy(before, retitled(2), new Set(["e02"]));
    // The first nine show e02; the later ones show the first eight, e02 among them.
    expect(slugs(plan.events)).toEqual(slugs(day));
    const late = touchedBy(before, retitled(8), new Set(["e08"]));
    // e00–e07 show e01–e08 or e00–e08 less themselves; e08 shows e00–e07; e09 and later show e00–e07.
    expect(slugs(late.events)).toEqual(["e00", "e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08"]);
  });

  it("are every one of the day when an event joins it: each says how many more the day has", () => {
    const after = buildArchive([...day, loadedEntry("joined", ymd(2000, 7, 20))], options);
    expect(slugs(touchedBy(before, after, new Set(["joined"])).events)).toEqual(slugs([...day, { slug: "joined" }]));
  });
});
