// Where the site is published: an origin ("https://example.org") and the
// folder under it ("/" or "/history/"). Canonical links, feeds, the sitemap,
// the API and robots.txt are built from these, so each is parsed and checked
// here, once, whatever it came from:
//   1. SITE_URL;
//   2. `url` in site.json, unless it is a placeholder (example.org, localhost);
//   3. the host's own address: Netlify's URL (DEPLOY_PRIME_URL for deploy
//      previews and branch deploys) or Cloudflare Pages' CF_PAGES_URL;
//   4. the placeholder, which a build on CI warns about.
// An address may carry the folder ("https://user.github.io/history"); a
// PATH_PREFIX or pathPrefix that says otherwise is an error, never doubled.
import { visible } from "./util/visible.ts";

export interface SiteAddress {
  /** Scheme and host, no trailing slash. */
  readonly url: string;
  /** "/" or "/archive/": slashes at both ends. */
  readonly pathPrefix: string;
  /** The address is an example.org or localhost placeholder: the site would point nowhere real. */
  readonly placeholder: boolean;
}

/** A setting as the user wrote it, with the name a message gives it ("SITE_URL", "content/site.json: url"). */
export interface Setting {
  readonly name: string;
  readonly value: string;
}

export class AddressError extends Error {
  override name = "AddressError";
}

const EXAMPLE = "e.g. https://example.org or https://user.github.io/history";

export function siteAddress(file: { url: Setting; pathPrefix: Setting }, env: NodeJS.ProcessEnv): SiteAddress {
  const fromFile = parseAddress(file.url);
  const chosen = env.SITE_URL
    ? parseAddress({ name: "SITE_URL", value: env.SITE_URL })
    : !isPlaceholder(fromFile.url)
      ? fromFile
      : (hostAddress(env) ?? fromFile);
  const prefix = env.PATH_PREFIX ? { name: "PATH_PREFIX", value: env.PATH_PREFIX } : file.pathPrefix;
  const folder = parsePrefix(prefix);
  if (chosen.pathPrefix !== "/" && folder !== "/" && folder !== chosen.pathPrefix) {
    throw new AddressError(
      `${chosen.name}: "${visible(chosen.value)}" puts the site under ${chosen.pathPrefix}, but ${prefix.name} is "${visible(prefix.value)}": ` +
        `give the folder once (in the address alone is enough)`,
    );
  }
  const pathPrefix = chosen.pathPrefix !== "/" ? chosen.pathPrefix : folder;
  return { url: chosen.url, pathPrefix, placeholder: isPlaceholder(chosen.url) };
}

/** The variables by which a user or a host gives the address: tests leave them out of a build's environment, so that it is the same on CI and off it. */
export const ADDRESS_VARIABLES = [
  "SITE_URL",
  "PATH_PREFIX",
  "NETLIFY",
  "CONTEXT",
  "URL",
  "DEPLOY_PRIME_URL",
  "CF_PAGES",
  "CF_PAGES_URL",
] as const;

/** The address the host deploys to, read from the variables it sets during the build. */
export function hostAddress(env: NodeJS.ProcessEnv): (Setting & ParsedAddress) | undefined {
  // Netlify: URL is the site's main address; DEPLOY_PRIME_URL that of a deploy preview or branch deploy.
  if (env.DEPLOY_PRIME_URL && env.CONTEXT && env.CONTEXT !== "production") {
    return parseAddress({ name: "DEPLOY_PRIME_URL (set by Netlify)", value: env.DEPLOY_PRIME_URL });
  }
  // URL is a common name: taken on Netlify, or when it is plainly an address.
  if (env.URL && (env.NETLIFY || /^https?:\/\//i.test(env.URL))) {
    return parseAddress({ name: "URL (set by Netlify)", value: env.URL });
  }
  if (env.CF_PAGES_URL)
    return parseAddress({ name: "CF_PAGES_URL (set by Cloudflare Pages)", value: env.CF_PAGES_URL });
  return undefined;
}

interface ParsedAddress {
  readonly url: string;
  readonly pathPrefix: string;
}

/** Line breaks, spaces and control characters: an address or folder is one plain line. */
const UNSAFE_IN_ADDRESS = /[\u0000-\u001f\u007f-\u009f\s]/;

/** An http(s) address with nothing a feed, robots.txt or a canonical link cannot carry. */
export function parseAddress(setting: Setting): Setting & ParsedAddress {
  const fail = (problem: string): never => {
    throw new AddressError(`${setting.name}: "${visible(setting.value)}" ${problem} (${EXAMPLE})`);
  };
  const raw = setting.value.trim();
  if (UNSAFE_IN_ADDRESS.test(raw))
    fail("contains a line break, space or control character: write the address alone, on one line");
  if (!URL.canParse(raw)) fail("is not an address");
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") fail("must be an http(s) address");
  if (url.username || url.password) fail("must not contain a user name or password");
  if (url.search || url.hash || /[?#]/.test(raw)) fail("must not have a query (?…) or a fragment (#…)");
  // The URL parser resolves "a/../b" silently: a folder must be written as it is meant.
  const rawPath = raw.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const problem = folderProblem(rawPath) ?? folderProblem(url.pathname);
  if (problem) fail(problem);
  return { ...setting, url: url.origin, pathPrefix: normalizePrefix(url.pathname) };
}

/** PATH_PREFIX or pathPrefix: "archive", "/archive" and "/archive/" all mean "/archive/". */
export function parsePrefix(setting: Setting): string {
  const problem = UNSAFE_IN_ADDRESS.test(setting.value)
    ? "contains a line break, space or control character"
    : folderProblem(setting.value);
  if (problem) throw new AddressError(`${setting.name}: "${visible(setting.value)}" ${problem} (e.g. /history/)`);
  return normalizePrefix(setting.value);
}

/** What is wrong with a folder path, if anything: empty, dot or unsafe segments between its outer slashes. */
function folderProblem(folder: string): string | undefined {
  if (folder.includes("//")) return "has an empty folder name (//)";
  const inner = folder.replace(/^\/|\/$/g, "");
  if (!inner) return undefined;
  for (const segment of inner.split("/")) {
    if (segment === "." || segment === "..") return `has a "${segment}" folder: write the folder itself`;
    // RFC 3986's path characters: anything else must be percent-encoded.
    if (!/^[A-Za-z0-9._~!$&'()*+,;=:@%-]+$/.test(segment))
      return `has a folder name with characters an address cannot carry ("${visible(segment)}"): percent-encode them`;
  }
  return undefined;
}

export function normalizePrefix(prefix: string): string {
  const inner = prefix.split("/").filter(Boolean).join("/");
  return inner ? `/${inner}/` : "/";
}

/** Reserved example domains (RFC 2606, RFC 6761) and this machine: nobody publishes there. */
export function isPlaceholder(origin: string): boolean {
  const host = new URL(origin).hostname;
  return (
    /(^|\.)(example\.(org|com|net)|example|test|invalid|localhost)$/.test(host) ||
    /^127\./.test(host) ||
    host === "[::1]"
  );
}
