import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Archive, type ArchiveEvent, buildArchive, type Day } from "../../src/archive/archive.ts";
import { loadArchive } from "../../src/archive/load-archive.ts";
import type { LoadedEntry } from "../../src/content/load.ts";
import { CREDIT, loadedEntry, makeContentDir, photoFile, validEntry, ymd } from "../support/helpers.ts";

const BUILD_DATE = ymd(2024, 6, 12);

function archiveOf(entries: readonly LoadedEntry[], buildDate = BUILD_DATE): Archive {
  return buildArchive(entries, { buildDate });
}

function day(archive: Archive, key: string): Day {
  const found = archive.byDay.get(key);
  if (!found) throw new Error(`no day ${key}`);
  return found;
}

function event(archive: Archive, slug: string): ArchiveEvent {
  const found = archive.bySlug.get(slug);
  if (!found) throw new Error(`no event ${slug}`);
  return found;
}

describe("buildArchive: the calendar", () => {
  const archive = archiveOf([]);

  it("has exactly 366 days, 01-01 to 12-31 in calendar order, including 02-29", () => {
    const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const expected = lengths.flatMap((n, m) =>
      Array.from({ length: n }, (_, d) => `${String(m + 1).padStart(2, "0")}-${String(d + 1).padStart(2, "0")}`),
    );
    expect(archive.days).toHaveLength(366);
    expect(archive.days.map((d) => d.key)).toEqual(expected);
    expect([...archive.byDay.keys()]).toEqual(expected);
    expect(archive.days[0]!.key).toBe("01-01");
    expect(archive.days.at(-1)!.key).toBe("12-31");
  });

  it("describes a day: label, URL and month link", () => {
    const leapDay = day(archive, "02-29");
    expect(leapDay).toMatchObject({
      key: "02-29",
      month: 2,
      day: 29,
      label: "February 29",
      url: "/february/29/",
      count: 0,
      countLabel: "no entries",
      description: "What happened on February 29 in history: nothing recorded yet.",
      sections: [],
      monthLink: { number: 2, name: "February", url: "/february/" },
    });
  });

  it("wraps around the year: before 1 January is 31 December, after 31 December is 1 January", () => {
    expect(day(archive, "01-01").previous).toEqual({
      key: "12-31",
      month: 12,
      day: 31,
      label: "December 31",
      url: "/december/31/",
    });
    expect(day(archive, "12-31").next).toEqual({
      key: "01-01",
      month: 1,
      day: 1,
      label: "January 1",
      url: "/january/1/",
    });
  });

  it("puts 29 February between 28 February and 1 March", () => {
    expect(day(archive, "02-28").next.key).toBe("02-29");
    expect(day(archive, "02-29").previous.key).toBe("02-28");
    expect(day(archive, "02-29").next.key).toBe("03-01");
    expect(day(archive, "03-01").previous.key).toBe("02-29");
  });

  it("has 12 months with their days, wrapping from December to January", () => {
    expect(archive.months.map((m) => [m.number, m.name, m.url, m.days.length])).toEqual([
      [1, "January", "/january/", 31],
      [2, "February", "/february/", 29],
      [3, "March", "/march/", 31],
      [4, "April", "/april/", 30],
      [5, "May", "/may/", 31],
      [6, "June", "/june/", 30],
      [7, "July", "/july/", 31],
      [8, "August", "/august/", 31],
      [9, "September", "/september/", 30],
      [10, "October", "/october/", 31],
      [11, "November", "/november/", 30],
      [12, "December", "/december/", 31],
    ]);
    expect(archive.months[0]!.previous.name).toBe("December");
    expect(archive.months[11]!.next.name).toBe("January");
  });
});

