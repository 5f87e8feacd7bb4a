import { describe, expect, it } from "vitest";
import { type Archive, buildArchive } from "../../src/archive/archive.ts";
import { patchArchive } from "../../src/archive/patch-archive.ts";
import type { LoadedEntry } from "../../src/content/load.ts";
import { CREDIT, loadedEntry, photoFile, ymd } from "../support/helpers.ts";

// The build date picks 20 July as "today" and one of the events as the random pick.
const options = { buildDate: ymd(2024, 7, 20), renderBody: (markdown: string) => `<p>${markdown}</p>` };
const shared = photoFile("/content/shared.jpg", 800, 600, "same-bytes");

// A full day (more than the eight an event page shows), related events both ways, topics, photos, the feed.
const entries: LoadedEntry[] = [
  ...Array.from({ length: 12 }, (_, i) =>
    loadedEntry(`day-${String(i).padStart(2, "0")}`, ymd(1900 + i * 5, 7, 20), {
      topics: i % 2 ? ["space", "Science"] : ["space"],
      added: ymd(2020, 1, 1 + i),
      body: `Body of ${i}.`,
    }),
  ),
  loadedEntry("moon", ymd(1969, 7, 20), {
    related: [{ event: "sputnik" }, { date: ymd(1961, 4, 12), text: "Gagarin flies" }],
    photoFiles: { "../shared.jpg": shared },
    photo: { src: "../shared.jpg", alt: "The Moon", ...CREDIT },
    topics: ["space"],
  }),
  loadedEntry("same-date", ymd(1969, 7, 20), { title: "Title of same-date" }),
  loadedEntry("sputnik", ymd(1957, 10, 4), { related: [{ event: "day-03" }] }),
  loadedEntry("other", ymd(1957, 10, 4), {
    photoFiles: { "../shared.jpg": shared },
    photos: [{ src: "../shared.jpg", alt: "Shared", ...CREDIT }],
  }),
];
const before = new Map(entries.map((entry) => [entry.slug, entry]));
const previous = buildArchive(entries, options);

/** Everything the archive holds, in order, its maps included. */
const plain = (archive: Archive) =>
  JSON.stringify({ ...archive, bySlug: [...archive.bySlug], byDay: [...archive.byDay] });
const edit = (changes: Record<string, Partial<LoadedEntry>>) =>
  entries.map((entry) => (changes[entry.slug] ? { ...entry, ...changes[entry.slug] } : entry));
const patched = (changes: Record<string, Partial<LoadedEntry>>) =>
  patchArchive(
    previous,
    before,
    edit(changes).filter((entry) => changes[entry.slug]),
    options,
  );

describe("an archive patched after an edit that moves nothing", () => {
  const edits: Record<string, Record<string, Partial<LoadedEntry>>> = {
    "the title of an event the first of its day show, related both ways, in the feed": {
      "day-03": { title: "A new title" },
    },
    "the title of an event with a photo, related, on a day with another of its date": {
      moon: { title: "Title of moon landing" },
    },
    "the summary, body, location and sources of a late event of a full day": {
      "day-11": { summary: "New.", body: "New body.", location: "Baikonur", sources: [{ title: "A book" }] },
    },
    "several at once, the photo's events included": {
      "day-00": { title: "First" },
      sputnik: { title: "Sputnik 1", summary: "Launched." },
      other: { title: "Other, renamed" },
    },
  };
  for (const [what, changes] of Object.entries(edits))
    it(`is the archive built afresh: ${what}`, () => {
      const archive = patched(changes);
      expect(archive).toBeDefined();
      expect(plain(archive!)).toBe(plain(buildArchive(edit(changes), options)));
    });

  it("is the archive built afresh after several edits in turn, each patching the last", () => {
    const first = { "day-03": { title: "Once" } };
    const second = { ...first, "day-04": { title: "Twice" }, moon: { summary: "Again." } };
    const once = patchArchive(previous, before, edit(first).slice(3, 4), options)!;
    const afterFirst = new Map(edit(first).map((entry) => [entry.slug, entry]));
    const twice = patchArchive(
      once,
      afterFirst,
      edit(second).filter((e) => e.slug === "day-04" || e.slug === "moon"),
      options,
    );
    expect(plain(twice!)).toBe(plain(buildArchive(edit(second), options)));
  });

  it("leaves the previous archive as it was", () => {
    const was = plain(previous);
    patched({ "day-03": { title: "A new title" }, moon: { summary: "New." } });
    expect(plain(previous)).toBe(was);
  });

  it("is not made when the edit moves or regroups anything: buildArchive makes it", () => {
    for (const changes of [
      { moon: { date: ymd(1969, 7, 21) } },
      { moon: { kind: "birth" as const } },
      { moon: { topics: ["moon"] } },
      { moon: { related: [] } },
      { moon: { photo: { src: "../shared.jpg", alt: "Another alt", ...CREDIT } } },
      { "day-05": { added: ymd(2023, 1, 1) } },
      // moon and same-date share a date: this title puts moon after "Title of same-date".
      { moon: { title: "Zond" } },
      { unknown: { title: "Not in the archive" } },
    ])
      expect(
        patchArchive(
          previous,
          before,
          [
            {
              ...loadedEntry("unknown", ymd(1, 1, 1)),
              ...before.get(Object.keys(changes)[0]!),
              ...Object.values(changes)[0],
            },
          ],
          options,
        ),
        JSON.stringify(changes),
      ).toBeUndefined();
  });
});
