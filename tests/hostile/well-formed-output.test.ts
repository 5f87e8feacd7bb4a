// Characters XML 1.0 or iCalendar cannot carry (and those a terminal obeys)
// never reach feed.xml, the sitemaps or calendar.ics: the check refuses them
// in every front-matter string and in the body, naming the field, the line
// and the code point, and the writers drop any that got through.
// (Every hostile build of tests/integration/hostile.test.ts reads its feed,
// sitemaps and calendar with well-formed.ts as well.)
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { icalendar } from "../../src/api/icalendar.ts";
import { buildArchive } from "../../src/archive/archive.ts";
import { metadataPlugin } from "../../src/eleventy/metadata-plugin.ts";
import type { EleventyConfig } from "../../src/eleventy/types.ts";
import { siteSchema } from "../../src/site.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";
import { calendarProblems, wellFormedProblems, xmlProblems } from "./well-formed.ts";

/** What once reached the feed or the calendar: ESC, BEL, VT, FF, a bare CR, C1 controls, noncharacters. */
const HOSTILE = "\u001b]0;owned\u0007 \u000b \u000c \r \u0085 \u009b31m \uFFFE \uFFFF \uFDD0 \u{1FFFE} \u{10FFFF}";
/** HOSTILE as a writer must put it out: without those characters. */
const STRIPPED = HOSTILE.replace(/[\u001b\u0007\u000b\u000c\r\u0085\u009b\uFFFE\uFFFF\uFDD0\u{1FFFE}\u{10FFFF}]/gu, "");
const site = { ...siteSchema.parse({}), url: "https://example.org" };

describe("the strict reading itself (well-formed.ts)", () => {
  it("finds what fast-xml-parser's XMLValidator and ical.js let through: U+FFFF, a form feed, ESC, C1 controls, character references", () => {
    const feed = (text: string) => `<?xml version="1.0" encoding="utf-8"?><feed><title>${text}</title></feed>`;
    // XMLValidator alone is not strict enough: it accepts all of these.
    for (const text of ["\uFFFF", "\u000c", "\u001b", "&#xFFFF;", "&#12;"])
      expect(XMLValidator.validate(feed(text))).toBe(true);
    expect(xmlProblems("feed.xml", feed("a \uFFFF b \u000c c &#12; d \u0085"))).toEqual([
      "feed.xml holds U+FFFF, which XML cannot carry",
      "feed.xml holds U+000C, which XML cannot carry",
      "feed.xml holds U+0085, which XML discourages",
      "feed.xml holds U+000C, which XML cannot carry (as a character reference)",
    ]);
    expect(xmlProblems("feed.xml", feed("Ünïcödé 十月革命 \u{1F680} \u2028 &amp; &#x1F680;"))).toEqual([]);
    expect(xmlProblems("feed.xml", "<feed><title>unclosed</feed>")).toHaveLength(1);

    const calendar = (summary: string) =>
      `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    // ical.js reads a bare CR, ESC and U+FFFF as text.
    expect(() => ICAL.parse(calendar("a\u001b\r\uFFFFb"))).not.toThrow();
    expect(calendarProblems(calendar("a\u001b\r\uFFFFb"))).toEqual([
      "calendar.ics line 4 holds U+001B",
      "calendar.ics line 4 holds U+000D",
      "calendar.ics line 4 holds U+FFFF",
    ]);
    expect(calendarProblems(calendar("Ünïcödé\t十月革命 \u{1F680}"))).toEqual([]);
  });
});

describe("the writers drop what their format cannot carry, even if the check let it through", () => {
  // Regression: U+FFFE and U+FFFF reached calendar.ics, and a bare CR would start a line of its own.
  it("calendar.ics: a title and summary full of controls and noncharacters", () => {
    const archive = buildArchive(
      [
        loadedEntry("hostile", ymd(2018, 6, 12), {
          title: `Title ${HOSTILE} end`,
          summary: `Summary ${HOSTILE}\nDTSTART:19700101`,
        }),
      ],
      {
        buildDate: ymd(2024, 2, 29),
      },
    );
    const raw = icalendar(archive, site);
    expect(calendarProblems(raw)).toEqual([]);
    const event = new ICAL.Component(ICAL.parse(raw)).getFirstSubcomponent("vevent")!;
    expect(event.getFirstPropertyValue("summary")).toBe(`2018: Title ${STRIPPED} end`);
    expect(event.getFirstPropertyValue("description")).toBe(
      `12 June 2018. Summary ${STRIPPED}\nDTSTART:19700101\nhttps://example.org/events/hostile/`,
    );
    expect(event.getAllProperties("dtstart")).toHaveLength(1);
  });

  // Regression: a title with U+FFFF made feed.xml invalid; ESC, BEL, VT, U+0085 and U+009B reached it.
  it("feed.xml (and any XML a template writes): the transform drops them", () => {
    const transforms = new Map<string, (content: string, outputPath: unknown) => string>();
    const config = {
      addPlugin: () => undefined,
      addGlobalData: () => undefined,
      addFilter: () => undefined,
      addTransform: (name: string, transform: (content: string, outputPath: unknown) => string) =>
        transforms.set(name, transform),
    } as unknown as EleventyConfig;
    metadataPlugin(config, { site });
    const feed = `<?xml version="1.0" encoding="utf-8"?>\n<feed><title>2018: ${HOSTILE}</title><content type="html">&lt;p&gt;${HOSTILE}&lt;/p&gt;</content></feed>\n`;
    const written = [...transforms.values()].reduce((text, transform) => transform(text, "/tmp/site/feed.xml"), feed);
    expect(xmlProblems("feed.xml", written)).toEqual([]);
    expect(written).toContain(`<title>2018: ${STRIPPED}</title>`);
    // HTML pages are not XML: left alone.
    expect([...transforms.values()].reduce((text, transform) => transform(text, "/tmp/site/index.html"), HOSTILE)).toBe(
      HOSTILE,
    );
  });
});

