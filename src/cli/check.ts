// npm run check [-- --format github]: validates every entry without building.
// Errors exit 1; warnings (likely duplicates, no sources, a summary that only
// repeats the title) are printed and do not fail.
import { parseArgs } from "node:util";
import { loadArchive } from "../archive/load-archive.ts";
import { LastBuild } from "../build/last-build.ts";
import { configFromEnv } from "../config.ts";
import { plural, type ReportFormat, reportProblems } from "./report.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const { values } = parseArgs({ options: { format: { type: "string", default: "text" } } });
  if (values.format !== "text" && values.format !== "github") {
    console.error(`--format: "${values.format}" is not text or github`);
    return 2;
  }
  const config = configFromEnv();
  // The entries of the last build whose text is unchanged are not parsed again.
  const { archive, problems } = await loadArchive(config.contentDir, {
    ...config,
    cache: await LastBuild.open(config),
  });
  const { errors, warnings } = reportProblems(problems, values.format as ReportFormat);
  if (errors || !archive) return 1;
  console.log(
    `${plural(archive.events.length, "entry", "entries")} checked: no errors${warnings ? `, ${plural(warnings, "warning")}` : ""}.`,
  );
  return 0;
});
