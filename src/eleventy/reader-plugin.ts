// What the reader's pages compute at render time from the archive: a busy
// day's eras (src/archive/eras.ts), and the day's pick for the home page and
// /today.xml with each event's years ago (src/archive/front-page-pick.ts). As
// filters, not archive fields, so that a patched archive
// (src/archive/patch-archive.ts) never shows stale groups.

import type { Archive, Day } from "../archive/archive.ts";
import { eraGroups } from "../archive/eras.ts";
import type { EventLink } from "../archive/event-link.ts";
import { dayPick, yearsAgo } from "../archive/front-page-pick.ts";
import { todayRoom } from "../archive/reader-days.ts";
import { type MessageKey, type MessageValues, messagesFor } from "../i18n/messages.ts";
import type { SiteInfo } from "../site.ts";
import type { EleventyConfig } from "./types.ts";

export function readerPlugin(eleventyConfig: EleventyConfig, { site }: { site: SiteInfo }): void {
  const messages = messagesFor(site.language);
  eleventyConfig.addFilter("eraGroups", (events: readonly EventLink[], dayCount: number) =>
    eraGroups(events, dayCount),
  );
  eleventyConfig.addFilter("dayPick", (day: Day, archive: Archive) => dayPick(day, archive));
  eleventyConfig.addFilter("todayRoom", (archive: Archive) => todayRoom(archive));
  /** Years from the event to the build date ("2026-06-12"). */
  eleventyConfig.addFilter("yearsAgo", (event: EventLink, buildDate: string) =>
    yearsAgo(event.date.year, Number.parseInt(buildDate, 10)),
  );
  eleventyConfig.addFilter("pluralForms", (key: MessageKey, values?: MessageValues) =>
    pluralForms(messages, key, values),
  );
}

/**
 * A counted message in each plural form of the language, "#" where the number
 * goes ({ one: "# year ago", other: "# years ago" }): for today.js, which
 * chooses the form with Intl.PluralRules and cannot read the catalogues.
 */
function pluralForms(
  messages: ReturnType<typeof messagesFor>,
  key: MessageKey,
  values: MessageValues = {},
): Record<string, string> {
  const rules = new Intl.PluralRules(messages.language);
  const forms: Record<string, string> = {};
  // Each category's first count from 1000 up and then from 0: years ago are rarely 0 or 1, but Arabic's "two" is only 2.
  for (const n of [...Array.from({ length: 200 }, (_, i) => 1000 + i), ...Array.from({ length: 200 }, (_, i) => i)]) {
    const category = rules.select(n);
    if (!(category in forms))
      forms[category] = messages.t(key, { ...values, count: n }).replace(messages.number(n), "#");
  }
  return forms;
}
