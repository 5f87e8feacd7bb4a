// The web editor's configuration is the schema's: every field of an entry is a
// CMS field with a label and a hint, required as the schema requires it, in
// the order `npm run new` writes the fields.

import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { type CmsField, cmsField, decapConfig, decapConfigYaml, entryFields } from "../../src/cms/decap-config.ts";
import { parseHistoricalDate } from "../../src/content/dates.ts";
import { frontMatterSchema, KINDS } from "../../src/content/schema.ts";
import { entryText } from "../../src/content/write-entry.ts";

type AnySchema = z.core.$ZodType;

interface SchemaField {
  path: string;
  optional: boolean;
}

/** Every field of the schema, at every depth ("photo.alt", "sources[].url"), walked from zod's own definitions. */
function schemaFields(schema: AnySchema, prefix = ""): SchemaField[] {
  let inner = schema;
  let optional = false;
  for (;;) {
    const def = inner._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.type === "optional" || def.type === "default") optional = true;
    if (def.innerType) inner = def.innerType;
    else if (def.type === "pipe" && def.in) inner = def.in;
    else break;
  }
  const def = inner._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
  const here = prefix ? [{ path: prefix, optional }] : [];
  if (def.type === "object")
    return [
      ...here,
      ...Object.entries(def.shape!).flatMap(([name, s]) => schemaFields(s, prefix ? `${prefix}.${name}` : name)),
    ];
  if (def.type === "array") {
    const element = schemaFields(def.element!, `${prefix}[]`);
    // A list of plain values has one field for its items; a list of objects has the objects' fields.
    return [
      ...here,
      ...element.filter((f) => f.path !== `${prefix}[]` || !element.some((e) => e.path.startsWith(`${prefix}[].`))),
    ];
  }
  return here;
}

/** The CMS fields by the same paths. */
function cmsFields(fields: readonly CmsField[], prefix = ""): Map<string, CmsField> {
  const found = new Map<string, CmsField>();
  for (const field of fields) {
    const at = prefix ? `${prefix}.${field.name}` : field.name;
    found.set(at, field);
    if (field.fields) {
      const inner = field.widget === "list" ? `${at}[]` : at;
      for (const [p, f] of cmsFields(field.fields, inner)) found.set(p, f);
    }
    if (field.field) found.set(`${at}[]`, field.field);
  }
  return found;
}

const fields = entryFields();
const byPath = cmsFields(fields);

