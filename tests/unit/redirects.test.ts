// Former addresses: the redirects the archive makes of entries' aliases, the
// _redirects file each host reads, and the check's rules for aliases.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArchiveEvent, redirectsOf } from "../../src/archive/archive.ts";
import { redirectsFile } from "../../src/build/redirects-file.ts";
import { aliasProblems, CLOUDFLARE_STATIC_REDIRECTS } from "../../src/content/aliases.ts";
import { importEntries } from "../../src/importers/import-entries.ts";

const event = (slug: string, title: string, aliases: string[]) =>
  ({ slug, title, url: `/events/${slug}/`, aliases }) as unknown as ArchiveEvent;

const archive = {
  redirects: redirectsOf([
    event("battle-of-marathon", "Battle of Marathon", ["490-bc-09-12-battle-of-marathon", "marathon"]),
    event("caesar", "Julius Caesar is assassinated", []),
  ]),
};

describe("redirects", () => {
  it("lead each alias of each event to its page, in the events' order", () => {
    expect(archive.redirects).toEqual([
      {
        url: "/events/490-bc-09-12-battle-of-marathon/",
        to: "/events/battle-of-marathon/",
        title: "Battle of Marathon",
      },
      { url: "/events/marathon/", to: "/events/battle-of-marathon/", title: "Battle of Marathon" },
    ]);
  });

  it("make a 301 rule each in _redirects, under the path prefix", () => {
    expect(redirectsFile(archive, { pathPrefix: "/history/" }, { netlify: false })!.split("\n").slice(1)).toEqual([
      "/history/events/490-bc-09-12-battle-of-marathon/ /history/events/battle-of-marathon/ 301",
      "/history/events/marathon/ /history/events/battle-of-marathon/ 301",
      "",
    ]);
  });

  it("are forced on Netlify, which would otherwise serve the redirect page that exists at the old address", () => {
    const lines = redirectsFile(archive, { pathPrefix: "/" }, { netlify: true })!.split("\n");
    expect(lines[0]).toMatch(/^# /);
    expect(lines.slice(1)).toEqual([
      "/events/490-bc-09-12-battle-of-marathon/ /events/battle-of-marathon/ 301!",
      "/events/marathon/ /events/battle-of-marathon/ 301!",
      "",
    ]);
  });

  it("leave out _redirects when no entry has an alias", () => {
    expect(redirectsFile({ redirects: [] }, { pathPrefix: "/" }, { netlify: false })).toBeUndefined();
  });
});

describe("aliasProblems", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "onthisday-aliases-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(`warns at the alias past Cloudflare's ${CLOUDFLARE_STATIC_REDIRECTS} rules, once, and not before`, async () => {
    const aliases = Array.from({ length: CLOUDFLARE_STATIC_REDIRECTS + 5 }, (_, i) => `old-${i}`);
    const file = path.join(dir, "many.md");
    await writeFile(file, `---\ntitle: Many\naliases:\n${aliases.map((a) => `  - ${a}\n`).join("")}---\n`);
    const entry = { slug: "many", file: "content/events/many.md", path: file, aliases };
    const problems = aliasProblems([entry]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "content/events/many.md",
      line: 4 + CLOUDFLARE_STATIC_REDIRECTS,
      field: `aliases[${CLOUDFLARE_STATIC_REDIRECTS}]`,
      severity: "warning",
    });
    expect(problems[0]!.message).toBe(
      "is alias number 2,001 of the archive: Cloudflare Pages applies only the first 2,000 rules of _redirects",
    );
    expect(aliasProblems([{ ...entry, aliases: aliases.slice(0, CLOUDFLARE_STATIC_REDIRECTS) }])).toEqual([]);
  });

  it("refuses an alias listed twice in one entry", async () => {
    const file = path.join(dir, "twice.md");
    await writeFile(file, "---\ntitle: Twice\naliases:\n  - old\n  - old\n---\n");
    const problems = aliasProblems([{ slug: "twice", file: "twice.md", path: file, aliases: ["old", "old"] }]);
    expect(problems).toEqual([
      {
        file: "twice.md",
        line: 5,
        field: "aliases[1]",
        message: '"old" is listed twice',
        fix: "remove one of the two",
        severity: "error",
      },
    ]);
  });
});

describe("importEntries", () => {
  it("never gives a new entry a slug that is an existing entry's alias", async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), "onthisday-import-aliases-"));
    try {
      await mkdir(path.join(content, "events"));
      await writeFile(
        path.join(content, "events", "apollo-11.md"),
        "---\ntitle: Apollo 11 lands on the Moon\ndate: 1969-07-20\nsummary: Eagle lands.\naliases:\n  - 1969-07-21-first-step\n---\n",
      );
      const entry = { title: "First step", date: { year: 1969, month: 7, day: 21 }, summary: "Armstrong steps out." };
      const report = await importEntries(
        [{ entries: [{ entry, origin: { file: "list.md", line: 1 } }], skipped: [], failed: [] }],
        {
          contentDir: content,
        },
      );
      expect(report.created.map((c) => path.basename(c.file))).toEqual(["1969-07-21-first-step-2.md"]);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });
});
