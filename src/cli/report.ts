// How every command prints content problems: errors and warnings, then a count.
import { formatProblem, type ContentProblem } from "../content/problems.ts";

export function reportProblems(problems: readonly ContentProblem[]): { errors: number; warnings: number } {
  for (const problem of problems) console.error(formatProblem(problem));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length) console.error(`\n${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
  return { errors, warnings };
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
