// What the reader's pages compute at render time from the archive: a busy
// day's eras (src/archive/eras.ts), and the day's pick for the home page and
// /today.xml with each event's years ago (src/archive/front-page-pick.ts). As
// filters, not archive fields, so that a patched archive
// (src/archive/patch-archive.ts) never shows stale groups.

import type { Archive, Day } from "../archive/archive.ts";
import { eraGroups } from "../archive/eras.ts";
import type { EventLink } from "../archive/event-link.ts";
import { dayPick, yearsAgo } from "../archive/front-page-pick.ts";
import type { EleventyConfig } from "./types.ts";

export function readerPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("eraGroups", (events: readonly EventLink[], dayCount: number) =>
    eraGroups(events, dayCount),
  );
  eleventyConfig.addFilter("dayPick", (day: Day, archive: Archive) => dayPick(day, archive));
  /** Years from the event to the build date ("2026-06-12"). */
  eleventyConfig.addFilter("yearsAgo", (event: EventLink, buildDate: string) =>
    yearsAgo(event.date.year, Number.parseInt(buildDate, 10)),
  );
}
