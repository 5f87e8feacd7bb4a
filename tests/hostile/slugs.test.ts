// Slugs in every script, and slugs no file system can hold. Non-Latin titles
// once all became "<date>-topic" and every non-Latin topic "/topics/topic/":
// the importer skipped all but one title of a day, and a page headed "长征"
// listed Sputnik. A 251-character file name passed the check, then stopped the
// build with ENAMETOOLONG, naming no entry.
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type EventLink } from "../../src/archive/archive.ts";
import { buildTopics } from "../../src/archive/topics.ts";
import { touchedBy } from "../../src/build/render-plan.ts";
import { foldName, SLUG_MAX, SLUG_PATTERN } from "../../src/content/slugs.ts";
import { entrySlug } from "../../src/content/write-entry.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";
import { loadPage } from "../support/site-files.ts";

let work: string;
beforeAll(async () => {
  work = await tempDir("slugs");
});
afterAll(() => rm(work, { recursive: true, force: true }));

const shown = (file: string) => path.relative(REPO_ROOT, file);

/** Two different names in each script (and, for Cyrillic and Latin, two that transliterate alike). */
const NAMES: Record<string, readonly string[]> = {
  cyrillic: ["Октябрьская революция", "Штурм Зимнего дворца", "Спутник", "Ёлка", "Елка"],
  greek: ["Μάχη του Μαραθώνα", "Ναυμαχία της Σαλαμίνας"],
  arabic: ["ثورة يوليو", "القاهرة"],
  hebrew: ["מלחמת ששת הימים", "ירושלים"],
  chinese: ["长征", "十月革命", "长城"],
  japanese: ["明治維新", "がん", "かん", "東京タワー"],
  latin: ["Łódź", "Lodz", "Straße", "Strasse", "Sputnik", "Ærø"],
  mixed: ["Sputnik 长征", "Sputnik 长城", "Apollo 11 — 月面着陸"],
};

const ALL_NAMES = Object.values(NAMES).flat();

/** Topic pages for events that each carry the topics given, as buildArchive makes them. */
function topicPages(topicsPerEvent: readonly (readonly string[])[]) {
  const events = topicsPerEvent.map((_, i) => ({ slug: `event-${i}` }) as EventLink);
  const topicsOf = new Map(events.map((e, i) => [e, topicsPerEvent[i]!]));
  return buildTopics(
    events,
    (e) => topicsOf.get(e)!,
    (n) => `${n}`,
  );
}

const isSlug = (slug: string) => SLUG_PATTERN.test(slug) && slug.length <= SLUG_MAX;

/** Names that transliterate alike, in pieces to combine, so that collisions are common. */
const LOOKALIKES = [
  "Sputnik",
  "Спутник",
  "sputnik",
  "Straße",
  "Strasse",
  "ё",
  "е",
  "长征",
  "長征",
  "Côte",
  "cote",
  " ",
  "-",
  "ß",
  "ss",
  "1",
  "!",
  "Ψ",
  "ps",
];

