// The fixture archive built with another `language` in its site.json.
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BuildRun, buildSite, FIXTURE_ARCHIVE } from "./build-site.ts";

/** Copies the fixture archive into `work`, sets its language, and builds it into `work/<language>-site`. */
export async function buildFixtureIn(language: string, work: string): Promise<{ site: string; run: BuildRun }> {
  const content = path.join(work, `${language}-content`);
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  const settings = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
  await writeFile(path.join(content, "site.json"), JSON.stringify({ ...settings, language }));
  const site = path.join(work, `${language}-site`);
  return { site, run: await buildSite(content, site) };
}
