// One entry file → a validated entry, or every problem in it with its line.
// YAML is read with the core schema so that dates stay strings: the default
// schema would turn 2018-06-12 into a UTC Date and 0079 into 1979.
//
// Two YAML parsers, each for what it does best: js-yaml reads the common,
// valid file quickly; the `yaml` package, slower, is used only when something
// is wrong, because it reports every syntax error and every field's line, and
// caps how far aliases may expand.
import matter from "gray-matter";
import jsYaml from "js-yaml";
import { type Document, isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { detach } from "../util/detach.ts";
import { closestField, fieldHelp } from "./field-help.ts";
import { type ContentProblem, fieldPath } from "./problems.ts";
import { type FrontMatter, frontMatterSchema, photoSchema, relatedSchema } from "./schema.ts";
import { SLUG_MAX, SLUG_PATTERN, suggestSlug } from "./slugs.ts";

export interface Entry extends FrontMatter {
  /** The file name without .md: the event's URL and its id in `related`. */
  readonly slug: string;
  /** Path as the editor knows it (relative to the working folder). */
  readonly file: string;
  /** The Markdown body: the historical context. */
  readonly body: string;
}

/**
 * What a file with errors still gives the checks across files (related
 * slugs, photo files, the body), so that one run reports their problems too.
 * Only values that pass their own field's check are kept.
 */
export interface EntryParts {
  readonly body?: string | undefined;
  /** Each `related[index].event` that is a well-formed slug. */
  readonly related: readonly { readonly index: number; readonly event: string }[];
  /** Each photo `src` that is well-formed, with the field that holds it. */
  readonly photos: readonly { readonly field: readonly PropertyKey[]; readonly src: string }[];
}

export type ParseResult =
  | { entry: Entry; problems: []; parts?: undefined }
  | { entry?: undefined; problems: ContentProblem[]; parts?: EntryParts };

// Passing options also turns off gray-matter's cache, which would hand back a
// shared `data` object for identical texts.
const SPLIT_ONLY = { engines: { yaml: () => ({}) } };
const MAX_UNKNOWN_FIELDS_SHOWN = 10;

export function slugFromFileName(fileName: string): string {
  return fileName.replace(/\.md$/i, "");
}

export function parseEntry(text: string, file: string, fileName: string): ParseResult {
  const problems: ContentProblem[] = [];
  const error = (message: string, fix?: string, field?: string, line?: number) =>
    problems.push({ file, line, field, message, fix, severity: "error" });

  const slug = slugFromFileName(fileName);
  if (!SLUG_PATTERN.test(slug)) {
    error(
      `the file name "${fileName}" is not a valid slug`,
      `rename it to "${suggestSlug(slug)}.md": lowercase letters, digits and hyphens only`,
    );
  } else if (slug.length > SLUG_MAX) {
    error(
      `the file name "${fileName}" is ${slug.length} characters before .md, more than the ${SLUG_MAX} a slug may have`,
      `rename it to "${suggestSlug(slug)}.md": the slug names the event's page and api/v1/events/<slug>.json, which every file system must be able to hold`,
    );
  }

  const split = splitFrontMatter(text);
  if (split.matter.trim() && !split.closed) {
    error(
      "the front-matter has no closing '---' line",
      "add a line '---' after the last field, between the fields and the body",
      undefined,
      split.lineOffset + 1,
    );
    return { problems };
  }
  if (!split.matter?.trim()) {
    error(
      "has no front-matter",
      "start the file with a line '---', then the fields (title:, date:, summary:), then a line '---' and the body",
    );
    return { problems };
  }
  const bodyOnly: EntryParts = { body: split.content, related: [], photos: [] };
  let located: LocatedYaml | undefined;
  const locate = (uniqueKeys = false) => (located ??= parseLocated(split.matter, split.lineOffset, uniqueKeys));

  let data = quickParse(split.matter);
  if (data === undefined) {
    // js-yaml refused it (or it uses aliases): let the slower parser say every reason, duplicate keys included.
    const { doc, lineAt } = locate(true);
    if (doc.errors.length) {
      const seen = new Set<string>();
      for (const e of doc.errors) {
        const line = lineAt(e.pos[0]);
        const message = firstLine(e.message);
        if (seen.has(`${line}:${message}`)) continue;
        seen.add(`${line}:${message}`);
        error(`YAML syntax error: ${message}`, yamlFix(e.code), undefined, line);
      }
      return { problems, parts: bodyOnly };
    }
    try {
      data = markYamlTypes(doc.toJS({ maxAliasCount: 100 }));
    } catch (e) {
      error(
        `the front-matter cannot be read: ${(e as Error).message}`,
        "remove YAML aliases (*name) and anchors (&name)",
      );
      return { problems, parts: bodyOnly };
    }
  }
  if (!isPlainObject(data)) {
    error(
      "the front-matter is not a list of fields",
      "write one 'field: value' per line between the two '---' lines",
      undefined,
      locate().lineAt(0),
    );
    return { problems, parts: bodyOnly };
  }

  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...explainIssue(issue, data, file, locate()));
  }
  // zod may pass over a "__proto__" key without a word; it is no field of ours either.
  for (const at of protoKeyPaths(data)) {
    const field = fieldPath(at);
    if (problems.some((p) => p.field === field)) continue;
    problems.push({
      file,
      line: locate().lineAt(offsetOf(locate().doc, at) ?? 0),
      field,
      message: "is not a known field",
      fix: "remove it",
      severity: "error",
    });
  }
  if (problems.length || !result.success) return { problems, parts: { ...wellFormedParts(data), body: split.content } };
  return { entry: { ...result.data, slug, file, body: detach(split.content) }, problems: [] };
}

