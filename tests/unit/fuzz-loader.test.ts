// Property-based tests of the entry loader: whatever a pull request puts in an
// entry file (garbage text, random bytes, random YAML structures, valid fields
// with the wrong types), parseEntry and loadEntries answer with an entry or
// with problems an editor can act on. They never throw, every problem names
// the file it was given, says what is wrong, is an error, and a field it names
// is one the schema knows or the unknown field's own name.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import matter from "gray-matter";
import jsYaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { loadEntries } from "../../src/content/load.ts";
import { type ParseResult, parseEntry } from "../../src/content/parse-entry.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import { frontMatterSchema, photoSchema, relatedSchema, sourceSchema } from "../../src/content/schema.ts";
import { makeTempDir, writeFiles } from "../support/helpers.ts";

const FILE = "content/events/fuzzed.md";
const FILE_NAME = "fuzzed.md";

/** The fields of each kind of object in the schema, read from the schema itself. */
const shapeKeys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);
const ENTRY_FIELDS = shapeKeys(frontMatterSchema);
const PHOTO_FIELDS = shapeKeys(photoSchema);
const SOURCE_FIELDS = shapeKeys(sourceSchema);
const RELATED_FIELDS = shapeKeys(relatedSchema);

/** Every field path the schema knows, as problems spell them: "photo.alt", "sources[3].url". */
const KNOWN_FIELD = new RegExp(
  "^(?:" +
    [
      ...ENTRY_FIELDS.filter((f) => !["topics", "photo", "photos", "related", "sources"].includes(f)),
      "topics(?:\\[\\d+\\])?",
      `photo(?:\\.(?:${PHOTO_FIELDS.join("|")}))?`,
      `photos(?:\\[\\d+\\](?:\\.(?:${PHOTO_FIELDS.join("|")}))?)?`,
      `related(?:\\[\\d+\\](?:\\.(?:${RELATED_FIELDS.join("|")}))?)?`,
      `sources(?:\\[\\d+\\](?:\\.(?:${SOURCE_FIELDS.join("|")}))?)?`,
    ].join("|") +
    ")$",
);

/**
 * Names of Object.prototype's properties. An unknown field with one of these
 * names makes parseEntry throw (see the it.fails property below), so the
 * general properties leave them out; fast-check's string generators produce
 * them on purpose, which would make every property fail on that one bug.
 */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_NAME = new RegExp(PROTOTYPE_NAMES.join("|"));
const safeKey = fc.string().filter((k) => !PROTOTYPE_NAMES.includes(k));

