// The site's own settings, from <content>/site.json. The schema is the
// documentation: every field is optional. The address may come from the
// environment instead (site-address.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { availableLanguages, catalogueLanguage } from "./i18n/catalogues.ts";
import { missingLanguageMessage } from "./i18n/messages.ts";
import { AddressError, siteAddress } from "./site-address.ts";
import { displayPath } from "./util/display-path.ts";
import { errorCode } from "./util/error-code.ts";
import { findUnwritable } from "./util/unwritable.ts";

// The site's own address is checked whole by siteAddress, with a message for each fault.
const url = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/]+/.test(v), { message: "must be an http(s) address, e.g. https://example.org" });
// Any other address is written as it is, into the API and feeds: one line that parses.
const licenseUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^/\s]+\S*$/.test(v) && URL.canParse(v) && !findUnwritable(v), {
    message:
      "must be an http(s) address, on one line with no spaces, e.g. https://creativecommons.org/licenses/by-sa/4.0/",
  });
// The title and description reach every page, the feed and the calendar, which cannot carry control characters.
const text = () =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((value, ctx) => {
      const found = findUnwritable(value);
      if (found) ctx.addIssue({ code: "custom", message: `contains ${found.description}: remove it` });
    });

const offOn = (description: string) =>
  z.boolean({ error: "must be true or false" }).default(false).meta({ description });

// The heavy parts of the open data, each off unless site.json switches it on:
// each repeats what the pages and the day documents already give, and together
// they would take a 100,000-event site past GitHub Pages' 1 GB (README: "Fits
// the hosts"). The day documents and the index are always written.
const apiSchema = z
  .strictObject(
    {
      eventDocuments: offOn("Write /api/v1/events/<slug>.json, one document per event."),
      export: offOn("Write /api/v1/export.ndjson, every event document in one file."),
      onThisDay: offOn("Write the Wikimedia-shaped feed, /api/feed/onthisday/…"),
      calendar: offOn("Write /calendar.ics, every event as a yearly anniversary, and link it from the pages."),
      body: z
        .enum(["html", "markdown", "both"], { error: 'must be "html", "markdown" or "both"' })
        .default("html")
        .meta({ description: "The form an event document carries its body in: bodyHtml, body (Markdown) or both." }),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type" ? 'must be an object of settings, e.g. { "export": false }' : undefined,
    },
  )
  .default({ eventDocuments: false, export: false, onThisDay: false, calendar: false, body: "html" })
  .meta({ description: "Which parts of the open data the build writes (docs/open-data.md)." });

export type ApiSettings = z.output<typeof apiSchema>;

export const siteSchema = z.strictObject({
  title: text().default("On This Day").meta({ description: "The archive's name." }),
  description: text()
    .default("What happened on every day of the year.")
    .meta({ description: "One sentence about the archive." }),
  language: z
    .string()
    .trim()
    .refine(isLanguageTag, { message: "must be a BCP 47 language tag, e.g. en, fr or fr-CA" })
    // Canonical ("EN-us" → "en-US"): only letters, digits and hyphens, so it is safe where Pagefind makes it part of a file name.
    .transform((tag) => Intl.getCanonicalLocales(tag)[0]!)
    // Its words come from a catalogue (src/i18n/catalogues/): fr-CA is written with fr's.
    .refine((tag) => catalogueLanguage(tag) !== undefined, {
      error: (issue) => missingLanguageMessage(String(issue.input)),
    })
    .default("en")
    .meta({
      description: `Language of the pages (BCP 47), one of ${availableLanguages().join(", ")} or a regional form of one (fr-CA), e.g. en.`,
    }),
  url: url.default("http://localhost:8080").meta({
    description:
      "Where the site is published, e.g. https://example.org, or https://user.github.io/history for a site in a folder (SITE_URL overrides it).",
  }),
  pathPrefix: z.string().trim().default("/").meta({
    description:
      "The folder the site lives in on that host, e.g. /archive/, if url does not say (PATH_PREFIX overrides it).",
  }),
  dataLicense: z
    .strictObject({ name: text(), url: licenseUrl })
    .default({ name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" })
    .meta({ description: "The license of the archive's text and data, stated in the API and feeds." }),
  api: apiSchema,
  repository: z
    .strictObject({
      url: z
        .string()
        .trim()
        .refine((v) => /^https:\/\/[^/\s]+(\/[^/\s?#]+){2,}\/?$/.test(v) && URL.canParse(v), {
          message: "must be the https address of the repository, e.g. https://github.com/owner/archive",
        })
        .transform((v) => v.replace(/(\.git)?\/?$/, "")),
      branch: z
        .string()
        .trim()
        .regex(/^[\w./-]+$/, { message: "must be a branch name, e.g. main" })
        .default("main"),
    })
    .optional()
    .meta({
      description:
        'Where the archive\'s source lives (GitHub or GitLab), for the pages\' edit and report links and the web editor, e.g. { "url": "https://github.com/owner/archive", "branch": "main" }.',
    }),
});

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && /^[A-Za-z0-9-]+$/.test(tag);
  } catch {
    return false;
  }
}

export interface SiteInfo extends Omit<z.output<typeof siteSchema>, "url" | "pathPrefix"> {
  /** Scheme and host, no trailing slash: "https://example.org". */
  readonly url: string;
  /** "/" or "/archive/": always with slashes at both ends. */
  readonly pathPrefix: string;
}

export class SiteConfigError extends Error {
  override name = "SiteConfigError";
}

export function readSite(contentDir: string, env: NodeJS.ProcessEnv): SiteInfo {
  const file = path.join(contentDir, "site.json");
  const shown = displayPath(file);
  let data: unknown = {};
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    if (errorCode(e) !== "ENOENT") throw new SiteConfigError(`${shown}: ${(e as Error).message} (fix the JSON syntax)`);
  }
  const parsed = siteSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${shown}: ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new SiteConfigError(issues.join("\n"));
  }
  const site = parsed.data;
  try {
    const address = siteAddress(
      {
        url: { name: `${shown}: url`, value: site.url },
        pathPrefix: { name: `${shown}: pathPrefix`, value: site.pathPrefix },
      },
      env,
    );
    return { ...site, url: address.url, pathPrefix: address.pathPrefix };
  } catch (e) {
    if (e instanceof AddressError) throw new SiteConfigError(e.message);
    throw e;
  }
}

/** A site path ("/events/x/") as served: under the path prefix. */
export function sitePath(site: Pick<SiteInfo, "pathPrefix">, pagePath: string): string {
  return site.pathPrefix + pagePath.replace(/^\//, "");
}

/** A site path as a full address, for feeds, the API, canonical links and social cards. */
export function absoluteUrl(site: Pick<SiteInfo, "url" | "pathPrefix">, pagePath: string): string {
  return site.url + sitePath(site, pagePath);
}

/**
 * The Content-Security-Policy of every page: only the site's own scripts
 * (no inline script at all; JSON-LD is data, not script), WebAssembly for
 * Pagefind's search, and nothing from other hosts. Styles (no inline style)
 * and fetches fall back to default-src, so they need no directive of their
 * own: every page carries this line.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");
