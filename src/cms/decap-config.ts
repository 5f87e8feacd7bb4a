// The web editor's configuration (Decap CMS, /admin/config.yml), generated
// from the entry schema so that the two never drift: every field of
// frontMatterSchema becomes a CMS field, with its label, the schema's
// description as its hint, required as the schema requires it, and a widget
// chosen by the field's kind. Decap writes the fields in the order given here,
// which is the schema's, the order `npm run new` writes them in.
import path from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { repositoryHost } from "../archive/repository-links.ts";
import { frontMatterSchema } from "../content/schema.ts";
import type { SiteInfo } from "../site.ts";

type AnySchema = z.core.$ZodType;

/** One field of Decap's configuration (https://decapcms.org/docs/widgets/). */
export interface CmsField {
  name: string;
  label: string;
  hint?: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  options?: readonly string[];
  fields?: CmsField[];
  field?: CmsField;
  max?: number;
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

/** Decap's object widget, checked only when filled in (browser/optional-object.js registers it). */
export const OPTIONAL_OBJECT = "optional-object";

/** The collection's name, which the relation of `related` names too. */
export const COLLECTION = "events";

/** The port decap-server listens on under npm start (CMS_PORT changes it). */
export const DEFAULT_CMS_PORT = 8081;

// The labels the key does not spell well by itself.
const LABELS: Record<string, string> = {
  sourceUrl: "Source address",
  licenseUrl: "License address",
  url: "Address",
  src: "Image",
  alt: "Alternative text",
  photo: "Lead photo",
  photos: "Historical photos",
  related: "Related events",
  added: "Added on",
  aliases: "Former slugs",
};

interface Unwrapped {
  schema: AnySchema;
  optional: boolean;
  default?: unknown;
  description?: string;
  pattern?: string;
  example?: unknown;
}

/** The schema under its optional, default and pipe wrappers, with what the wrappers say. */
function unwrap(schema: AnySchema): Unwrapped {
  const found: Unwrapped = { schema, optional: false };
  let current = schema;
  for (;;) {
    const meta = z.globalRegistry.get(current) as
      | { description?: string; pattern?: string; examples?: unknown[] }
      | undefined;
    found.description ??= meta?.description;
    found.pattern ??= meta?.pattern;
    found.example ??= meta?.examples?.[0];
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; defaultValue?: unknown };
    if (def.type === "optional") found.optional = true;
    if (def.type === "default") found.default = def.defaultValue;
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else break;
  }
  found.schema = current;
  return found;
}

/** A check's limit, e.g. the max_length of a string or an array. */
function limit(schema: AnySchema, check: "max_length" | "min_length"): number | undefined {
  const checks = (
    schema._zod.def as { checks?: { _zod: { def: { check: string; maximum?: number; minimum?: number } } }[] }
  ).checks;
  const found = checks?.find((c) => c._zod.def.check === check)?._zod.def;
  return found?.maximum ?? found?.minimum;
}

/** "licenseUrl" → "License url", unless LABELS has a better one. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return LABELS[name] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

// A field's example shows its format: a web address, or a date as the date fields take it.
const WEB_ADDRESS: [string, string] = ["^https?://\\S+$", "Give the full address, starting with https://"];
const ISO_DATE = "^-?\\d{4}-\\d{2}-\\d{2}$";

function patternOf(field: Unwrapped, max: number | undefined): [string, string] | undefined {
  const example = typeof field.example === "string" ? field.example : undefined;
  if (field.pattern) return [field.pattern, `Write it as ${example ?? "the hint says"}`];
  if (example && /^https?:\/\//.test(example)) return WEB_ADDRESS;
  if (example && new RegExp(ISO_DATE).test(example)) return [ISO_DATE, `Write it as ${example}`];
  if (max) return [`^.{1,${max}}$`, `One line of at most ${max} characters`];
  return undefined;
}

/** The CMS field of one schema field; `at` is its path in the entry ("photo.src"). */
export function cmsField(name: string, schema: AnySchema, at = name): CmsField {
  const field = unwrap(schema);
  const def = field.schema._zod.def as { type: string; entries?: Record<string, string>; element?: AnySchema };
  const base: CmsField = {
    name,
    label: labelOf(name),
    ...(field.description && { hint: field.description }),
    widget: "string",
    // A field with a default may be left out of a file (the loader supplies it), and Decap writes it on every new entry, as npm run new does.
    required: !field.optional && field.default === undefined,
    ...(field.default !== undefined && { default: field.default }),
  };
  const special = SPECIAL_WIDGETS[at];
  if (special) return { ...base, ...special };
  switch (def.type) {
    case "enum":
      return { ...base, widget: "select", options: Object.values(def.entries ?? {}) };
    case "boolean":
      return { ...base, widget: "boolean" };
    case "object":
      return {
        ...base,
        // Decap's object checks the required fields inside even when the object is optional and empty.
        widget: field.optional ? OPTIONAL_OBJECT : "object",
        collapsed: field.optional,
        fields: objectFields(field.schema, at),
      };
    case "array":
      return listField(base, field.schema, def.element!, at);
    default: {
      const pattern = patternOf(field, limit(field.schema, "max_length"));
      return { ...base, ...(pattern && { pattern }) };
    }
  }
}

