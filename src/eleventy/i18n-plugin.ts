// The site's words in the templates, in the site's language (site.json
// `language`): `{{ "nav.calendar" | t }}`, `{{ "day.count" | t({ count: n }) }}`,
// and `i18n.language` and `i18n.dir` for `<html lang dir>`. A message is text:
// Nunjucks escapes it. A sentence with a link in it is one message with a
// placeholder, and `tLinks` writes the link:
// `{{ "footer.licence" | tLinks({ licence: { href: site.dataLicense.url, text: site.dataLicense.name } }) }}`.
import { createRequire } from "node:module";
import { type MessageKey, type MessageValues, messagesFor } from "../i18n/messages.ts";
import type { SiteInfo } from "../site.ts";
import { escapeHtml } from "../util/escape-html.ts";
import type { EleventyConfig } from "./types.ts";

/** A link inside a message: its address and its words, both escaped by tLinks. */
export interface MessageLink {
  readonly href: string;
  readonly text: string;
}

// Nunjucks leaves a SafeString unescaped; it has no types of its own.
const { runtime } = createRequire(import.meta.url)("nunjucks") as {
  runtime: { markSafe(html: string): unknown };
};

export function i18nPlugin(eleventyConfig: EleventyConfig, { site }: { site: SiteInfo }): void {
  const messages = messagesFor(site.language);
  eleventyConfig.addGlobalData("i18n", { language: messages.language, dir: messages.dir });
  eleventyConfig.addFilter("t", (key: MessageKey, values?: MessageValues) => messages.t(key, values));
  eleventyConfig.addFilter(
    "tLinks",
    (key: MessageKey, values: Readonly<Record<string, string | number | MessageLink>>) =>
      runtime.markSafe(
        messages
          .parts<MessageLink>(key, values)
          .map((part) =>
            typeof part === "object"
              ? `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`
              : escapeHtml(String(part)),
          )
          .join(""),
      ),
  );
}