/** The related slugs and photo sources that pass their own checks, whatever else is wrong. */
function wellFormedParts(data: Record<string, unknown>): Omit<EntryParts, "body"> {
  const items = (value: unknown) => (Array.isArray(value) ? value : []);
  const related = items(data.related).flatMap((item, index) => {
    const event = relatedSchema.shape.event.safeParse(isPlainObject(item) ? item.event : undefined);
    return event.success && event.data !== undefined ? [{ index, event: event.data }] : [];
  });
  const photos = [
    { field: ["photo"], photo: data.photo },
    ...items(data.photos).map((photo, i) => ({ field: ["photos", i], photo })),
  ].flatMap(({ field, photo }) => {
    const src = photoSchema.shape.src.safeParse(isPlainObject(photo) ? photo.src : undefined);
    return src.success && src.data !== undefined ? [{ field: [...field, "src"], src: src.data }] : [];
  });
  return { related, photos };
}

/** The file line of a front-matter field, where the YAML shows it. */
export function lineOfField(text: string, path: readonly PropertyKey[]): number | undefined {
  const split = splitFrontMatter(text);
  const { doc, lineAt } = parseLocated(split.matter, split.lineOffset);
  const offset = offsetOf(doc, path);
  return offset === undefined ? undefined : lineAt(offset);
}

/** Front-matter and body, with line endings made Unix and the front-matter's first line in the file. */
function splitFrontMatter(text: string): { matter: string; content: string; lineOffset: number; closed: boolean } {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const split = matter(source, SPLIT_ONLY);
  // gray-matter gives an empty text no `matter` at all.
  const front = split.matter ?? "";
  const lineOffset = countLines(source.slice(0, Math.max(0, source.indexOf(front))));
  // gray-matter takes a file without its closing "\n---" as all front-matter.
  const closed = !source.startsWith("---") || source.indexOf("\n---", 3) !== -1;
  return { matter: front, content: split.content ?? "", lineOffset, closed };
}

/**
 * The fast path: js-yaml's result, or undefined when the slow path must look
 * (a syntax error, or aliases, which js-yaml shares instead of copying and
 * which could make validation walk the same data exponentially often).
 */
function quickParse(yamlText: string): unknown {
  try {
    const data: unknown = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA });
    return sharesObjects(data) ? undefined : data;
  } catch {
    return undefined;
  }
}

