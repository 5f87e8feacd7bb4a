// The body of an entry is Markdown. Raw HTML in it is shown as text, not
// interpreted: entries come from pull requests by people we may not know.
// Links may only lead to http(s), mailto or relative addresses (markdown-it
// would also allow data: images), and table alignment becomes a class, since
// the site's Content-Security-Policy allows no style attributes. Images are
// not the body's: every image the site shows is a credited photo (`photos:`),
// so the check refuses them (body-check.ts) and, should one get through, only
// its description is written, so feeds and the API never make a reader's
// app fetch an address from a stranger.
import MarkdownIt from "markdown-it";
import { detach } from "../util/detach.ts";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

const SAFE_LINK = /^(https?:|mailto:|[^:]*$)/i;
markdown.validateLink = (url) => SAFE_LINK.test(url.trim()) && !/^\s*\/\//.test(url);

markdown.core.ruler.push("alignment-classes", (state) => {
  for (const token of state.tokens) {
    const style = token.attrGet("style");
    if (!style) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    const align = /text-align:\s*(left|center|right)/.exec(String(style))?.[1];
    if (align) token.attrJoin("class", `align-${align}`);
  }
});

markdown.renderer.rules.image = (tokens, idx, options, env, self) =>
  markdown.utils.escapeHtml(self.renderInlineAsText(tokens[idx]!.children ?? [], options, env));

export function renderMarkdown(source: string): string {
  return detach(markdown.render(source));
}

export type MarkdownToken = ReturnType<typeof markdown.parse>[number];

/** The tokens `renderMarkdown` renders, for checks that need the structure (body-check.ts). */
export function parseMarkdown(source: string): MarkdownToken[] {
  return markdown.parse(source, {});
}
