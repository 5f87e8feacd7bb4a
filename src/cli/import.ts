// npm run import -- --format bsd-calendar|csv|wikimedia-onthisday [--day MM-DD] [--dry-run] FILE…
// Turns existing lists into entries, never replacing or repeating one. The
// formats, columns and rules are documented in the README ("Importing").
import { parseArgs } from "node:util";
import { configFromEnv } from "../config.ts";
import { FORMAT_NAMES, isFormatName } from "../importers/formats.ts";
import { formatReport, importFiles } from "../importers/import-entries.ts";
import { parseMonthDay } from "../importers/wikimedia-onthisday.ts";
import { visible } from "../util/visible.ts";
import { runCli } from "./run-cli.ts";

const USAGE = `Usage: npm run import -- --format ${FORMAT_NAMES.join("|")} [--day MM-DD] [--dry-run] FILE…
  --format   the files' format (see the README)
  --day      for wikimedia-onthisday: the day of the feed, when the file name does not say it (e.g. 06-12)
  --dry-run  show what would be written, write nothing`;

await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        format: { type: "string" },
        day: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${visible((error as Error).message)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const problems: string[] = [];
  const format = values.format;
  if (!format) problems.push("--format is missing");
  else if (!isFormatName(format)) problems.push(`--format: "${format}" is not one of ${FORMAT_NAMES.join(", ")}`);
  const day = values.day === undefined ? undefined : parseMonthDay(values.day);
  if (values.day !== undefined && !day)
    problems.push(`--day: "${values.day}" is not a day of the year as MM-DD (e.g. 06-12)`);
  if (values.day !== undefined && format !== "wikimedia-onthisday")
    problems.push("--day is only for --format wikimedia-onthisday");
  if (!files.length) problems.push("no files to import");
  if (problems.length || !format || !isFormatName(format)) {
    console.error([...problems.map(visible), USAGE].join("\n"));
    return 2;
  }

  const report = await importFiles(format, files, {
    contentDir: configFromEnv().contentDir,
    dryRun: values["dry-run"],
    ...(day ? { day } : {}),
  });
  const { stdout, stderr } = formatReport(report);
  // Imported titles are quoted in these lines: control characters made visible.
  for (const line of stdout.slice(0, -1)) console.log(visible(line));
  for (const line of stderr) console.error(visible(line));
  console.log(stdout.at(-1));
  return report.failed.length ? 1 : 0;
});
