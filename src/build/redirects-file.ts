// `_redirects`: a 301 rule from each former address of an entry (its
// aliases) to its page, for the hosts that read the file, Netlify and
// Cloudflare Pages. Each line is "<from> <to> <status>"
// (docs.netlify.com/routing/redirects/; developers.cloudflare.com/pages/configuration/redirects/).
// The redirect page at the old address (layouts/redirect.njk) serves every
// other host, and the rules past Cloudflare's 2,000 (the check warns: src/content/aliases.ts).
//
// The two hosts differ on one point. Netlify serves a file that exists at a
// rule's address instead of applying the rule, unless the rule is forced with
// `!` ("301!": answers.netlify.com/t/changed-behavior-in-redirects/10084), and
// the redirect page is such a file. Cloudflare applies rules whatever files
// exist, and ignores a line whose status is not a number (its parser,
// workers-sdk parseRedirects.ts: "Valid status codes are 200, 301, 302 …").
// So the rules are forced when the build runs on Netlify (NETLIFY is set
// there), and plain elsewhere.
import type { Archive } from "../archive/archive.ts";
import { type SiteInfo, sitePath } from "../site.ts";

export const REDIRECTS_FILE = "/_redirects";

/**
 * The file's text: a comment saying what it is, then one rule per alias, under
 * the site's path prefix; none when no entry has an alias.
 */
export function redirectsFile(
  archive: Pick<Archive, "redirects">,
  site: Pick<SiteInfo, "pathPrefix">,
  { netlify }: { netlify: boolean },
): string | undefined {
  if (!archive.redirects.length) return undefined;
  const status = netlify ? "301!" : "301";
  const rules = archive.redirects.map(
    (redirect) => `${sitePath(site, redirect.url)} ${sitePath(site, redirect.to)} ${status}`,
  );
  return [
    "# The former addresses of entries (their aliases), each to the entry's page. Written by the build.",
    ...rules,
    "",
  ].join("\n");
}