function listField(base: CmsField, array: AnySchema, element: AnySchema, at: string): CmsField {
  const max = limit(array, "max_length");
  const item = unwrap(element);
  const list: CmsField = { ...base, widget: "list", ...(max && { max }) };
  if ((item.schema._zod.def as { type: string }).type === "object") {
    const fields = objectFields(item.schema, at);
    return { ...list, collapsed: true, summary: `{{fields.${fields[0]!.name}}}`, fields };
  }
  // A list of plain values: each item is one text (a topic, a former slug).
  return { ...list, field: { ...cmsField(singular(base.name), element, `${at}[]`), required: true } };
}

/** "topics" → "topic", "aliases" → "alias". */
function singular(name: string): string {
  return name
    .replace(/ies$/, "y")
    .replace(/([sx])es$/, "$1")
    .replace(/s$/, "");
}

function objectFields(object: AnySchema, at: string): CmsField[] {
  const shape = (object._zod.def as { shape?: Record<string, AnySchema> }).shape ?? {};
  return Object.entries(shape).map(([name, schema]) => cmsField(name, schema, at ? `${at}.${name}` : name));
}

// Where the kind of a field does not say enough: the image file, and the link to another entry.
const SPECIAL_WIDGETS: Record<string, Partial<CmsField>> = {
  "photo.src": { widget: "image", choose_url: false },
  "photos.src": { widget: "image", choose_url: false },
  "related.event": {
    widget: "relation",
    collection: COLLECTION,
    value_field: "{{slug}}",
    search_fields: ["title", "date"],
    display_fields: ["date", "title"],
    options_length: 50,
  },
};

/** The fields of an entry, in the schema's order, then the body. */
export function entryFields(): CmsField[] {
  return [
    ...objectFields(frontMatterSchema, ""),
    {
      name: "body",
      label: "Historical context",
      hint: "The text of the event's page, in Markdown.",
      widget: "markdown",
      required: false,
    },
  ];
}

/** Where the repository is, as the editor's backend sees it. */
export type Repository = NonNullable<SiteInfo["repository"]>;

export interface DecapOptions {
  readonly site: Pick<SiteInfo, "title" | "url" | "pathPrefix" | "repository">;
  /** The events folder, relative to the repository's root ("content/events"). */
  readonly eventsFolder: string;
  /** decap-server's port under npm start. */
  readonly localPort?: number;
  /** An OAuth proxy for the GitHub backend off Netlify (DECAP_AUTH_URL), e.g. https://auth.example.org. */
  readonly authUrl?: string | undefined;
}

/** The backend for the repository setting: GitHub with open authoring, GitLab, or none (local editing only). */
export function backendFor(repository: Repository | undefined, authUrl?: string): Record<string, unknown> | undefined {
  const host = repository && repositoryHost(repository.url);
  if (!repository || !host) return undefined;
  const url = new URL(repository.url);
  const repo = url.pathname.replace(/^\/|\/$/g, "");
  const auth = authUrl ? { base_url: authUrl } : {};
  const ownServer = url.hostname !== `${host}.com`;
  if (host === "github") {
    // GitHub Enterprise answers at /api/v3 (Decap's api_root); open authoring forks the repository for anyone.
    const apiRoot = ownServer ? { api_root: `${url.origin}/api/v3` } : {};
    return { name: "github", repo, branch: repository.branch, open_authoring: true, ...apiRoot, ...auth };
  }
  const apiRoot = ownServer ? { api_root: `${url.origin}/api/v4` } : {};
  return { name: "gitlab", repo, branch: repository.branch, ...apiRoot, ...auth };
}

/** The whole configuration, as Decap reads it from /admin/config.yml. */
export function decapConfig({ site, eventsFolder, localPort = DEFAULT_CMS_PORT, authUrl }: DecapOptions) {
  const folder = eventsFolder.split(path.sep).join("/");
  const localUrl = `http://localhost:${localPort}/api/v1`;
  return {
    // Without a repository the editor only edits the files of npm start, through decap-server.
    backend: backendFor(site.repository, authUrl) ?? { name: "proxy", proxy_url: localUrl, branch: "main" },
    // Every change a pull request; on localhost, decap-server writes the files instead.
    publish_mode: "editorial_workflow",
    local_backend: { url: localUrl },
    site_url: site.url + site.pathPrefix,
    display_url: site.url + site.pathPrefix,
    // Photos go beside the entries, where the loader looks for them (a photo's src is relative to its entry).
    media_folder: folder,
    public_folder: "",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: COLLECTION,
        label: "Events",
        label_singular: "Event",
        description: `The entries of ${site.title}: one file per event.`,
        folder,
        media_folder: "",
        public_folder: "",
        create: true,
        extension: "md",
        format: "yaml-frontmatter",
        // Like npm run new: the file is named after the title, so a corrected date keeps the address.
        slug: "{{slug}}",
        identifier_field: "title",
        summary: "{{date}} · {{title}}",
        sortable_fields: ["date", "title"],
        fields: entryFields(),
      },
    ],
  };
}

/** config.yml's text. */
export function decapConfigYaml(options: DecapOptions): string {
  const header =
    "# Generated by the build from src/content/schema.ts (src/cms/decap-config.ts): edit those, not this.\n";
  return header + stringify(decapConfig(options), { lineWidth: 0, aliasDuplicateObjects: false });
}