describe("buildArchive: events on days and in months", () => {
  const entries = [
    loadedEntry("columbus-returns", ymd(1493, 3, 15)),
    loadedEntry("caesar-killed", ymd(-43, 3, 15), { kind: "death", title: "Julius Caesar is assassinated" }),
    loadedEntry("modern", ymd(2019, 3, 15)),
    loadedEntry("roman-festival", ymd(79, 3, 15), { kind: "holiday" }),
    loadedEntry("a-birth", ymd(1767, 3, 15), { kind: "birth" }),
    loadedEntry("vesuvius", ymd(79, 8, 24), { title: "Vesuvius erupts" }),
    loadedEntry("leap", ymd(2020, 2, 29)),
    loadedEntry("singapore", ymd(2018, 6, 12), { kind: "death" }),
    loadedEntry("new-year", ymd(2000, 1, 1), { kind: "holiday" }),
  ];
  const archive = archiveOf(entries);

  it("lists every event in date order, BCE first", () => {
    expect(archive.events.map((e) => e.slug)).toEqual([
      "caesar-killed",
      "roman-festival",
      "vesuvius",
      "columbus-returns",
      "a-birth",
      "new-year",
      "singapore",
      "modern",
      "leap",
    ]);
    expect([...archive.bySlug.keys()]).toEqual(archive.events.map((e) => e.slug));
  });

  it("gives each event its links, labels and day", () => {
    expect(event(archive, "caesar-killed")).toMatchObject({
      slug: "caesar-killed",
      url: "/events/caesar-killed/",
      title: "Julius Caesar is assassinated",
      kind: "death",
      kindLabel: "Death",
      date: { year: -43, month: 3, day: 15 },
      dateIso: "-0043-03-15",
      dateWords: "15 March 44 BC",
      yearLabel: "44 BC",
      day: { key: "03-15", label: "March 15", url: "/march/15/" },
      month: { number: 3, name: "March", url: "/march/" },
      topics: [],
      photos: [],
      related: [],
      sources: [],
      file: "content/events/caesar-killed.md",
    });
    expect(event(archive, "vesuvius")).toMatchObject({
      dateIso: "0079-08-24",
      dateWords: "24 August AD 79",
      yearLabel: "AD 79",
    });
    expect(event(archive, "leap").day.key).toBe("02-29");
  });

  it("orders a day's events by year, BCE first, within each kind", () => {
    const ides = day(archive, "03-15");
    expect(ides.count).toBe(5);
    expect(ides.countLabel).toBe("5 entries");
    const events = ides.sections.find((s) => s.kind === "event")!.events;
    expect(events.map((e) => [e.slug, e.yearLabel])).toEqual([
      ["columbus-returns", "1493"],
      ["modern", "2019"],
    ]);
  });

  it("splits a day into sections in the order Events, Births, Deaths, Holidays and observances", () => {
    const ides = day(archive, "03-15");
    expect(ides.sections.map((s) => [s.kind, s.heading, s.events.map((e) => e.slug)])).toEqual([
      ["event", "Events", ["columbus-returns", "modern"]],
      ["birth", "Births", ["a-birth"]],
      ["death", "Deaths", ["caesar-killed"]],
      ["holiday", "Holidays and observances", ["roman-festival"]],
    ]);
    expect(ides.description).toBe("What happened on March 15 in history: 2 events, 1 birth, 1 death, 1 holiday.");
  });

  it("shows only the sections that have events", () => {
    expect(day(archive, "06-12").sections.map((s) => s.heading)).toEqual(["Deaths"]);
    expect(day(archive, "06-12").countLabel).toBe("1 entry");
    expect(day(archive, "01-01").sections.map((s) => s.heading)).toEqual(["Holidays and observances"]);
    expect(day(archive, "06-13").sections).toEqual([]);
  });

  it("lists an event in a section with only the fields a list needs", () => {
    const [link] = day(archive, "08-24").sections[0]!.events;
    expect(link).toEqual({
      slug: "vesuvius",
      url: "/events/vesuvius/",
      title: "Vesuvius erupts",
      kind: "event",
      summary: "Summary of vesuvius.",
      date: { year: 79, month: 8, day: 24 },
      dateIso: "0079-08-24",
      dateWords: "24 August AD 79",
      yearLabel: "AD 79",
    });
  });

  it("counts each month's events, the counts summing to all events", () => {
    expect(archive.months).toHaveLength(12);
    expect(archive.months.map((m) => m.count)).toEqual([1, 1, 5, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
    expect(archive.months.reduce((sum, m) => sum + m.count, 0)).toBe(entries.length);
    const march = archive.months[2]!;
    expect(march.countLabel).toBe("5 entries");
    expect(march.description).toBe("31 days of March in history, with 5 entries in all.");
    expect(march.days.find((d) => d.key === "03-15")).toEqual({
      key: "03-15",
      month: 3,
      day: 15,
      label: "March 15",
      url: "/march/15/",
      count: 5,
      countLabel: "5 entries",
    });
    expect(archive.months[1]!.days.find((d) => d.key === "02-29")?.count).toBe(1);
    expect(archive.months[3]!.description).toBe("30 days of April in history, with no entries in all.");
  });

  it("lists the first five events of each day with events on its month page, and how many more", () => {
    const crowded = Array.from({ length: 7 }, (_, i) => loadedEntry(`e${i}`, ymd(1900 + i, 4, 2)));
    const april = archiveOf([...crowded, loadedEntry("late", ymd(1950, 4, 30))]).months[3]!;
    expect(april.highlights.map((h) => [h.day.key, h.events.map((e) => e.slug), h.more])).toEqual([
      ["04-02", ["e0", "e1", "e2", "e3", "e4"], 2],
      ["04-30", ["late"], 0],
    ]);
  });

  it("counts across all 366 days to the number of events", () => {
    expect(archive.days.reduce((sum, d) => sum + d.count, 0)).toBe(entries.length);
  });
});

describe("buildArchive: related events", () => {
  it("shows a link on both sides: if A lists B, B lists A", () => {
    const archive = archiveOf([
      loadedEntry("singapore", ymd(2018, 6, 12), { title: "Singapore summit", related: [{ event: "hanoi" }] }),
      loadedEntry("hanoi", ymd(2019, 2, 27), { title: "Hanoi summit" }),
    ]);
    expect(event(archive, "singapore").related).toEqual([
      {
        date: ymd(2019, 2, 27),
        dateIso: "2019-02-27",
        dateWords: "27 February 2019",
        text: "Hanoi summit",
        url: "/events/hanoi/",
      },
    ]);
    expect(event(archive, "hanoi").related).toEqual([
      {
        date: ymd(2018, 6, 12),
        dateIso: "2018-06-12",
        dateWords: "12 June 2018",
        text: "Singapore summit",
        url: "/events/singapore/",
      },
    ]);
  });

  it("shows a link once when both entries list each other (or one lists the other twice)", () => {
    const archive = archiveOf([
      loadedEntry("singapore", ymd(2018, 6, 12), { related: [{ event: "hanoi" }, { event: "hanoi" }] }),
      loadedEntry("hanoi", ymd(2019, 2, 27), { related: [{ event: "singapore" }] }),
    ]);
    expect(event(archive, "singapore").related.map((r) => r.url)).toEqual(["/events/hanoi/"]);
    expect(event(archive, "hanoi").related.map((r) => r.url)).toEqual(["/events/singapore/"]);
  });

  it("shows a dated text item only on the entry that lists it", () => {
    const archive = archiveOf([
      loadedEntry("singapore", ymd(2018, 6, 12), {
        related: [{ event: "hanoi" }, { date: ymd(2018, 5, 24), text: "Trump cancels the summit" }],
      }),
      loadedEntry("hanoi", ymd(2019, 2, 27)),
    ]);
    expect(event(archive, "singapore").related).toEqual([
      { date: ymd(2018, 5, 24), dateIso: "2018-05-24", dateWords: "24 May 2018", text: "Trump cancels the summit" },
      {
        date: ymd(2019, 2, 27),
        dateIso: "2019-02-27",
        dateWords: "27 February 2019",
        text: "Title of hanoi",
        url: "/events/hanoi/",
      },
    ]);
    expect(event(archive, "hanoi").related.map((r) => r.text)).toEqual(["Title of singapore"]);
  });

  it("sorts related items by date, BCE first, whichever side listed them", () => {
    const archive = archiveOf([
      loadedEntry("middle", ymd(1000, 1, 1), {
        related: [
          { event: "late" },
          { date: ymd(1500, 5, 5), text: "Text in 1500" },
          { date: ymd(-100, 1, 1), text: "Text in 101 BC" },
        ],
      }),
      loadedEntry("late", ymd(2000, 1, 1)),
      loadedEntry("early", ymd(79, 8, 24), { related: [{ event: "middle" }] }),
    ]);
    expect(event(archive, "middle").related.map((r) => r.dateIso)).toEqual([
      "-0100-01-01",
      "0079-08-24",
      "1500-05-05",
      "2000-01-01",
    ]);
  });
});

describe("buildArchive: today, photos and body", () => {
  it("takes today from the build date", () => {
    const archive = archiveOf([loadedEntry("leap", ymd(2020, 2, 29))], ymd(2024, 2, 29));
    expect(archive.today.key).toBe("02-29");
    expect(archive.today.count).toBe(1);
    expect(archive.buildDate).toBe("2024-02-29");
    expect(archiveOf([], ymd(2025, 12, 31)).today.key).toBe("12-31");
  });

  it("also offers 29 February on 28 February of a common year, and only then", () => {
    const entries = [loadedEntry("leap", ymd(2020, 2, 29))];
    const common = archiveOf(entries, ymd(2023, 2, 28));
    expect(common.today.key).toBe("02-28");
    expect(common.todayAlso).toBe(day(common, "02-29"));
    expect(common.todayAlso!.count).toBe(1);
    for (const date of [ymd(2024, 2, 28), ymd(2024, 2, 29), ymd(2023, 3, 1), ymd(1900, 3, 28)])
      expect(archiveOf(entries, date).todayAlso, JSON.stringify(date)).toBeUndefined();
  });

  it("publishes each photo with a file as responsive images named by its content, and keeps credit-only photos", () => {
    const entry = loadedEntry("summit", ymd(2018, 6, 12), {
      photoFiles: {
        "day-one/photo.jpg": photoFile("/content/events/day-one/photo.jpg", 800, 600),
        "day-two/photo.jpg": photoFile("/content/events/day-two/photo.jpg", 800, 600),
      },
      photo: { src: "day-one/photo.jpg", alt: "Day one", ...CREDIT },
      photos: [
        { src: "day-two/photo.jpg", alt: "Day two", ...CREDIT },
        { alt: "No image, only a credit", ...CREDIT, photographer: "Someone" },
      ],
    });
    const summit = event(archiveOf([entry]), "summit");
    const lead = summit.photo!.image!;
    expect(lead.width).toBe(800);
    expect(lead.height).toBe(600);
    expect(lead.src).toMatch(/^\/img\/[0-9a-f]{16}-640\.jpg$/);
    expect(lead.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(summit.photos[0]!.image!.src).not.toBe(lead.src); // another file, another name
    expect(summit.photos[1]).toEqual({ alt: "No image, only a credit", ...CREDIT, photographer: "Someone" });
    expect(summit.thumbnail).toEqual({ image: lead, alt: "Day one" });
  });

  it("credits every published image once, with every event that shows it", () => {
    const shared = photoFile("/content/shared.jpg", 800, 600, "same-bytes");
    const archive = archiveOf([
      loadedEntry("a", ymd(2018, 6, 12), {
        photoFiles: { "../shared.jpg": shared },
        photo: { src: "../shared.jpg", alt: "A", ...CREDIT },
      }),
      loadedEntry("b", ymd(2019, 1, 1), {
        photoFiles: { "../shared.jpg": shared },
        photos: [{ src: "../shared.jpg", alt: "B", ...CREDIT }],
      }),
      loadedEntry("c", ymd(2020, 1, 1), { photo: { alt: "Credit only", ...CREDIT } }),
    ]);
    expect(archive.photos).toHaveLength(1);
    expect(archive.photos[0]!.usedOn.map((e) => e.slug)).toEqual(["a", "b"]);
    expect(archive.photos[0]!.origin).toEqual({
      file: "content/events/a.md",
      field: "photo.src",
      src: "../shared.jpg",
    });
    expect(event(archive, "a").photo!.image).toEqual(event(archive, "b").photos[0]!.image);
  });

  it("renders the body as Markdown with raw HTML escaped", () => {
    const entry = loadedEntry("x", ymd(2018, 6, 12), { body: "Some *history*.\n\n<script>alert(1)</script>\n" });
    expect(event(archiveOf([entry]), "x").bodyHtml).toBe(
      "<p>Some <em>history</em>.</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n",
    );
  });
});

describe("loadArchive", () => {
  it("builds the archive from a content folder", async () => {
    const dir = await makeContentDir({
      "events/singapore-summit.md": validEntry({
        title: "Singapore summit",
        date: "2018-06-12",
        extra: ["related:", "  - event: hanoi-summit"],
        body: "Body with <b>tags</b>.\n",
      }),
      "events/2019/hanoi-summit.md": validEntry({ title: "Hanoi summit", date: "2019-02-27" }),
      "events/ancient/ides.md": validEntry({ title: "Ides of March", date: "-0043-03-15", extra: ["kind: death"] }),
    });
    const { archive, problems } = await loadArchive(dir, { buildDate: ymd(2024, 3, 15) });
    // No errors; only the checker's warnings, here that the entries cite no sources.
    expect(problems.map((p) => [p.severity, p.field])).toEqual([
      ["warning", "sources"],
      ["warning", "sources"],
      ["warning", "sources"],
    ]);
    expect(archive).toBeDefined();
    expect(archive!.events.map((e) => [e.slug, e.dateIso])).toEqual([
      ["ides", "-0043-03-15"],
      ["singapore-summit", "2018-06-12"],
      ["hanoi-summit", "2019-02-27"],
    ]);
    expect(archive!.today.sections).toEqual([
      {
        kind: "death",
        heading: "Deaths",
        events: [expect.objectContaining({ slug: "ides", dateWords: "15 March 44 BC" })],
      },
    ]);
    expect(event(archive!, "hanoi-summit").related.map((r) => [r.text, r.url])).toEqual([
      ["Singapore summit", "/events/singapore-summit/"],
    ]);
    expect(event(archive!, "singapore-summit").bodyHtml).toBe("<p>Body with &lt;b&gt;tags&lt;/b&gt;.</p>\n");
  });

  it("returns the problems and no archive when the content has errors", async () => {
    const dir = await makeContentDir({
      "events/good.md": validEntry(),
      "events/bad.md": validEntry({ date: "2021-02-30" }),
    });
    const { archive, problems } = await loadArchive(dir, { buildDate: BUILD_DATE });
    expect(archive).toBeUndefined();
    expect(problems.map((p) => [path.basename(p.file), p.line, p.field, p.message])).toEqual([
      ["bad.md", 3, "date", '"2021-02-30" is not a real day: February has 28 days'],
      // The valid entries are still linted, so one run shows everything.
      ["good.md", undefined, "sources", "has no sources"],
    ]);
  });
});
