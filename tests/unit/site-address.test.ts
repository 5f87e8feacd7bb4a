// The site's address from every source a host or a user gives it, and every
// way it can be wrong.
import { describe, expect, it } from "vitest";
import { addressWarning } from "../../src/config.ts";
import { siteAddress } from "../../src/site-address.ts";

const FILE = "content/site.json";
/** site.json's url and pathPrefix, as the schema hands them over (defaults filled in). */
const file = (url = "http://localhost:8080", pathPrefix = "/") => ({
  url: { name: `${FILE}: url`, value: url },
  pathPrefix: { name: `${FILE}: pathPrefix`, value: pathPrefix },
});
const address = (env: NodeJS.ProcessEnv, url?: string, prefix?: string) => {
  const { url: origin, pathPrefix } = siteAddress(file(url, prefix), env);
  return origin + pathPrefix;
};

describe("the site's address", () => {
  it("takes SITE_URL first, then a real url in site.json, then the host's, then the placeholder", () => {
    const netlify = { NETLIFY: "true", CONTEXT: "production", URL: "https://history.netlify.app" };
    expect(address({ ...netlify, SITE_URL: "https://from-env.org" }, "https://museum.example.museum")).toBe(
      "https://from-env.org/",
    );
    expect(address(netlify, "https://museum.example.museum")).toBe("https://museum.example.museum/");
    expect(address(netlify, "https://example.org")).toBe("https://history.netlify.app/");
    expect(address(netlify)).toBe("https://history.netlify.app/");
    expect(address({})).toBe("http://localhost:8080/");
    expect(siteAddress(file(), {}).placeholder).toBe(true);
    expect(siteAddress(file("https://museum.example.museum"), {}).placeholder).toBe(false);
  });

  it("reads Netlify's deploy previews and branch deploys, Cloudflare Pages, and URL set alone", () => {
    const preview = {
      NETLIFY: "true",
      URL: "https://history.netlify.app",
      DEPLOY_PRIME_URL: "https://deploy-preview-7--history.netlify.app",
    };
    expect(address({ ...preview, CONTEXT: "deploy-preview" })).toBe("https://deploy-preview-7--history.netlify.app/");
    expect(address({ ...preview, CONTEXT: "branch-deploy" })).toBe("https://deploy-preview-7--history.netlify.app/");
    expect(address({ ...preview, CONTEXT: "production" })).toBe("https://history.netlify.app/");
    expect(address({ URL: "https://example.netlify.app" })).toBe("https://example.netlify.app/");
    expect(address({ CF_PAGES: "1", CF_PAGES_URL: "https://0a1b2c3d.history.pages.dev" })).toBe(
      "https://0a1b2c3d.history.pages.dev/",
    );
  });

  it("takes the folder from the address, and never doubles it", () => {
    expect(address({ SITE_URL: "https://example.github.io/history" })).toBe("https://example.github.io/history/");
    expect(address({ SITE_URL: "https://example.github.io/history/" })).toBe("https://example.github.io/history/");
    expect(address({ SITE_URL: "https://example.github.io/history", PATH_PREFIX: "/history/" })).toBe(
      "https://example.github.io/history/",
    );
    expect(address({ SITE_URL: "https://example.github.io", PATH_PREFIX: "history" })).toBe(
      "https://example.github.io/history/",
    );
    expect(address({}, "https://user.github.io/history", "/")).toBe("https://user.github.io/history/");
    expect(address({ PATH_PREFIX: "/a/b" }, "https://museum.example.museum")).toBe(
      "https://museum.example.museum/a/b/",
    );
    // Host and scheme as the URL standard writes them; default ports dropped.
    expect(address({ SITE_URL: "HTTPS://Example.GitHub.IO:443/history" })).toBe("https://example.github.io/history/");
  });

  it("stops on a folder in the address that disagrees with PATH_PREFIX or pathPrefix, naming both", () => {
    expect(() => address({ SITE_URL: "https://example.github.io/history", PATH_PREFIX: "/archive/" })).toThrow(
      'SITE_URL: "https://example.github.io/history" puts the site under /history/, but PATH_PREFIX is "/archive/": give the folder once (in the address alone is enough)',
    );
    expect(() => address({}, "https://user.github.io/history", "/archive/")).toThrow(
      `${FILE}: url: "https://user.github.io/history" puts the site under /history/, but ${FILE}: pathPrefix is "/archive/"`,
    );
  });

  it.each([
    [
      "SITE_URL",
      "https://example.org/\nSitemap: https://evil.example/s.xml",
      'SITE_URL: "https://example.org/\\nSitemap: https://evil.example/s.xml" contains a line break',
    ],
    [
      "SITE_URL",
      "https://exa\u001bmple.org",
      'SITE_URL: "https://exa\\x1bmple.org" contains a line break, space or control character',
    ],
    ["SITE_URL", "ftp://example.org", 'SITE_URL: "ftp://example.org" must be an http(s) address'],
    ["SITE_URL", "javascript:alert(1)", 'SITE_URL: "javascript:alert(1)" must be an http(s) address'],
    ["SITE_URL", "example.org", 'SITE_URL: "example.org" is not an address'],
    ["SITE_URL", "https://user:secret@example.org", "must not contain a user name or password"],
    ["SITE_URL", "https://example.org/?q=1", "must not have a query (?…) or a fragment (#…)"],
    ["SITE_URL", 'https://example.org/">', "has a folder name with characters an address cannot carry"],
    ["SITE_URL", "https://example.org/a/../../b", 'has a ".." folder'],
    ["SITE_URL", "https://example.org//b", "has an empty folder name (//)"],
    ["PATH_PREFIX", "../../", 'PATH_PREFIX: "../../" has a ".." folder'],
    ["PATH_PREFIX", "/a//b/", 'PATH_PREFIX: "/a//b/" has an empty folder name (//)'],
    ["PATH_PREFIX", "/a\r\nb/", 'PATH_PREFIX: "/a\\r\\nb/" contains a line break'],
    ["URL", "not an address", 'URL (set by Netlify): "not an address" contains a line break, space'],
    [
      "CF_PAGES_URL",
      "https://x.pages.dev/\u0007",
      'CF_PAGES_URL (set by Cloudflare Pages): "https://x.pages.dev/\\u0007"'.replace("\\u0007", "\\x07"),
    ],
  ])("refuses %s=%j, naming the variable, with the control characters made visible", (name, value, message) => {
    // Netlify's URL is read only where Netlify's other variables say it is Netlify.
    expect(() => address(name === "URL" ? { NETLIFY: "true", URL: value } : { [name]: value })).toThrow(message);
  });

  it("refuses a bad url or pathPrefix in site.json, naming the file and field", () => {
    expect(() => address({}, "https://example.org/\nDisallow: /")).toThrow(
      `${FILE}: url: "https://example.org/\\nDisallow: /" contains a line break`,
    );
    expect(() => address({}, "https://museum.example.museum", "../x")).toThrow(
      `${FILE}: pathPrefix: "../x" has a ".." folder`,
    );
  });

  it("warns on CI when the address is still a placeholder, and only then", () => {
    expect(addressWarning({ url: "https://example.org" }, { CI: "true" })).toMatch(
      /^warning: the site's address is https:\/\/example\.org, a placeholder/,
    );
    expect(addressWarning({ url: "http://localhost:8080" }, { CI: "true" })).toContain("SITE_URL");
    expect(addressWarning({ url: "https://example.org" }, {})).toBeUndefined();
    expect(addressWarning({ url: "https://history.netlify.app" }, { CI: "true" })).toBeUndefined();
  });
});