/** The data a YAML front-matter holds, as either of the loader's two parsers reads it; undefined when neither can. */
function readYaml(matter: string): unknown[] {
  const readings: unknown[] = [];
  try {
    readings.push(jsYaml.load(matter, { schema: jsYaml.CORE_SCHEMA }));
  } catch {
    // not readable by js-yaml
  }
  try {
    readings.push(parseYaml(matter, { schema: "core", maxAliasCount: 100, logLevel: "silent" }));
  } catch {
    // not readable by yaml
  }
  return readings;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** "field path of an unknown field" for every key of `data` the schema does not know, where the schema has objects. */
function unknownFieldPaths(data: unknown): Set<string> {
  const paths = new Set<string>();
  const add = (object: unknown, prefix: string, known: readonly string[]) => {
    if (!isRecord(object)) return;
    for (const key of Object.keys(object)) if (!known.includes(key)) paths.add(prefix + key);
  };
  if (!isRecord(data)) return paths;
  add(data, "", ENTRY_FIELDS);
  add(data.photo, "photo.", PHOTO_FIELDS);
  const each = (list: unknown, name: string, known: readonly string[]) => {
    if (Array.isArray(list)) list.forEach((item, i) => add(item, `${name}[${i}].`, known));
  };
  each(data.photos, "photos", PHOTO_FIELDS);
  each(data.related, "related", RELATED_FIELDS);
  each(data.sources, "sources", SOURCE_FIELDS);
  return paths;
}

/** The front-matter text, split off by gray-matter as the loader does. */
function frontMatterOf(text: string): string {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return (matter(source, { engines: { yaml: () => ({}) } }) as { matter?: string }).matter ?? "";
}

function lineCount(text: string): number {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n").length;
}

/** The loader's contract for one file; throws (failing the property) with the offending problem. */
function expectWellFormed(
  result: ParseResult,
  text: string,
  file: string,
  data: readonly unknown[] = readYaml(frontMatterOf(text)),
): void {
  if (result.entry) {
    expect(result.problems).toEqual([]);
    expect(result.entry.file).toBe(file);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  const unknown = new Set(data.flatMap((d) => [...unknownFieldPaths(d)]));
  for (const problem of result.problems) expectGoodProblem(problem, file, lineCount(text), unknown);
}

function expectGoodProblem(problem: ContentProblem, file: string, lines: number, unknown: ReadonlySet<string>): void {
  const shown = JSON.stringify(problem);
  expect(problem.file, shown).toBe(file);
  expect(problem.severity, shown).toBe("error");
  expect(typeof problem.message, shown).toBe("string");
  expect(problem.message.trim(), shown).not.toBe("");
  if (problem.fix !== undefined) expect(problem.fix.trim(), shown).not.toBe("");
  if (problem.line !== undefined) {
    expect(
      Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lines,
      `line out of the file (${lines} lines): ${shown}`,
    ).toBe(true);
  }
  if (problem.field !== undefined) {
    expect(
      KNOWN_FIELD.test(problem.field) || unknown.has(problem.field),
      `field is neither known nor an unknown field's name: ${shown}`,
    ).toBe(true);
  }
}

/** parseEntry, turning a throw into a failure that shows the input. */
function parse(text: string, file = FILE, fileName = FILE_NAME): ParseResult {
  try {
    return parseEntry(text, file, fileName);
  } catch (error) {
    throw new Error(`parseEntry threw on ${JSON.stringify(text.slice(0, 500))}: ${(error as Error).stack}`);
  }
}

const frontMatter = (yamlText: string, body = "Body.\n") =>
  `---\n${yamlText}${yamlText.endsWith("\n") ? "" : "\n"}---\n${body}`;

// Generators ---------------------------------------------------------------

/** Any value YAML can hold, keys kept clear of Object.prototype's names. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.object({ key: safeKey, maxDepth: 3 }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "2018-06-12",
    "-0043-03-15",
    "2019-02-29",
    "javascript:alert(1)",
    "https://example.org/",
    "../../etc/passwd",
    "<script>",
  ),
);

const validDate = fc
  .tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(
    ([y, m, d]) =>
      `${y < 0 ? "-" : ""}${String(Math.abs(y)).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  );
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "" && !PROTOTYPE_NAME.test(s));
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom("javascript:alert(1)", "//evil.example", "data:text/html,x", "not a url", ""),
);

/** A value of the right type most of the time, anything at all otherwise. */
const maybeWrong = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: right }, { weight: 1, arbitrary: anyValue });

const photo = fc.record(
  {
    src: maybeWrong(fc.constantFrom("photo.jpg", "../outside.jpg", "/etc/passwd", "")),
    alt: maybeWrong(text),
    caption: maybeWrong(text),
    photographer: maybeWrong(text),
    location: maybeWrong(text),
    source: maybeWrong(text),
    sourceUrl: maybeWrong(url),
    license: maybeWrong(text),
    licenseUrl: maybeWrong(url),
  },
  { requiredKeys: [] },
);
const related = fc.record(
  {
    event: maybeWrong(fc.constantFrom("another-entry", "Not A Slug", "")),
    date: maybeWrong(validDate),
    text: maybeWrong(text),
  },
  { requiredKeys: [] },
);
const source = fc.record({ title: maybeWrong(text), url: maybeWrong(url) }, { requiredKeys: [] });

