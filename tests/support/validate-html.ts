// html-validate with its recommended rules, relaxed only where written here.

import path from "node:path";
import { HtmlValidate } from "html-validate";
import { listFiles } from "./site-files.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // Titles are the editors' headlines; cutting them would hide words, and
    // search engines shorten long titles for display themselves.
    "long-title": "off",
  },
});

/** Every error in every HTML page of a built site, as "page:line: rule: message". */
export async function htmlErrors(outputDir: string): Promise<string[]> {
  const errors: string[] = [];
  for (const file of listFiles(outputDir).filter((f) => f.endsWith(".html"))) {
    const report = await validator.validateFile(path.join(outputDir, file));
    for (const result of report.results) {
      for (const m of result.messages) errors.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
  }
  return errors;
}
