// What the commands print from content or settings never carries a control
// character to the terminal: ESC, BEL and the rest are shown as escapes.
import { describe, expect, it } from "vitest";
import { githubAnnotation } from "../../src/cli/report.ts";
import { type ContentProblem, formatProblem } from "../../src/content/problems.ts";
import { hasControl, visible } from "../../src/util/visible.ts";

const HOSTILE = "\u001b]0;PWNED\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007";

describe("visible", () => {
  it("shows C0, DEL and C1 controls as escapes, and leaves other text alone", () => {
    expect(visible(HOSTILE)).toBe("\\x1b]0;PWNED\\x07\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07");
    expect(visible("a\nb\r\tc\u0000\u007f\u0085\u009b")).toBe("a\\nb\\r\\tc\\x00\\x7f\\u0085\\u009b");
    expect(visible("Café, 十月革命, \u{1F680} «»")).toBe("Café, 十月革命, \u{1F680} «»");
    expect(hasControl(visible(HOSTILE))).toBe(false);
  });
});

describe("a content problem as printed", () => {
  const problem: ContentProblem = {
    file: `content/events/x${HOSTILE}.md`,
    line: 3,
    field: `date${HOSTILE}`,
    message: `"${HOSTILE}" is not a date in YYYY-MM-DD form`,
    fix: "write it as YYYY-MM-DD",
    severity: "error",
  };

  it("quotes the file, the field and the value with every control made visible", () => {
    const line = formatProblem(problem);
    expect(hasControl(line)).toBe(false);
    expect(line).toBe(
      `content/events/x${visible(HOSTILE)}.md:3: date${visible(HOSTILE)}: "${visible(HOSTILE)}" is not a date in YYYY-MM-DD form (write it as YYYY-MM-DD)`,
    );
  });

  it("is one GitHub annotation line with no control character", () => {
    const line = githubAnnotation(problem);
    expect(hasControl(line)).toBe(false);
    expect(line.startsWith("::error file=content/events/x\\x1b]0;PWNED\\x07")).toBe(true);
  });
});