/** Valid fields mixed with wrong types, missing fields and unknown ones. */
const mixedEntry = fc
  .tuple(
    fc.record(
      {
        title: maybeWrong(text),
        date: maybeWrong(validDate),
        kind: maybeWrong(fc.constantFrom("event", "birth", "death", "holiday", "Event", "<script>")),
        summary: maybeWrong(text),
        location: maybeWrong(text),
        topics: maybeWrong(fc.array(maybeWrong(text), { maxLength: 4 })),
        photo: maybeWrong(photo),
        photos: maybeWrong(fc.array(maybeWrong(photo), { maxLength: 3 })),
        related: maybeWrong(fc.array(maybeWrong(related), { maxLength: 3 })),
        sources: maybeWrong(fc.array(maybeWrong(source), { maxLength: 3 })),
        added: maybeWrong(validDate),
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(safeKey, anyValue, { maxKeys: 3 }),
  )
  .map(([known, extra]) => ({ ...extra, ...known }));

/** Text made of YAML's own punctuation and the schema's words: parser edge cases. */
const yamlTokens = fc
  .array(
    fc.constantFrom(
      "---",
      "...",
      ":",
      ": ",
      "- ",
      "[",
      "]",
      "{",
      "}",
      ",",
      "&a ",
      "*a",
      "*b",
      "!!str ",
      "!!js/function ",
      "!<x> ",
      "|",
      "|-",
      ">",
      "#",
      "'",
      '"',
      "\\",
      "\n",
      "  ",
      "    ",
      "\t",
      "\r",
      "\r\n",
      "\uFEFF",
      "? ",
      "<<: *a",
      "%YAML 1.2\n",
      "title",
      "date",
      "summary",
      "photo",
      "photos",
      "sources",
      "related",
      "src",
      "url",
      "alt",
      "2018-06-12",
      "x",
      "~",
      "null",
      "0x1F",
    ),
    { maxLength: 60 },
  )
  .map((tokens) => tokens.join(""));

const notEmptyOrPrototype = (t: string) => t.replace(/^\uFEFF/, "") !== "" && !PROTOTYPE_NAME.test(t);

/** FUZZ_RUNS=5000 for a longer hunt; 300 keeps the file at a few seconds. */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS) || 300 };

// Properties ---------------------------------------------------------------

describe("parseEntry on hostile and random input", () => {
  it("answers any string, as a whole file, with an entry or well-formed problems", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }).filter(notEmptyOrPrototype), (input) => {
        expectWellFormed(parse(input), input, FILE);
      }),
      RUNS,
    );
  });

  it("answers any string as the front-matter", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }).filter(notEmptyOrPrototype), (matter) => {
        const input = frontMatter(matter);
        expectWellFormed(parse(input), input, FILE);
      }),
      RUNS,
    );
  });

  it("answers random bytes decoded as UTF-8", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, fenced) => {
        const decoded = Buffer.from(bytes).toString("utf8");
        const input = fenced ? frontMatter(decoded) : decoded;
        fc.pre(notEmptyOrPrototype(input));
        expectWellFormed(parse(input), input, FILE);
      }),
      RUNS,
    );
  });

  it("answers random YAML structures (fc.object and fc.jsonValue through yaml's stringify)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.object({ key: safeKey }), fc.jsonValue()),
        fc.string({ unit: "binary", maxLength: 100 }),
        (value, body) => {
          const input = frontMatter(stringify(value), body);
          fc.pre(!PROTOTYPE_NAME.test(input));
          expectWellFormed(parse(input), input, FILE);
        },
      ),
      RUNS,
    );
  });

  it("answers valid fields mixed with wrong types, missing fields and unknown fields, naming each field", () => {
    fc.assert(
      fc.property(mixedEntry, (value) => {
        const yamlText = stringify(value);
        const input = frontMatter(yamlText);
        fc.pre(!PROTOTYPE_NAME.test(input));
        const result = parse(input);
        const data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA });
        expectWellFormed(result, input, FILE, [data]);
        // Every unknown field is reported by its name (an empty name is reported by its line only).
        const unknown = [...unknownFieldPaths(data)].filter((field) => field !== "" && !field.endsWith("."));
        for (const field of unknown)
          expect(
            result.problems.map((p) => p.field),
            `unknown field ${field}`,
          ).toContain(field);
      }),
      RUNS,
    );
  });

  it("answers text made of YAML punctuation and the schema's words", () => {
    fc.assert(
      fc.property(yamlTokens.filter(notEmptyOrPrototype), (matter) => {
        const input = frontMatter(matter);
        expectWellFormed(parse(input), input, FILE);
      }),
      RUNS,
    );
  });

  it("reports the file it was given, whatever its name and path", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.string({ maxLength: 200 }),
        (file, fileName, matter) => {
          const input = frontMatter(matter);
          fc.pre(notEmptyOrPrototype(input));
          const result = parse(input, file, fileName);
          for (const problem of result.problems) expect(problem.file).toBe(file);
          if (result.entry) expect(result.entry.file).toBe(file);
        },
      ),
      RUNS,
    );
  });

  // Regression: field names such as "toString" or "constructor" once crashed the
  // field lookup (Object.prototype's members taken for schemas).
  it("answers unknown fields named like Object.prototype's properties with a problem naming them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOTYPE_NAMES),
        fc.constantFrom("", "photo", "sources"),
        anyValue,
        (key, parent, value) => {
          const fields: Record<string, unknown> = { title: "T", date: "2018-06-12", summary: "S." };
          // defineProperty, because assigning to "__proto__" would set the prototype rather than add a field.
          if (parent === "")
            Object.defineProperty(fields, key, { value, enumerable: true, configurable: true, writable: true });
          else if (parent === "photo")
            fields.photo = { alt: "A", photographer: "P", source: "S", license: "L", [key]: value };
          else fields.sources = [{ title: "T", [key]: value }];
          // stringify writes "__proto__" as an ordinary key; JSON.parse keeps it an own property.
          const input = frontMatter(stringify(JSON.parse(JSON.stringify(fields))));
          const result = parse(input);
          expectWellFormed(result, input, FILE);
          const field = parent === "" ? key : parent === "photo" ? `photo.${key}` : `sources[0].${key}`;
          expect(result.problems.map((p) => p.field)).toContain(field);
        },
      ),
      { numRuns: 50 },
    );
  });

  // Regression: a front-matter that is one !!binary value is read as a Buffer,
  // which once reached the schema as if it were a group of fields.
  it("answers a front-matter that is a single !!binary value with a problem", () => {
    for (const input of [frontMatter("!!binary "), frontMatter("!!binary aGk=")]) {
      const result = parse(input);
      expect(result.entry).toBeUndefined();
      expectWellFormed(result, input, FILE);
    }
  });

  // Regression: gray-matter gives an empty text no `matter`, which once crashed the build.
  it("answers an empty file, or one with only a byte-order mark, with a problem", () => {
    for (const input of ["", "\uFEFF"]) {
      const result = parse(input);
      expect(result.entry).toBeUndefined();
      expectWellFormed(result, input, FILE);
    }
  });
});

