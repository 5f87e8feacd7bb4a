// Two entries that name one Wikidata item describe one event: a duplicate,
// whatever their titles and dates say (an Old Style and a New Style copy of
// a birth have different days).
import type { LoadedEntry } from "./load.ts";

/** Each entry whose `wikidata` item an earlier entry (in file order) names, with the first that does. */
export function sharedWikidataItems(
  entries: readonly LoadedEntry[],
): { readonly entry: LoadedEntry; readonly first: LoadedEntry }[] {
  const named = entries.filter((e) => e.wikidata).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const first = new Map<string, LoadedEntry>();
  const shared: { entry: LoadedEntry; first: LoadedEntry }[] = [];
  for (const entry of named) {
    const earlier = first.get(entry.wikidata!);
    if (earlier) shared.push({ entry, first: earlier });
    else first.set(entry.wikidata!, entry);
  }
  return shared;
}
