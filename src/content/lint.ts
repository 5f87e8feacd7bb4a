// Warnings that never fail a build but help review: likely duplicates (same
// day and year, nearly the same title words: duplicates.ts), entries without
// sources, and summaries that only repeat the title.
import { findDuplicates, words } from "./duplicates.ts";
import type { LoadedEntry } from "./load.ts";
import type { ContentProblem } from "./problems.ts";
import { sharedWikidataItems } from "./wikidata-items.ts";

export function lintEntries(entries: readonly LoadedEntry[]): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const warn = (entry: LoadedEntry, field: string | undefined, message: string, fix: string) =>
    warnings.push({ file: entry.file, field, message, fix, severity: "warning" });

  for (const entry of entries) {
    if (!entry.sources?.length)
      warn(entry, "sources", "has no sources", "add at least one book, article or page that confirms the date");
    if (words(entry.summary).join(" ") === words(entry.title).join(" ")) {
      warn(
        entry,
        "summary",
        "only repeats the title",
        "say in one line what happened, who was involved or why it mattered",
      );
    }
  }

  for (const { newer, older } of findDuplicates(entries)) {
    warn(
      newer,
      "title",
      `looks like a duplicate of ${older.file} ("${older.title}", same day and year)`,
      "merge the two entries, or make the titles say how the events differ",
    );
  }
  for (const { entry, first } of sharedWikidataItems(entries)) {
    warn(
      entry,
      "wikidata",
      `names the same Wikidata item (${entry.wikidata}) as ${first.file} ("${first.title}"): one item is one event`,
      "merge the two entries, or correct the id",
    );
  }
  return warnings;
}
