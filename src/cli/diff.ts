// npm run diff -- BASE_SITE HEAD_SITE [--format text|markdown] [--artifact-url URL] [--max-bytes N]:
// the pages one built site adds, changes and removes against another, each
// change with an excerpt of its visible text's diff. CI writes the Markdown
// into the pull request's job summary (.github/workflows/ci.yml).
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { diffSites } from "../build/site-diff.ts";
import { markdownReport, SUMMARY_BYTES, textReport } from "../build/site-diff-report.ts";
import { visible } from "../util/visible.ts";
import { runCli } from "./run-cli.ts";

const USAGE =
  "usage: npm run diff -- BASE_SITE HEAD_SITE [--format text|markdown] [--artifact-url URL] [--max-bytes N]";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      "artifact-url": { type: "string" },
      "max-bytes": { type: "string", default: String(SUMMARY_BYTES) },
    },
  });
  const fail = (message: string) => {
    console.error(`${visible(message)}\n${USAGE}`);
    return 2;
  };
  if (positionals.length !== 2) return fail("give two built sites: the base, then the head");
  for (const dir of positionals)
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return fail(`${dir}: no such folder`);
  if (values.format !== "text" && values.format !== "markdown")
    return fail(`--format: "${values.format}" is not text or markdown`);
  const artifactUrl = values["artifact-url"] || undefined;
  if (artifactUrl && !(/^https:\/\/\S+$/.test(artifactUrl) && URL.canParse(artifactUrl) && artifactUrl.length <= 500))
    return fail(`--artifact-url: "${artifactUrl}" is not an https address`);
  const maxBytes = Number(values["max-bytes"]);
  if (!Number.isInteger(maxBytes) || maxBytes < 4096) return fail("--max-bytes: give a whole number of at least 4096");

  const diff = await diffSites(positionals[0]!, positionals[1]!);
  process.stdout.write(
    values.format === "markdown" ? markdownReport(diff, { artifactUrl, maxBytes }) : textReport(diff, { artifactUrl }),
  );
  return 0;
});
