// The issue forms in .github/ISSUE_TEMPLATE/ as GitHub reads them: its form
// schema, checked offline from GitHub's documentation ("Syntax for issue
// forms", "Syntax for GitHub's form schema" and "Common validation errors when
// creating issue forms", docs.github.com), and the fields the event pages'
// "Report an error" link fills.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, parseDocument, visit } from "yaml";
import { CORRECTION_FORM } from "../../src/archive/repository-links.ts";
import { KINDS } from "../../src/content/schema.ts";
import { REPO_ROOT } from "../support/commands.ts";

const FOLDER = path.join(REPO_ROOT, ".github/ISSUE_TEMPLATE");

interface Element {
  type: string;
  id?: string;
  attributes: Record<string, unknown>;
  validations?: Record<string, unknown>;
}
interface Form {
  name: string;
  description: string;
  body: Element[];
  [key: string]: unknown;
}

const TOP_LEVEL = ["name", "description", "title", "body", "assignees", "labels", "projects", "type"];
const ATTRIBUTES: Record<string, string[]> = {
  markdown: ["value"],
  textarea: ["label", "description", "placeholder", "value", "render"],
  input: ["label", "description", "placeholder", "value"],
  dropdown: ["label", "description", "multiple", "options", "default"],
  checkboxes: ["label", "description", "options"],
};
/** YAML 1.1 reads these as booleans, so GitHub refuses them as keys. */
const FORBIDDEN_KEYS = new Set(
  ["y", "yes", "n", "no", "true", "false", "on", "off"].flatMap((k) => [
    k,
    k.toUpperCase(),
    k[0]!.toUpperCase() + k.slice(1),
  ]),
);

/** Every problem GitHub's documented rules find in one form's text. */
function formProblems(text: string): string[] {
  const problems: string[] = [];
  const document = parseDocument(text);
  problems.push(...document.errors.map((e) => e.message));
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.source ?? pair.key.value)))
        problems.push(`forbidden key ${String(pair.key.value)}`);
    },
  });
  if (!isMap(document.contents)) return [...problems, "not a mapping"];
  const form = document.toJS() as Form;
  for (const key of Object.keys(form)) if (!TOP_LEVEL.includes(key)) problems.push(`${key} is not a permitted key`);
  for (const key of ["name", "description"] as const)
    if (typeof form[key] !== "string" || !form[key].trim()) problems.push(`${key} must be a non-empty string`);
  if (!Array.isArray(form.body) || form.body.length === 0) return [...problems, "body must be a non-empty list"];
  const ids = new Set<string>();
  const labels = new Set<string>();
  form.body.forEach((element, i) => {
    const at = `body[${i}]`;
    for (const key of Object.keys(element))
      if (!["type", "id", "attributes", "validations"].includes(key))
        problems.push(`${at}: ${key} is not a permitted key`);
    const permitted = ATTRIBUTES[element.type];
    if (!permitted) return problems.push(`${at}: ${element.type} is not a valid input type`);
    const attributes = element.attributes ?? {};
    for (const key of Object.keys(attributes))
      if (!permitted.includes(key)) problems.push(`${at}: ${key} is not a permitted attribute`);
    for (const [key, value] of Object.entries(attributes))
      if (typeof value === "string" && !value.trim()) problems.push(`${at}: ${key} is empty`);
    if (element.type === "markdown") {
      if (typeof attributes.value !== "string") problems.push(`${at}: required attribute key value is missing`);
      if (element.id !== undefined) problems.push(`${at}: a markdown element has no id`);
      return;
    }
    const label = attributes.label;
    if (typeof label !== "string") problems.push(`${at}: label must be a string`);
    else {
      // GitHub keys a field without an id by its label, parameterized as Rails does.
      const key = label
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, "-")
        .replace(/^-|-$/g, "");
      if (labels.has(key)) problems.push(`${at}: labels are too similar`);
      labels.add(key);
      if (/password/i.test(label)) problems.push(`${at}: label contains a forbidden word`);
    }
    if (element.id !== undefined) {
      if (!/^[A-Za-z0-9_-]+$/.test(element.id)) problems.push(`${at}: id can only contain numbers, letters, -, _`);
      if (ids.has(element.id)) problems.push(`${at}: body must have unique ids`);
      ids.add(element.id);
    }
    for (const [key, value] of Object.entries(element.validations ?? {}))
      if (key !== "required" || typeof value !== "boolean") problems.push(`${at}: validations.${key} is not permitted`);
    if (element.type === "dropdown") {
      const options = attributes.options as unknown[];
      if (!Array.isArray(options) || options.length === 0 || !options.every((o) => typeof o === "string"))
        problems.push(`${at}: options must be a non-empty list of strings`);
      else {
        if (new Set(options).size !== options.length) problems.push(`${at}: options must be unique`);
        if (options.some((o) => o.toLowerCase() === "none")) problems.push(`${at}: options must not include None`);
        const preset = attributes.default;
        if (
          preset !== undefined &&
          (!Number.isInteger(preset) || (preset as number) < 0 || (preset as number) >= options.length)
        )
          problems.push(`${at}: default must be the index of an option`);
        if (preset !== undefined && options.some((o) => o.toLowerCase() === "n/a"))
          problems.push(`${at}: a dropdown with a default must not offer n/a`);
      }
    }
  });
  if (form.body.every((e) => e.type === "markdown")) problems.push("body must contain at least one non-markdown field");
  return problems;
}

