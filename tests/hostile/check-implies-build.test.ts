// Whatever `npm run check` accepts, `npm run build` builds. Generated
// Markdown bodies (emphasis runs, nested lists and quotes, tables, links,
// long lines, any Unicode) near and past the check's limits: the entries the
// check refuses are set aside, and the rest must build with exit status 0.
// A build takes seconds, so each run batches many entries into one archive;
// when one fails, each entry is built alone to name the one that breaks it.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";

const ENTRIES_PER_BUILD = 40;
const RUNS = 3;

// Bodies ------------------------------------------------------------------

/** Mostly within the check's limits, sometimes far past them. */
const size = (usual: number, rare: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max: usual }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: rare }) },
  );

const word = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "Rome",
      "treaty",
      "1815",
      "Ünïcödé",
      "十月革命",
      "Октябрь",
      "مرحبا",
      "👩‍👩‍👧",
      "&amp;",
      "<b>x</b>",
      "\\*",
      "`code`",
      "a_b*c",
      "|",
      "---",
      "[x]",
      "www.example.org",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  // Any code point, controls and noncharacters included: the check refuses those.
  {
    weight: 1,
    arbitrary: fc.oneof(
      { weight: 20, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
    ),
  },
);
const text = fc.array(word, { minLength: 1, maxLength: 25 }).map((words) => words.join(" ").replace(/\n/g, " "));
const url = fc.constantFrom(
  "https://example.org/a",
  "https://example.org/a_(b)",
  "mailto:a@example.org",
  "/relative/page/",
  "javascript:alert(1)",
);

const emphasis = fc
  .tuple(size(40, 120), fc.constantFrom("*", "_", "**", "~~", "***"), text)
  .map(([n, mark, inner]) => `${mark.repeat(n)}${inner}${mark.repeat(n)}`);
const link = fc.tuple(text, url).map(([label, to]) => `[${label}](${to})`);
const longLine = fc.tuple(word, size(5_000, 30_000)).map(([w, n]) => `${w} `.repeat(n));
const paragraph = fc
  .array(fc.oneof(text, emphasis, link), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(" "));
const table = fc.tuple(size(30, 120), size(60, 140), word, fc.boolean()).map(([columns, rows, cell, shortRows]) => {
  const row = (c: string) => `|${` ${c.replace(/[|\n]/g, "")} |`.repeat(columns)}`;
  // Short rows are filled in by markdown-it: the cells the text does not show.
  return [
    row("h"),
    `|${"---|".repeat(columns)}`,
    ...Array.from({ length: rows }, () => (shortRows ? "x" : row(cell))),
  ].join("\n");
});
const image = url.map((to) => `![an image](${to})`);

/** A block, possibly inside lists and quotes nested `depth` deep. */
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 6, arbitrary: paragraph },
    { weight: 1, arbitrary: longLine },
    { weight: 2, arbitrary: table },
    {
      weight: 1,
      arbitrary: fc.oneof(
        { weight: 1, arbitrary: image },
        { weight: 4, arbitrary: text.map((t) => `![${t}](javascript:alert(1))`) },
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([n, t]) => `${"#".repeat(n)} ${t}`) },
    { weight: 1, arbitrary: text.map((t) => `\`\`\`\n${t}\n\`\`\``) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(size(12, 60), fc.constantFrom("> ", "- ", "1. ", "* "), tie("block"))
        .map(([n, marker, inner]) => nest(inner, marker, n)),
    },
  ),
})).block;

/** `inner` inside `times` lists or quotes. */
function nest(inner: string, marker: string, times: number): string {
  let out = inner;
  for (let i = 0; i < times; i++) {
    const indent = marker === "> " ? "> " : " ".repeat(marker.length);
    out = out
      .split("\n")
      .map((line, j) => (j === 0 ? marker : indent) + line)
      .join("\n");
  }
  return out;
}

const body = fc.array(block, { minLength: 0, maxLength: 8 }).map((blocks) => `${blocks.join("\n\n")}\n`);

// The three bodies that once passed the check and broke the build.
const KNOWN_CRASHERS = [
  `${"*".repeat(8000)}x${"*".repeat(8000)}\n`,
  `${"|h".repeat(5000)}|\n${"|-".repeat(5000)}|\n${`${"| c ".repeat(5000)}|\n`.repeat(1000)}`,
  `${`${"|h".repeat(1000)}|\n${"|-".repeat(1000)}|\n${"a\n".repeat(65)}\n`.repeat(15)}`,
];

