import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive.ts";
import { parseShard, renderRuns, touchedBy, wholeSite } from "../../src/build/render-plan.ts";
import type { LoadedEntry } from "../../src/content/load.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

const options = { buildDate: ymd(2024, 3, 15) };
const urls = (list: readonly { url: string }[]) => list.map((item) => item.url);

describe("render runs", () => {
  const archive = buildArchive(
    ["a", "b", "c", "d", "e"].map((slug, i) => loadedEntry(slug, ymd(1900 + i, 1, 1 + i))),
    options,
  );

  it("write everything but the events in the first run, then the events in batches, each once and in order", () => {
    const runs = renderRuns(archive, 2);
    expect(runs.map((r) => urls(r.events))).toEqual([
      ["/events/a/", "/events/b/"],
      ["/events/c/", "/events/d/"],
      ["/events/e/"],
    ]);
    expect(runs.map((r) => r.singles)).toEqual([true, false, false]);
    expect(runs[0]!.days).toHaveLength(366);
    expect(runs.slice(1).flatMap((r) => [...r.days, ...r.months, ...r.years, ...r.topics])).toEqual([]);
  });

  it("are one run for an archive that fits, even an empty one", () => {
    expect(renderRuns(archive, 10)).toEqual([wholeSite(archive)]);
    const empty = buildArchive([], options);
    expect(renderRuns(empty, 10)).toEqual([wholeSite(empty)]);
  });

  it("split the events between shards, the first shard also writing every other page", () => {
    const shards = [1, 2].map((index) => renderRuns(archive, 2, { index, count: 2 }));
    expect(shards.map((runs) => runs.flatMap((r) => urls(r.events)))).toEqual([
      ["/events/a/", "/events/b/", "/events/c/"],
      ["/events/d/", "/events/e/"],
    ]);
    expect(shards.map((runs) => runs.some((r) => r.singles))).toEqual([true, false]);
    expect(shards[1]!.flatMap((r) => r.days)).toEqual([]);
  });

  it("read a shard as K/N with 1 ≤ K ≤ N", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    // "" is what the build reads when --shard is given no value.
    for (const bad of ["0/4", "5/4", "4/3", "0/3", "2/0", "2", "two", "a/b", " 2/4", ""])
      expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe("the pages an edit touches", () => {
  const entries: LoadedEntry[] = [
    loadedEntry("edited", ymd(1969, 7, 20), { topics: ["space"], related: [{ event: "related" }] }),
    loadedEntry("related", ymd(1961, 4, 12)),
    loadedEntry("same-day", ymd(1950, 7, 20)),
    loadedEntry("elsewhere", ymd(1800, 1, 1), { topics: ["trade"] }),
    loadedEntry("same-year", ymd(1969, 12, 31)),
  ];
  const before = buildArchive(entries, options);

  it("are its page, its day, month, year and topics, the events that relate to it or share its day, and the single pages", () => {
    const after = buildArchive([{ ...entries[0]!, title: "A new title" }, ...entries.slice(1)], options);
    const plan = touchedBy(before, after, new Set(["edited"]));
    expect(urls(plan.events).sort()).toEqual(["/events/edited/", "/events/related/", "/events/same-day/"]);
    expect(urls(plan.days)).toEqual(["/july/20/"]);
    expect(urls(plan.months)).toEqual(["/july/"]);
    expect(urls(plan.years)).toEqual(["/years/1969/"]);
    expect(urls(plan.topics)).toEqual(["/topics/space/"]);
    expect(plan.singles).toBe(true);
  });

  it("include the pages it left: the old day, year and topic as well as the new", () => {
    const after = buildArchive(
      [{ ...entries[0]!, date: ymd(1970, 8, 1), topics: ["moon"] }, ...entries.slice(1)],
      options,
    );
    const plan = touchedBy(before, after, new Set(["edited"]));
    expect(urls(plan.days).sort()).toEqual(["/august/1/", "/july/20/"]);
    expect(urls(plan.years).sort()).toEqual(["/years/1969/", "/years/1970/"]);
    // A topic page that no longer exists is not written; the moved entry's new one is.
    expect(urls(plan.topics)).toEqual(["/topics/moon/"]);
    expect(urls(plan.events)).toContain("/events/same-day/");
  });

  it("of a deleted entry are the pages that showed it", () => {
    const after = buildArchive(entries.slice(1), options);
    const plan = touchedBy(before, after, new Set(["edited"]));
    expect(urls(plan.events).sort()).toEqual(["/events/related/", "/events/same-day/"]);
    expect(urls(plan.days)).toEqual(["/july/20/"]);
  });
});
