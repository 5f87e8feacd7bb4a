// Writes the static JSON API, its JSON Schemas, the bulk export and the
// iCalendar subscription into the built site, the parts site.json's "api"
// setting keeps. Documents are made and written one at a time, and the export
// a batch of lines at a time, so a large archive's API is never held in memory
// whole.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Archive } from "../archive/archive.ts";
import { ENTRY_SCHEMA_PATH, entryJsonSchema } from "../content/entry-json-schema.ts";
import type { SiteInfo } from "../site.ts";
import type { SiteSize } from "../util/site-size.ts";
import { ApiDocuments, apiPaths } from "./documents.ts";
import { icalendar } from "./icalendar.ts";
import { publishedSchemas, WIKIMEDIA_TYPES } from "./schemas.ts";

/** Files written between yields to the event loop, which the Pagefind service's messages need. */
const FILES_PER_TURN = 500;

/**
 * Writes the API into `outputDir`, adding each file to `size` when given;
 * with `eventDocuments`, only those events' documents (by slug): the others
 * are in the site already.
 */
export async function writeApi(
  archive: Archive,
  site: SiteInfo,
  outputDir: string,
  size?: SiteSize,
  eventDocuments?: ReadonlySet<string>,
): Promise<void> {
  const docs = new ApiDocuments(archive, site);
  const { api } = site;
  const target = (sitePath: string) => path.join(outputDir, ...sitePath.split("/"));
  // Synchronous writes: for many small files they cost a third of the main thread's time that promises do.
  const folders = new Set<string>();
  let written = 0;
  const write = async (sitePath: string, content: string) => {
    const folder = path.dirname(target(sitePath));
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    const bytes = Buffer.from(content);
    writeFileSync(target(sitePath), bytes);
    size?.add(sitePath, bytes.length);
    if (++written % FILES_PER_TURN === 0) await new Promise(setImmediate);
  };
  const json = (sitePath: string, value: unknown) => write(sitePath, JSON.stringify(value));

  for (const day of archive.days) {
    await json(apiPaths.day(day.key), docs.day(day));
    if (api.onThisDay)
      for (const type of ["all", ...WIKIMEDIA_TYPES] as const)
        await json(apiPaths.wikimedia(type, day.key), docs.wikimedia(day, type));
  }
  if (api.eventDocuments || api.export) await writeEvents(api.export ? target(apiPaths.export) : undefined);
  await json(apiPaths.events, docs.index());
  for (const [name, schema] of Object.entries(publishedSchemas(api)))
    await json(apiPaths.schema(name), z.toJSONSchema(schema, { io: "output" }));
  // The entry format itself, for editors' YAML tooling (see CONTRIBUTING.md).
  await json(ENTRY_SCHEMA_PATH, entryJsonSchema());
  if (api.calendar) await write("/calendar.ics", icalendar(archive, site));

  /** Each event's document, and the same line in the bulk export when there is one. */
  async function writeEvents(exportFile: string | undefined): Promise<void> {
    if (exportFile) mkdirSync(path.dirname(exportFile), { recursive: true });
    const exported = exportFile ? openSync(exportFile, "w") : undefined;
    let exportedBytes = 0;
    const flush = (lines: string[]) => {
      if (exported !== undefined && lines.length) exportedBytes += writeSync(exported, `${lines.join("\n")}\n`);
      return [];
    };
    try {
      let lines: string[] = [];
      for (const event of archive.events) {
        const document = JSON.stringify(docs.event(event));
        if (api.eventDocuments && (eventDocuments?.has(event.slug) ?? true))
          await write(apiPaths.event(event.slug), document);
        else if (++written % FILES_PER_TURN === 0) await new Promise(setImmediate);
        lines.push(document);
        if (lines.length === FILES_PER_TURN) lines = flush(lines);
      }
      flush(lines);
    } finally {
      if (exported !== undefined) closeSync(exported);
    }
    if (exportFile) size?.add(apiPaths.export, exportedBytes);
  }
}
