// npm run check: validates every entry without building. Exit 1 on any error.
import { loadArchive } from "../archive/load-archive.ts";
import { configFromEnv } from "../config.ts";
import { plural, reportProblems } from "./report.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const config = configFromEnv();
  const { archive, problems } = await loadArchive(config.contentDir, config);
  const { errors } = reportProblems(problems);
  if (errors || !archive) return 1;
  console.log(`${plural(archive.events.length, "entry", "entries")} checked: no errors.`);
  return 0;
});
