/**
 * An entry's body with its links made absolute against `base` (the entry's
 * page), for the Atom feed, whose readers have no page to resolve them
 * against. The body is markdown-it's rendering with raw HTML off
 * (src/content/markdown.ts): its only addresses are its links' `href`, and a
 * `"` in its text is always escaped, so ` href="` only ever starts one. Each
 * resolves as the RSS plugin's deprecated htmlToAbsoluteUrls resolved it, but
 * without parsing the HTML, which took a third of Eleventy's time on a large
 * entry; Eleventy's replacement (`transformWithHtmlBase`) parses it too, and
 * drops the query of a relative link.
 */
export function absoluteLinks(bodyHtml: string, base: string): string {
  return bodyHtml.replace(/ href="([^"]*)"/g, (attribute, href: string) => {
    const url = URL.parse(href.trim(), base);
    return url ? ` href="${url.href}"` : attribute;
  });
}
