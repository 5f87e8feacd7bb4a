// The body of an entry is Markdown. Raw HTML in it is shown as text, not
// interpreted: entries come from pull requests by people we may not know.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
