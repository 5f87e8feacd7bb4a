// How every command prints content problems: as text for people, or as
// GitHub annotations (--format github) so each lands on its file and line in a
// pull request.
import { type ContentProblem, formatProblem } from "../content/problems.ts";
import { plural } from "../util/plural.ts";
import { visible } from "../util/visible.ts";

// Commands print counts with it too.
export { plural };

export type ReportFormat = "text" | "github";

export function reportProblems(
  problems: readonly ContentProblem[],
  format: ReportFormat = "text",
): { errors: number; warnings: number } {
  // GitHub reads workflow commands from standard output.
  for (const problem of problems) {
    if (format === "github") console.log(githubAnnotation(problem));
    else console.error(formatProblem(problem));
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length && format === "text")
    console.error(`\n${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  return { errors, warnings };
}

/** `::error file=…,line=…,title=…::message (fix)`, escaped as GitHub's workflow commands require. */
export function githubAnnotation(problem: ContentProblem): string {
  const property = (value: string) => escapeData(visible(value)).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const properties = [`file=${property(problem.file)}`];
  if (problem.line) properties.push(`line=${problem.line}`);
  if (problem.field) properties.push(`title=${property(problem.field)}`);
  const message = `${problem.field ? `${problem.field}: ` : ""}${problem.message}${problem.fix ? ` (${problem.fix})` : ""}`;
  return `::${problem.severity} ${properties.join(",")}::${escapeData(visible(message))}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** The time since `from` (or up to `to`), as "1.23 s". */
export function seconds(from: number, to = performance.now()): string {
  return `${((to - from) / 1000).toFixed(2)} s`;
}
