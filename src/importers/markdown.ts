// Plain text from another format, made safe to put in an entry's Markdown body.

/** Escapes what Markdown would read as formatting, links or HTML, so the text shows as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/^(\s*)([#>+=-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}