const files = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f) && f !== "config.yml");
const form = (file: string) => parseDocument(readFileSync(path.join(FOLDER, file), "utf8")).toJS() as Form;
const ids = (file: string) => form(file).body.flatMap((e) => (e.id ? [e.id] : []));

describe("the issue forms", () => {
  it("are the correction and the new entry", () => {
    expect(files.sort()).toEqual(["correction.yml", "new-entry.yml"]);
  });

  it.each(files)("%s keeps GitHub's form schema", (file) => {
    expect(formProblems(readFileSync(path.join(FOLDER, file), "utf8"))).toEqual([]);
  });

  it("the check finds what GitHub refuses (it is live)", () => {
    const broken = [
      "name: Broken",
      "description: ''",
      "hello: world",
      "body:",
      "  - type: input",
      "    id: first name",
      "    attributes: { label: Name }",
      "  - type: input",
      "    id: first name",
      "    attributes: { label: Name?, colour: red }",
      "  - type: dropdown",
      "    attributes: { label: Pie, options: [apple, apple, None], default: 3 }",
      "    validations: { required: true, yes: 1 }",
      "  - type: radio",
      "    attributes: { label: X }",
    ].join("\n");
    expect(formProblems(broken)).toEqual([
      "forbidden key yes",
      "hello is not a permitted key",
      "description must be a non-empty string",
      "body[0]: id can only contain numbers, letters, -, _",
      "body[1]: colour is not a permitted attribute",
      "body[1]: labels are too similar",
      "body[1]: id can only contain numbers, letters, -, _",
      "body[1]: body must have unique ids",
      "body[2]: validations.yes is not permitted",
      "body[2]: options must be unique",
      "body[2]: options must not include None",
      "body[2]: default must be the index of an option",
      "body[3]: radio is not a valid input type",
    ]);
  });

  it("the correction has the fields the report link fills", () => {
    expect(files).toContain(CORRECTION_FORM.template);
    expect(ids(CORRECTION_FORM.template)).toEqual(expect.arrayContaining(Object.values(CORRECTION_FORM.fields)));
    expect(ids(CORRECTION_FORM.template)).toEqual(["page", "file", "problem", "correction", "sources"]);
  });

  it("the new entry asks for what an entry needs, its kinds the schema's", () => {
    expect(ids("new-entry.yml")).toEqual([
      "date",
      "title",
      "kind",
      "summary",
      "context",
      "sources",
      "photo",
      "photographer",
      "photo-source",
      "photo-license",
    ]);
    const required = form("new-entry.yml")
      .body.filter((e) => e.validations?.required === true)
      .map((e) => e.id);
    expect(required).toEqual(["date", "title", "kind", "summary", "sources"]);
    const kind = form("new-entry.yml").body.find((e) => e.id === "kind")!;
    expect(kind.attributes.options).toEqual([...KINDS]);
  });
});
