// The scaffold's placeholder body draws a warning, wherever it is left and however it is wrapped.
import { describe, expect, it } from "vitest";
import { checkBody, PLACEHOLDER_BODY } from "../../src/content/body-check.ts";

describe("the placeholder body", () => {
  it("is a warning at its line, alone or among the editor's own text, wrapped or not", () => {
    expect(checkBody(PLACEHOLDER_BODY)).toEqual([
      {
        line: 1,
        message: 'still has the placeholder "Write the historical context here,…" that npm run new wrote',
        fix: "replace it with the historical context: what happened, why it mattered and what followed",
        severity: "warning",
      },
    ]);
    const wrapped = PLACEHOLDER_BODY.replace("in Markdown: ", "in Markdown:\n");
    expect(checkBody(`The Persians land at Marathon.\n\n${wrapped}\n`).map((p) => [p.line, p.severity])).toEqual([
      [3, "warning"],
    ]);
  });

  it("is no problem once replaced", () => {
    expect(checkBody("The Persians land at Marathon. Write the historical record down.")).toEqual([]);
  });
});