describe("loadEntries on folders of hostile and random files", () => {
  const fileContent = fc.oneof(
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("utf8")),
    fc.oneof(fc.object({ key: safeKey }), fc.jsonValue()).map((v) => frontMatter(stringify(v))),
    mixedEntry.map((v) => frontMatter(stringify(v))),
    yamlTokens.map((t) => frontMatter(t)),
  );
  const fileName = fc.oneof(
    fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[/\\\0]/g, "_"))
      .filter((s) => s !== "." && s !== ".."),
  );
  const folder = fc.uniqueArray(fc.tuple(fileName, fc.constantFrom("", "sub/", "a/b/"), fileContent), {
    minLength: 1,
    maxLength: 6,
    selector: ([name, dir]) => `${dir}${name}.md`.toLowerCase(),
  });

  it("answers every folder with entries and well-formed problems, each naming one of the files", {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(folder, async (files) => {
        fc.pre(files.every(([, , content]) => notEmptyOrPrototype(content)));
        const root = await makeTempDir("onthisday-fuzz-");
        const written = Object.fromEntries(files.map(([name, dir, content]) => [`events/${dir}${name}.md`, content]));
        await writeFiles(root, written);
        const display = (relative: string) => path.relative(process.cwd(), path.join(root, ...relative.split("/")));
        const shown = new Map(Object.keys(written).map((relative) => [display(relative), relative]));

        let result;
        try {
          result = await loadEntries(root);
        } catch (error) {
          throw new Error(`loadEntries threw on ${JSON.stringify(written).slice(0, 1000)}: ${(error as Error).stack}`);
        }
        const unknownByFile = new Map(
          [...shown].map(([file, relative]) => {
            const content = readFileSync(path.join(root, relative), "utf8");
            return [
              file,
              { content, unknown: new Set(readYaml(frontMatterOf(content)).flatMap((d) => [...unknownFieldPaths(d)])) },
            ];
          }),
        );
        for (const problem of result.problems) {
          const source = unknownByFile.get(problem.file);
          expect(source, `problem names a file that was not written: ${JSON.stringify(problem)}`).toBeDefined();
          expectGoodProblem(problem, problem.file, lineCount(source!.content), source!.unknown);
        }
        // Each file gives an entry or at least one problem naming it.
        const loaded = new Set(result.entries.map((e) => e.file));
        const named = new Set(result.problems.map((p) => p.file));
        for (const file of shown.keys()) expect(loaded.has(file) || named.has(file), `${file} vanished`).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
