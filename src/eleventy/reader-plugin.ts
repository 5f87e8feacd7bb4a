// What the reader's pages compute at render time from the archive: a busy
// day's eras (src/archive/eras.ts). As filters, not archive fields, so that a
// patched archive (src/archive/patch-archive.ts) never shows stale groups.

import { eraGroups } from "../archive/eras.ts";
import type { EventLink } from "../archive/event-link.ts";
import type { EleventyConfig } from "./types.ts";

export function readerPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("eraGroups", (events: readonly EventLink[], dayCount: number) =>
    eraGroups(events, dayCount),
  );
}
