// The web editor at /admin/, as the build writes it: Decap's bundle from the
// site's own host, the configuration generated from the schema, a policy of
// its own that both hosts apply, and nothing of it on any reader's page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { adminContentSecurityPolicy, bundleFiles, bundleFolder } from "../../src/cms/admin-page.ts";
import { decapConfig } from "../../src/cms/decap-config.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/site.ts";
import { FIXTURE_ARCHIVE } from "../support/build-site.ts";
import { listFiles, loadPage } from "../support/site-files.ts";

const site = () => inject("fixtureSite").site;
const read = (file: string) => readFileSync(path.join(site(), file), "utf8");

interface HeaderRule {
  readonly pattern: string;
  readonly lines: readonly string[];
}

function headerRules(text: string): HeaderRule[] {
  const rules: { pattern: string; lines: string[] }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (/^\S/.test(line)) rules.push({ pattern: line.trim(), lines: [] });
    else rules.at(-1)?.lines.push(line.trim());
  }
  return rules;
}

const matches = (pattern: string, urlPath: string) =>
  pattern.endsWith("*") ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;

/**
 * Cloudflare Pages: every matching rule applies, in the file's order; a header
 * set twice is joined with ", "; "! Name" removes what earlier rules set
 * (developers.cloudflare.com/pages/configuration/headers/).
 */
function cloudflareHeaders(rules: readonly HeaderRule[], urlPath: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((r) => matches(r.pattern, urlPath))) {
    for (const line of rule.lines) {
      const detach = /^!\s*(\S+)$/.exec(line);
      if (detach) headers.delete(detach[1]!.toLowerCase());
      else {
        const [name, ...value] = line.split(":");
        const key = name!.trim().toLowerCase();
        const joined = [headers.get(key), value.join(":").trim()].filter(Boolean).join(", ");
        headers.set(key, joined);
      }
    }
  }
  return headers;
}

/**
 * Netlify: a line without a colon is skipped (netlify/build's headers-parser),
 * and the later matching rule's value of a header replaces the earlier's
 * (netlify-cli's headersForPath merges the rules' values in order).
 */
function netlifyHeaders(rules: readonly HeaderRule[], urlPath: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((r) => matches(r.pattern, urlPath))) {
    const own = new Map<string, string>();
    for (const line of rule.lines.filter((l) => l.includes(":"))) {
      const [name, ...value] = line.split(":");
      const key = name!.trim().toLowerCase();
      own.set(key, [own.get(key), value.join(":").trim()].filter(Boolean).join(", "));
    }
    for (const [key, value] of own) headers.set(key, value);
  }
  return headers;
}

describe("/admin/", () => {
  it("serves Decap's bundle, its chunks and WebAssembly from the site itself", () => {
    const files = new Set(listFiles(path.join(site(), "admin")));
    const bundle = bundleFiles();
    expect(bundle).toContain("decap-cms.js");
    expect(bundle.filter((f) => f.endsWith(".wasm")).length).toBeGreaterThan(0);
    for (const file of bundle) expect(files.has(file), file).toBe(true);
    const copied = readFileSync(path.join(site(), "admin/decap-cms.js"));
    expect(copied.equals(readFileSync(path.join(bundleFolder(), "decap-cms.js")))).toBe(true);
    const $ = loadPage(site(), "/admin/");
    const scripts = $("script")
      .map((_, el) => $(el).attr("src"))
      .get();
    expect(scripts).toEqual(["/admin/decap-cms.js", "/admin/optional-object.js"]);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    // No host but the site's own, in the page or the bundle's addresses.
    expect($.html()).not.toMatch(/unpkg|jsdelivr|cdn\./);
  });

  it("has the configuration generated from the schema, with the events folder relative to the project", () => {
    const config = parse(read("admin/config.yml"));
    const settings = JSON.parse(readFileSync(path.join(FIXTURE_ARCHIVE, "site.json"), "utf8"));
    expect(config.collections[0].folder).toBe("tests/fixtures/archive/events");
    expect(config).toEqual(
      JSON.parse(
        JSON.stringify(
          decapConfig({
            site: { title: settings.title, url: config.site_url.replace(/\/$/, ""), pathPrefix: "/" },
            eventsFolder: "tests/fixtures/archive/events",
          }),
        ),
      ),
    );
  });

  it("says what to set when site.json has no repository", () => {
    expect(loadPage(site(), "/admin/")("#admin-setup").text()).toMatch(/set repository in site\.json/);
  });

  it("is never loaded by a reader's page", () => {
    const others = listFiles(site()).filter(
      (file) => !file.startsWith("admin/") && /\.(html|js|css|json|xml|txt)$/.test(file),
    );
    expect(others.length).toBeGreaterThan(300);
    for (const file of others) expect(read(file), file).not.toMatch(/decap|\/admin\//i);
  });
});

describe("_headers", () => {
  const strict = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
  const admin = `${adminContentSecurityPolicy(undefined, { localPort: 8081, local: false })}; frame-ancestors 'none'`;

  it.each([
    ["Cloudflare Pages", cloudflareHeaders],
    ["Netlify", netlifyHeaders],
  ])("on %s, gives /admin/ its own policy and every other address the strict one", (_, headersFor) => {
    const rules = headerRules(read("_headers"));
    for (const urlPath of ["/admin/", "/admin/decap-cms.js", "/admin/config.yml"]) {
      const headers = headersFor(rules, urlPath);
      expect(headers.get("content-security-policy"), urlPath).toBe(admin);
      expect(headers.get("x-frame-options"), urlPath).toBe("DENY");
    }
    for (const urlPath of ["/", "/events/vesuvius/", "/june/12/", "/administration/", "/assets/site.css"]) {
      expect(headersFor(rules, urlPath).get("content-security-policy"), urlPath).toBe(strict);
    }
  });

  it("keeps /admin/'s policy free of other hosts but the repository's API", () => {
    expect(admin).not.toMatch(/localhost|unsafe-inline'[^;]*script|\*/);
    expect(
      adminContentSecurityPolicy({ url: "https://github.com/o/a", branch: "main" }, { localPort: 1, local: false }),
    ).toMatch(/connect-src 'self' blob: https:\/\/api\.github\.com;/);
  });
});
