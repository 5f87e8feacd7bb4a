/**
 * An entry's body with its links made absolute against `base` (the entry's
 * page), for the Atom feed, whose readers have no page to resolve them
 * against. A link from the site's root ("/years/44-bc/") resolves against
 * `root`, the site's address with its path prefix, as the HTML base plugin
 * prefixes it on the pages. The body is markdown-it's rendering with raw HTML off
 * (src/content/markdown.ts): its only addresses are its links' `href`, and a
 * `"` in its text is always escaped, so ` href="` only ever starts one. Each
 * resolves as the RSS plugin's deprecated htmlToAbsoluteUrls resolved it, but
 * without parsing the HTML, which took a third of Eleventy's time on a large
 * entry; Eleventy's replacement (`transformWithHtmlBase`) parses it too, and
 * drops the query of a relative link.
 */
export function absoluteLinks(bodyHtml: string, base: string, root: string): string {
  return bodyHtml.replace(/ href="([^"]*)"/g, (attribute, written: string) => {
    const href = written.trim();
    const fromRoot = href.startsWith("/") && !href.startsWith("//");
    const url = fromRoot ? URL.parse(`.${href}`, root) : URL.parse(href, base);
    return url ? ` href="${url.href}"` : attribute;
  });
}