describe("entries holding them: refused by check and build, naming the file, line, field and code point", () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir("well-formed");
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const head = (title: string) =>
    `---\ntitle: "${title}"\ndate: 2018-06-12\nsummary: A summary.\nsources:\n  - title: A source\n---\n`;
  const files = {
    // Each of these passed check and build, and made feed.xml or calendar.ics invalid.
    "title-ffff.md": head("A title with U+FFFF \\uFFFF"),
    "title-c1.md": head("Next line \\u0085 and CSI \\u009B31m"),
    "body-form-feed.md": `${head("A form feed in the body")}First paragraph.\n\n\u000c\n\nA terminal escape \u001b]0;owned\u0007 and \uFFFE.\n`,
  };

  it("lists each one, and nothing is built", { timeout: 120_000 }, async () => {
    const content = path.join(work, "content");
    await mkdir(path.join(content, "events"), { recursive: true });
    await writeFile(
      path.join(content, "site.json"),
      JSON.stringify({ title: "Well-formed", url: "https://example.org" }),
    );
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(content, "events", file), text);
    const at = (file: string) => path.relative(REPO_ROOT, path.join(content, "events", file));
    const expected = [
      `${at("body-form-feed.md")}:10: body: contains the control character U+000C (remove it; only ordinary text belongs here)`,
      `${at("body-form-feed.md")}:12: body: contains the control character U+001B, the control character U+0007, the noncharacter U+FFFE (remove them; only ordinary text belongs here)`,
      `${at("title-c1.md")}:2: title: contains the control character U+0085 (remove it; only ordinary text belongs here)`,
      `${at("title-ffff.md")}:2: title: contains the noncharacter U+FFFF (remove it; only ordinary text belongs here)`,
    ];
    const check = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
    expect(check.code, check.stdout).toBe(1);
    expect(check.stderr.split("\n").filter((l) => l.startsWith(at("")))).toEqual(expected);

    const output = path.join(work, "site");
    const build = await buildSite(content, output);
    if (build.code === 0) expect(wellFormedProblems(output)).toEqual([]);
    expect(build.code).toBe(1);
    expect(build.stderr.split("\n").filter((l) => l.startsWith(at("")))).toEqual(expected);
    expect(build.stderr).toContain("Nothing was built");
  });
});