describe("slugs in every script", () => {
  it("distinct titles of one day get distinct entry slugs, but for names that transliterate alike (the commands tell those apart)", () => {
    const day = { year: 1917, month: 10, day: 25 };
    const slugs = new Map(ALL_NAMES.map((title) => [title, entrySlug(day, title)]));
    for (const slug of slugs.values()) expect(isSlug(slug), slug).toBe(true);
    const shared = [...Map.groupBy(ALL_NAMES, (t) => slugs.get(t)!).values()].filter((group) => group.length > 1);
    expect(shared.map((group) => group.sort()).sort()).toEqual([
      ["Lodz", "Łódź"],
      ["Sputnik", "Спутник"],
      ["Strasse", "Straße"],
    ]);
    expect(slugs.get("Октябрьская революция")).toBe("1917-10-25-oktyabrskaya-revolyutsiya");
    expect(slugs.get("Μάχη του Μαραθώνα")).toBe("1917-10-25-maxi-toy-marathona");
    expect(slugs.get("Ёлка")).not.toBe(slugs.get("Елка"));
  });

  it("each script's topics get an address of their own, and a page that lists only their events", () => {
    const pages = topicPages(ALL_NAMES.map((name) => [name]));
    expect(pages).toHaveLength(ALL_NAMES.length);
    expect(new Set(pages.map((p) => p.url)).size).toBe(ALL_NAMES.length);
    for (const page of pages) {
      expect(isSlug(page.slug), page.slug).toBe(true);
      expect(page.url).toBe(`/topics/${page.slug}/`);
      expect(page.events.map((e) => e.slug)).toEqual([`event-${ALL_NAMES.indexOf(page.name)}`]);
    }
    const url = (name: string) => pages.find((p) => p.name === name)!.url;
    // A name that is its slug keeps it; the one that only transliterates to it is told apart.
    expect(url("Sputnik")).toBe("/topics/sputnik/");
    expect(url("Спутник")).toMatch(/^\/topics\/sputnik-[0-9a-f]{8}\/$/);
    expect(url("Ναυμαχία της Σαλαμίνας")).toBe("/topics/naymaxia-tis-salaminas/");
  });

  it("names that differ only in case, accents or punctuation stay one topic", () => {
    const pages = topicPages([["Côte d'Ivoire"], ["cote d ivoire"], ["CÔTE-D'IVOIRE!"], ["Αθήνα"], ["ΑΘΗΝΑ"]]);
    expect(pages.map((p) => [p.name, p.url, p.events.length])).toEqual([
      ["Αθήνα", "/topics/athina/", 2],
      ["Côte d'Ivoire", "/topics/cote-d-ivoire/", 3],
    ]);
  });

  it("property: distinct folded topic names never share an address, whatever the order of the files", {
    timeout: 60_000,
  }, () => {
    const name = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.string({ unit: "binary", maxLength: 60 }),
      fc.array(fc.constantFrom(...LOOKALIKES), { maxLength: 4 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(name, { maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (events, order) => {
          const pages = topicPages(events);
          const keys = new Set(events.flat().map(foldName));
          expect(pages).toHaveLength(keys.size);
          expect(new Set(pages.map((p) => p.url)).size).toBe(keys.size);
          for (const page of pages) expect(isSlug(page.slug), JSON.stringify(page.name)).toBe(true);
          // The same names in another order: the same address for each.
          const shuffled = events
            .map((topics, i) => [topics, (order.next().value as number) + i] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([t]) => t);
          const again = new Map(topicPages(shuffled).map((p) => [foldName(p.name), p.url]));
          for (const page of pages) expect(again.get(foldName(page.name))).toBe(page.url);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("npm start", () => {
  it("rewrites a topic whose address a new topic takes: its new page and its events' links", () => {
    const options = { buildDate: ymd(2024, 3, 15) };
    const russian = loadedEntry("sputnik-ru", ymd(1957, 10, 4), { topics: ["Спутник"] });
    const before = buildArchive([russian], options);
    expect(before.topics.map((t) => t.url)).toEqual(["/topics/sputnik/"]);
    const after = buildArchive(
      [russian, loadedEntry("sputnik-en", ymd(1957, 10, 5), { topics: ["Sputnik"] })],
      options,
    );
    const moved = after.topics.find((t) => t.name === "Спутник")!.url;
    expect(moved).toMatch(/^\/topics\/sputnik-[0-9a-f]{8}\/$/);
    const plan = touchedBy(before, after, new Set(["sputnik-en"]));
    expect(plan.topics.map((t) => t.url).sort()).toEqual(["/topics/sputnik/", moved].sort());
    expect(plan.events.map((e) => e.url).sort()).toEqual(["/events/sputnik-en/", "/events/sputnik-ru/"]);
    expect(plan.events.find((e) => e.slug === "sputnik-ru")!.topicLinks.map((t) => t.url)).toEqual([moved]);
  });
});

// The commands run as separate processes, each a few seconds on a busy machine.
const COMMANDS = { timeout: 120_000 };

describe("npm run import and npm run new", COMMANDS, () => {
  const csv = (rows: readonly string[]) =>
    ["date,title,summary", ...rows.map((title) => `1917-11-07,${title},Petrograd.`)].join("\n");

  it("imports three non-Latin titles of one day as three entries, and a second import as duplicates", async () => {
    const content = path.join(work, "import");
    const list = path.join(work, "october.csv");
    await writeFile(list, csv(["Октябрьская революция", "Штурм Зимнего дворца", "十月革命"]));
    const run = await runCli("src/cli/import.ts", { CONTENT_DIR: content }, ["--format", "csv", list]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const files = (await readdir(path.join(content, "events"))).sort();
    expect(files).toHaveLength(3);
    expect(files).toContain("1917-11-07-oktyabrskaya-revolyutsiya.md");
    expect(files).toContain("1917-11-07-shturm-zimnego-dvortsa.md");
    expect(files.filter((f) => /^1917-11-07-[0-9a-f]{8}\.md$/.test(f))).toHaveLength(1);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("created 3, skipped 0, failed 0.");

    // The same day and titles again are the real duplicates; a title that only transliterates alike is not.
    await writeFile(
      list,
      csv(["Октябрьская революция", "Штурм Зимнего дворца", "十月革命", "Oktyabrskaya revolyutsiya"]),
    );
    const again = await runCli("src/cli/import.ts", { CONTENT_DIR: content }, ["--format", "csv", list]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `created ${shown(path.join(content, "events", "1917-11-07-oktyabrskaya-revolyutsiya-2.md"))}: Oktyabrskaya revolyutsiya`,
    );
    expect(again.stdout).toContain('"Штурм Зимнего дворца" (1917-11-07) is already there: ');
    expect(again.stdout.trimEnd().split("\n").at(-1)).toBe("created 1, skipped 3, failed 0.");
    expect(await readdir(path.join(content, "events"))).toHaveLength(4);
    expect((await runCli("src/cli/check.ts", { CONTENT_DIR: content })).code).toBe(0);
  });

  it("npm run new gives a title whose slug another entry has the next free one, and refuses the same day and title", async () => {
    const content = path.join(work, "new");
    const make = async (title: string) => {
      const run = await runCli("src/cli/new.ts", { CONTENT_DIR: content }, ["--date", "1957-10-04", "--title", title]);
      return { code: run.code, stdout: run.stdout, stderr: run.stderr };
    };
    const events = path.join(content, "events");
    // npm run new names files after the title alone, and says which day it understood.
    const understood = "Understood the date as 4 October 1957 (ISO 1957-10-04).\n";
    expect(await make("Sputnik")).toEqual({
      code: 0,
      stdout: `${shown(path.join(events, "sputnik.md"))}\n`,
      stderr: understood,
    });
    expect(await make("Спутник")).toEqual({
      code: 0,
      stdout: `${shown(path.join(events, "sputnik-2.md"))}\n`,
      stderr: understood,
    });
    const same = await make("СПУТНИК!");
    expect(same.code).toBe(1);
    expect(same.stderr).toBe(
      `${shown(path.join(events, "sputnik-2.md"))} already has this day and title: nothing was written (edit that file, or choose another title)\n`,
    );
    expect((await readdir(events)).sort()).toEqual(["sputnik-2.md", "sputnik.md"]);
  });
});

describe("slug length", COMMANDS, () => {
  const entry = (title: string, extra = "") =>
    `---\ntitle: ${title}\ndate: 1957-10-04\nsummary: The first artificial satellite.\n${extra}sources:\n  - title: A source\n---\nBody.\n`;
  const tooLong = `${"a".repeat(125)}-${"b".repeat(125)}`;

  it(`refuses a ${tooLong.length}-character file name in check and build, naming the file, the limit and a shorter name`, async () => {
    expect(tooLong).toHaveLength(251);
    const content = path.join(work, "too-long");
    await mkdir(path.join(content, "events"), { recursive: true });
    const file = path.join(content, "events", `${tooLong}.md`);
    await writeFile(file, entry("Sputnik 1"));
    await writeFile(
      path.join(content, "events", "related.md"),
      entry("Sputnik 2", `related:\n  - event: ${"c".repeat(SLUG_MAX + 1)}\n`),
    );
    const message = `${shown(file)}: the file name "${tooLong}.md" is 251 characters before .md, more than the ${SLUG_MAX} a slug may have (rename it to "${"a".repeat(SLUG_MAX)}.md": the slug names the event's page and api/v1/events/<slug>.json, which every file system must be able to hold)`;
    const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${message}\n`);
    expect(check.stderr).toContain(
      `related[0].event: "${"c".repeat(SLUG_MAX + 1)}" is longer than the ${SLUG_MAX} characters a slug may have, so no entry has it`,
    );

    const site = path.join(work, "too-long-site");
    const build = await buildSite(content, site);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(message);
    expect(build.stderr).not.toContain("ENAMETOOLONG");
    expect(existsSync(site)).toBe(false);
  });

  it(`builds the longest slug allowed (${SLUG_MAX} characters) and topics in several scripts, each topic page with only its events`, async () => {
    const content = path.join(work, "longest");
    await mkdir(path.join(content, "events"), { recursive: true });
    const longest = `${"x".repeat(49)}-${"y".repeat(50)}`;
    expect(longest).toHaveLength(SLUG_MAX);
    await writeFile(path.join(content, "events", `${longest}.md`), entry("Sputnik 1", "topics: [Sputnik]\n"));
    await writeFile(path.join(content, "events", "long-march.md"), entry("The Long March", "topics: [长征]\n"));
    await writeFile(path.join(content, "events", "great-wall.md"), entry("The Great Wall", "topics: [长城]\n"));
    // The event documents too, whose file names are the slug and ".json".
    await writeFile(path.join(content, "site.json"), JSON.stringify({ api: { eventDocuments: true } }));
    const site = path.join(work, "longest-site");
    const build = await buildSite(content, site);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(existsSync(path.join(site, "api", "v1", "events", `${longest}.json`))).toBe(true);
    expect(existsSync(path.join(site, "events", longest, "index.html"))).toBe(true);

    const index = loadPage(site, "/topics/");
    const links = index(".topic-list a")
      .toArray()
      .map((a) => [index(a).text().trim(), index(a).attr("href")!] as const);
    expect(links.map(([name]) => name).sort()).toEqual(["Sputnik", "长城", "长征"].sort());
    expect(new Set(links.map(([, href]) => href)).size).toBe(3);
    const own = { Sputnik: `/events/${longest}/`, 长征: "/events/long-march/", 长城: "/events/great-wall/" } as Record<
      string,
      string
    >;
    for (const [name, href] of links) {
      const page = loadPage(site, href);
      expect(page("h1").text()).toBe(name);
      expect(
        page(".dated-list a")
          .toArray()
          .map((a) => page(a).attr("href")),
      ).toEqual([own[name]]);
      const event = loadPage(site, own[name]!);
      expect(
        event(".topic-tags a")
          .toArray()
          .map((a) => event(a).attr("href")),
      ).toEqual([href]);
    }
  });
});