// Archives ----------------------------------------------------------------

let work: string;
let runs = 0;
beforeAll(async () => {
  work = await tempDir("check-build");
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
}, 60_000);

const fileOf = (i: number) => `generated-${String(i).padStart(3, "0")}.md`;
const entryText = (i: number, text: string) =>
  `---\ntitle: Generated entry ${i}\ndate: 1815-06-${String((i % 28) + 1).padStart(2, "0")}\nsummary: A generated body.\nsources:\n  - title: A source\n---\n${text}`;

async function archiveOf(name: string, bodies: readonly string[]): Promise<string> {
  const content = path.join(work, name, "content");
  await mkdir(path.join(content, "events"), { recursive: true });
  await writeFile(path.join(content, "site.json"), JSON.stringify({ title: "Generated", url: "https://example.org" }));
  await Promise.all(bodies.map((text, i) => writeFile(path.join(content, "events", fileOf(i)), entryText(i, text))));
  return content;
}

/** The entries `npm run check` refuses, by file name; it must answer, not crash. */
async function refusedByCheck(content: string): Promise<Set<string>> {
  const check = await runCli("src/cli/check.ts", {
    CONTENT_DIR: content,
    BUILD_DATE: "2024-02-29",
    NODE_OPTIONS: "--max-old-space-size=2048",
  });
  expect([0, 1], `npm run check did not answer:\n${check.stderr.slice(-2000)}`).toContain(check.code);
  return new Set([...check.stderr.matchAll(/(generated-\d{3}\.md)(?::\d+)?: (?!warning: )/g)].map((m) => m[1]!));
}

/** The bodies the check accepts, built together; on failure, the one entry that fails alone. */
async function checkThenBuild(bodies: readonly string[]): Promise<{ accepted: number }> {
  const name = `run-${++runs}`;
  const content = await archiveOf(name, bodies);
  const refused = await refusedByCheck(content);
  const accepted = bodies.flatMap((text, i) => (refused.has(fileOf(i)) ? [] : [text]));
  const checked = await archiveOf(`${name}-accepted`, accepted);
  expect(
    [...(await refusedByCheck(checked))],
    "the check refuses an archive of entries it accepted one by one",
  ).toEqual([]);
  const built = await buildSite(checked, path.join(work, name, "site"));
  if (built.code !== 0) {
    for (const [i, text] of accepted.entries()) {
      const alone = await archiveOf(`${name}-alone-${i}`, [text]);
      const run = await buildSite(alone, path.join(work, `${name}-alone-${i}`, "site"));
      expect(
        run.code,
        `the check accepts this body and the build fails:\n${JSON.stringify(text.slice(0, 2000))}\n${run.stderr.slice(0, 2000)}`,
      ).toBe(0);
    }
    expect(built.code, built.stderr.slice(0, 3000)).toBe(0);
  }
  return { accepted: accepted.length };
}

describe("check passes ⇒ build passes", () => {
  it(`the bodies that once broke the build are refused by the check`, { timeout: 120_000 }, async () => {
    const content = await archiveOf("known", KNOWN_CRASHERS);
    expect([...(await refusedByCheck(content))].sort()).toEqual(KNOWN_CRASHERS.map((_, i) => fileOf(i)));
  });

  it(`${RUNS} archives of ${ENTRIES_PER_BUILD} generated bodies, and the known crashers among ordinary ones: what the check accepts builds`, {
    timeout: 300_000,
  }, async () => {
    let accepted = 0;
    const ordinary = ["Plain text.\n", "Some *emphasis*, a [link](https://example.org/) and a list:\n\n- one\n- two\n"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(body, { minLength: ENTRIES_PER_BUILD, maxLength: ENTRIES_PER_BUILD }),
        async (bodies) => {
          accepted += (await checkThenBuild(bodies)).accepted;
        },
      ),
      { numRuns: RUNS, endOnFailure: true, examples: [[[...KNOWN_CRASHERS, ...ordinary]]] },
    );
    // The property says something only if the check accepts much of what it is given (about half, by design).
    expect(accepted).toBeGreaterThan((RUNS * ENTRIES_PER_BUILD) / 4);
  });
});