describe("the CMS fields", () => {
  const walked = schemaFields(frontMatterSchema);

  it("walks a real schema (the walk itself finds the nested fields)", () => {
    expect(walked.map((f) => f.path)).toEqual(
      expect.arrayContaining(["title", "photo.photographer", "photos[].license", "related[].event", "topics[]"]),
    );
  });

  it.each(walked.map((f) => [f.path, f] as const))(
    "%s has a CMS field with a label and a hint, required as the schema says",
    (at, field) => {
      const cms = byPath.get(at);
      expect(cms, `no CMS field for the schema's ${at}`).toBeDefined();
      expect(cms!.label.trim()).not.toBe("");
      // A list's item field carries its list's hint.
      if (!at.endsWith("[]")) expect(cms!.hint?.trim()).toBeTruthy();
      expect(cms!.required).toBe(!field.optional || at.endsWith("[]"));
    },
  );

  it("has no field the schema does not have, but the body", () => {
    const known = new Set(walked.map((f) => f.path));
    expect([...byPath.keys()].filter((at) => !known.has(at))).toEqual(["body"]);
  });

  it("picks up a field added to the schema", () => {
    const extended = frontMatterSchema.extend({
      era: z.string().optional().meta({ description: "The era." }),
    });
    const field = cmsField("era", extended.shape.era);
    expect(field).toMatchObject({ name: "era", label: "Era", hint: "The era.", widget: "string", required: false });
  });

  it("lists the fields in the schema's order, which is the order npm run new writes", () => {
    const names = fields.map((f) => f.name);
    expect(names).toEqual([...Object.keys(frontMatterSchema.shape), "body"]);
    const date = parseHistoricalDate("1969-07-20");
    if (!date.ok) throw new Error("date");
    const written = entryText({
      title: "T",
      date: date.date,
      summary: "S",
      location: "L",
      topics: ["t"],
      related: [{ event: "x" }],
      sources: [{ title: "s" }],
      added: date.date,
    })
      .split("\n")
      .map((line) => /^(\w+):/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined);
    expect(written).toEqual(names.filter((name) => written.includes(name)));
  });

  it("chooses widgets by kind", () => {
    expect(byPath.get("kind")).toMatchObject({ widget: "select", options: [...KINDS], default: "event" });
    expect(byPath.get("topics")).toMatchObject({ widget: "list", max: 20 });
    expect(byPath.get("topics[]")).toMatchObject({ widget: "string", pattern: ["^.{1,60}$", expect.any(String)] });
    expect(byPath.get("summary")?.pattern?.[0]).toBe("^.{1,280}$");
    // An entry's date takes EDTF (issue 19); the other dates are days.
    expect(byPath.get("date")?.pattern?.[0]).toBe(
      "^(-?[\\dX]{4}(-[\\dX]{2}){0,2}[?~%]?|(-?\\d{4}(-\\d{2}){0,2}[?~%]?|\\.\\.)?/(-?\\d{4}(-\\d{2}){0,2}[?~%]?|\\.\\.)?)$",
    );
    expect(byPath.get("related[].date")?.pattern?.[0]).toBe("^-?\\d{4}-\\d{2}-\\d{2}$");
    expect(byPath.get("sources[].url")?.pattern?.[0]).toBe("^https?://\\S+$");
    expect(byPath.get("photo")).toMatchObject({ widget: "optional-object", required: false });
    expect(byPath.get("photos")).toMatchObject({ widget: "list", required: false });
    for (const at of ["photo.src", "photos[].src"]) expect(byPath.get(at)).toMatchObject({ widget: "image" });
    expect(byPath.get("related[].event")).toMatchObject({
      widget: "relation",
      collection: "events",
      value_field: "{{slug}}",
    });
    expect(byPath.get("body")).toMatchObject({ widget: "markdown", required: false });
  });

  it("requires a photo's alternative text and credit, as the schema does", () => {
    for (const photo of ["photo", "photos[]"]) {
      for (const name of ["alt", "photographer", "source", "license"])
        expect(byPath.get(`${photo}.${name}`)?.required).toBe(true);
      for (const name of ["src", "caption", "location", "sourceUrl", "licenseUrl"])
        expect(byPath.get(`${photo}.${name}`)?.required).toBe(false);
    }
  });

  it("validates its patterns as the schema does", () => {
    const matches = (at: string, value: string) => new RegExp(byPath.get(at)!.pattern![0]).test(value);
    expect(matches("date", "-0043-03-15")).toBe(true);
    expect(matches("date", "43 BC")).toBe(false);
    for (const edtf of ["1757", "1757-06", "1757-06-12?", "1500-05-01~", "1863-07-01/1863-07-03"])
      expect(matches("date", edtf)).toBe(true);
    // EDTF level 1's other forms (issue 19): seasons, X digits, open and unknown ends, mixed precisions.
    for (const edtf of [
      "1863-21",
      "156X",
      "18XX",
      "1863-07-XX",
      "1863-07-01/..",
      "../1863-07-03",
      "1863-07-01/",
      "1863-07/1863-08-02",
    ])
      expect(matches("date", edtf)).toBe(true);
    expect(matches("date", "1969-7-20")).toBe(false);
    expect(byPath.get("calendar")).toMatchObject({ required: false });
    expect(matches("summary", "x".repeat(280))).toBe(true);
    expect(matches("summary", "x".repeat(281))).toBe(false);
    expect(matches("photo.sourceUrl", "ftp://example.org/")).toBe(false);
  });
});

const site = { title: "Archive", url: "https://example.org", pathPrefix: "/" };

describe("the configuration", () => {
  it("uses the GitHub repository with the editorial workflow and open authoring", () => {
    const config = decapConfig({
      site: { ...site, repository: { url: "https://github.com/owner/archive", branch: "trunk" } },
      eventsFolder: "content/events",
    });
    expect(config.backend).toEqual({ name: "github", repo: "owner/archive", branch: "trunk", open_authoring: true });
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.local_backend).toEqual({ url: "http://localhost:8081/api/v1" });
  });

  it("uses GitLab, with its API on a GitLab of one's own, and an OAuth proxy when given", () => {
    const gitlab = (url: string) =>
      decapConfig({
        site: { ...site, repository: { url, branch: "main" } },
        eventsFolder: "c/events",
        authUrl: "https://auth.example.org",
      }).backend;
    expect(gitlab("https://gitlab.com/group/sub/archive")).toEqual({
      name: "gitlab",
      repo: "group/sub/archive",
      branch: "main",
      base_url: "https://auth.example.org",
    });
    expect(gitlab("https://gitlab.example.org/a/b")).toMatchObject({ api_root: "https://gitlab.example.org/api/v4" });
  });

  it("without a repository, edits through decap-server only", () => {
    const config = decapConfig({ site, eventsFolder: "content/events", localPort: 9999 });
    expect(config.backend).toEqual({ name: "proxy", proxy_url: "http://localhost:9999/api/v1", branch: "main" });
  });

  it("keeps photos beside their entries, where the loader reads them", () => {
    const config = decapConfig({ site, eventsFolder: "content/events" });
    expect(config.media_folder).toBe("content/events");
    expect(config.collections[0]).toMatchObject({ folder: "content/events", media_folder: "", public_folder: "" });
  });

  it("writes YAML that reads back as the configuration", () => {
    const options = { site, eventsFolder: "content/events" };
    const text = decapConfigYaml(options);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(decapConfig(options))));
  });
});
