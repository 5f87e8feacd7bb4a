// Warnings that never fail a build but help review: likely duplicates (same
// day, very similar title), entries without sources, and summaries that only
// repeat the title.
import { isoDate } from "./dates.ts";
import type { LoadedEntry } from "./load.ts";
import type { ContentProblem } from "./problems.ts";

/** Titles this alike (shared words over all words) on the same day are probably one event. */
const DUPLICATE_SIMILARITY = 0.8;

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

  for (const sameDay of Map.groupBy(entries, (e) => isoDate(e.date)).values()) {
    for (let i = 0; i < sameDay.length; i++) {
      for (let j = i + 1; j < sameDay.length; j++) {
        const [a, b] = [sameDay[i]!, sameDay[j]!];
        if (similarity(a.title, b.title) >= DUPLICATE_SIMILARITY) {
          warn(
            b,
            "title",
            `looks like a duplicate of ${a.file} ("${a.title}", same day)`,
            "merge the two entries, or make the titles say how the events differ",
          );
        }
      }
    }
  }
  return warnings;
}

function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Shared distinct words over all distinct words (Jaccard). */
function similarity(a: string, b: string): number {
  const [x, y] = [new Set(words(a)), new Set(words(b))];
  const shared = [...x].filter((w) => y.has(w)).length;
  const all = new Set([...x, ...y]).size;
  return all ? shared / all : 0;
}
