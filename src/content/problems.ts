// A problem found in the content, phrased for an editor who has never seen
// the code: which file, which line and field, what is wrong, how to fix it.
import { plural } from "../util/plural.ts";
import { visible } from "../util/visible.ts";

export interface ContentProblem {
  /** Path of the entry as the editor knows it, e.g. "content/events/apollo-11.md". */
  readonly file: string;
  readonly line?: number | undefined;
  /** Dotted path of the front-matter field, e.g. "photo.alt" or "related[2].event". */
  readonly field?: string | undefined;
  readonly message: string;
  readonly fix?: string | undefined;
  readonly severity: "error" | "warning";
}

/** `content/events/x.md:4: date: "2019-02-29" is not a real day (…)` */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? `${problem.field}: ` : "";
  const fix = problem.fix ? ` (${problem.fix})` : "";
  const prefix = problem.severity === "warning" ? "warning: " : "";
  // File names, fields and quoted values come from the content: no escape reaches the terminal.
  return visible(`${where}: ${prefix}${field}${problem.message}${fix}`);
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i ? "." : ""}${String(segment)}`))
    .join("");
}

/** Problems in the order an editor reads them: by file, then line. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** Thrown when content has errors and a build cannot go on. */
export class ContentErrors extends Error {
  readonly problems: readonly ContentProblem[];
  constructor(problems: readonly ContentProblem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    super(`${plural(errors.length, "content error")}:\n${errors.map(formatProblem).join("\n")}`);
    this.name = "ContentErrors";
    this.problems = problems;
  }
}