/** Where a "__proto__" key stands: kept as a field, or (by a YAML parser) made the object's prototype. */
function protoKeyPaths(value: unknown, at: PropertyKey[] = []): PropertyKey[][] {
  if (value === null || typeof value !== "object") return [];
  const prototype = Object.getPrototypeOf(value);
  const replaced = !Array.isArray(value) && prototype !== Object.prototype && prototype !== null;
  return [
    ...(replaced || Object.hasOwn(value, "__proto__") ? [[...at, "__proto__"]] : []),
    ...Object.entries(value).flatMap(([key, inner]) =>
      key === "__proto__" ? [] : protoKeyPaths(inner, [...at, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

/**
 * The YAML 1.1 types the `yaml` package still makes from explicit tags (js-yaml's
 * core schema refuses them, which sends such a file here). No field holds one,
 * and the schema would take a Date, Set or byte array for a group of fields:
 * each is replaced by a marker the schema refuses, which names the tag.
 * (`!!merge` gives a symbol, which the schema already refuses.)
 */
const YAML_TYPES = [
  { tag: "!!binary", what: "binary data", is: (value: object) => value instanceof Uint8Array },
  { tag: "!!timestamp", what: "a YAML timestamp", is: (value: object) => value instanceof Date },
  { tag: "!!set", what: "a YAML set", is: (value: object) => value instanceof Set },
  { tag: "!!omap", what: "an ordered map", is: (value: object) => value instanceof Map },
].map((type) => ({ ...type, marker: Symbol(type.tag) }));

function yamlTypeOf(marker: symbol): { tag: string; what: string } {
  return YAML_TYPES.find((type) => type.marker === marker) ?? { tag: "!!merge", what: "a merge key" };
}

function markYamlTypes(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const type = YAML_TYPES.find((t) => t.is(value));
  if (type) return type.marker;
  for (const [key, inner] of Object.entries(value)) {
    const marked = markYamlTypes(inner);
    if (marked !== inner) Object.defineProperty(value, key, { value: marked });
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function sharesObjects(data: unknown, seen = new Set<object>()): boolean {
  if (data === null || typeof data !== "object") return false;
  if (seen.has(data)) return true;
  seen.add(data);
  return Object.values(data).some((value) => sharesObjects(value, seen));
}

interface LocatedYaml {
  readonly doc: Document;
  readonly lineAt: (offset: number) => number;
  /** The line of the front-matter's opening '---' (the YAML text starts on it): where a missing field is reported. */
  readonly openingLine: number;
}

/** `uniqueKeys` costs time that grows with the square of the fields: only asked for when js-yaml has not already checked. */
function parseLocated(yamlText: string, lineOffset: number, uniqueKeys = false): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { schema: "core", uniqueKeys, lineCounter: lines, prettyErrors: false });
  return { doc, lineAt: (offset) => lines.linePos(offset).line + lineOffset, openingLine: lineOffset + 1 };
}

function explainIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string,
  { doc, lineAt, openingLine }: LocatedYaml,
): ContentProblem[] {
  const at = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? openingLine : lineAt(offset);
  };
  const problem = (path: readonly PropertyKey[], message: string, fix?: string): ContentProblem => ({
    file,
    line: at(path),
    field: fieldPath(path) || undefined,
    message,
    fix,
    severity: "error",
  });
  const path = issue.path;
  const help = fieldHelp(frontMatterSchema, path);
  const value = valueAt(data, path);
  const example = help.example ? `e.g. ${help.example}` : help.description;

  if (typeof value === "symbol") {
    // A YAML tag made the value something no field holds (see YAML_TYPES).
    const expected = issue.code === "invalid_type" ? describeType(issue.expected) : "text";
    const tag = yamlTypeOf(value).tag;
    return [
      problem(
        path,
        `must be ${expected}, not ${describeValue(value)}`,
        `remove the ${tag} tag${help.example ? `, e.g. ${help.example}` : ""}`,
      ),
    ];
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      // A file with thousands of unknown fields is not a typo: name the first few, count the rest.
      const shown = issue.keys.slice(0, MAX_UNKNOWN_FIELDS_SHOWN);
      const more = issue.keys.length - shown.length;
      const problems = shown.map((key) => {
        const known = fieldHelp(frontMatterSchema, [...path, key]).siblings ?? [];
        const guess = closestField(key, known);
        return problem(
          [...path, key],
          "is not a known field",
          guess ? `did you mean "${guess}"?` : `remove it, or use one of: ${known.join(", ")}`,
        );
      });
      if (more > 0)
        problems.push(problem(path, `has ${more} more unknown fields`, "remove every field the README does not list"));
      return problems;
    }
    case "invalid_type":
      if (value === undefined) return [problem(path, "is missing", `add it, ${example ?? "see the README"}`)];
      if (value === null) return [problem(path, "is empty", `fill it in, ${example ?? "or remove the line"}`)];
      return [problem(path, `must be ${describeType(issue.expected)}, not ${describeValue(value)}`, example)];
    case "too_small":
      return [problem(path, "is empty", `fill it in, ${example ?? "or remove the line"}`)];
    case "too_big":
      if (Array.isArray(value)) {
        return [
          problem(path, `has ${value.length} items; the limit is ${issue.maximum}`, "keep the most telling ones"),
        ];
      }
      return [
        problem(
          path,
          `is ${String(value).length} characters long; the limit is ${issue.maximum}`,
          "shorten it and move the detail into the body",
        ),
      ];
    case "invalid_value":
      return [problem(path, `"${String(value)}" is not allowed`, `use one of: ${issue.values.map(String).join(", ")}`)];
    case "custom": {
      const fix = (issue.params as { fix?: string } | undefined)?.fix;
      return [problem(path, issue.message, fix)];
    }
    default:
      return [problem(path, issue.message, example)];
  }
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (depth === path.length && depth > 0) {
      // A key that exists (even with an empty value): point at the key itself.
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === prefix.at(-1));
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) return range[0];
      }
    }
    const node = depth === 0 ? doc.contents : doc.getIn(prefix, true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range && depth > 0) return range[0];
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeType(expected: string): string {
  return (
    ({ string: "text", array: "a list", object: "a group of fields", number: "a number" } as Record<string, string>)[
      expected
    ] ?? expected
  );
}

function describeValue(value: unknown): string {
  if (typeof value === "symbol") {
    const type = yamlTypeOf(value);
    return `${type.what} (${type.tag})`;
  }
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return `text ("${value}")`;
  return `${typeof value} (${String(value)})`;
}

function yamlFix(code: string): string {
  if (code === "TAB_AS_INDENT")
    return "indent with spaces, not tabs: replace each tab at the start of the line by two spaces";
  if (code === "DUPLICATE_KEY") return "each field may appear only once; remove the repeated one";
  if (code === "BAD_INDENT" || code === "MISSING_CHAR")
    return "check the indentation and that every 'field: value' has its colon";
  return "check the quotes, colons and indentation on this line; put text that contains ': ' or '#' in quotes";
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function countLines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === "\n") n++;
  return n;
}
