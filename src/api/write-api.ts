// Writes the static JSON API, its JSON Schemas, the bulk export and the
// iCalendar subscription into the built site. Documents are made and written
// one batch at a time, and the export is streamed, so a large archive's API is
// never held in memory whole.
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { z } from "zod";
import type { Archive } from "../archive/archive.ts";
import { entryJsonSchema, ENTRY_SCHEMA_PATH } from "../content/entry-json-schema.ts";
import { mapLimit } from "../content/map-limit.ts";
import type { SiteInfo } from "../site.ts";
import { ApiDocuments, apiPaths } from "./documents.ts";
import { icalendar } from "./icalendar.ts";
import { API_SCHEMAS, WIKIMEDIA_TYPES } from "./schemas.ts";

const IN_FLIGHT = 32;

export async function writeApi(archive: Archive, site: SiteInfo, outputDir: string): Promise<void> {
  const docs = new ApiDocuments(archive, site);
  const target = (sitePath: string) => path.join(outputDir, ...sitePath.split("/"));
  // Each folder is made once; writers into it wait for that.
  const folders = new Map<string, Promise<unknown>>();
  const write = async (sitePath: string, content: string) => {
    const folder = path.dirname(target(sitePath));
    if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
    await folders.get(folder);
    await writeFile(target(sitePath), content);
  };
  const json = (sitePath: string, value: unknown) => write(sitePath, JSON.stringify(value));

  await mapLimit(archive.days, IN_FLIGHT, async (day) => {
    await json(apiPaths.day(day.key), docs.day(day));
    for (const type of ["all", ...WIKIMEDIA_TYPES] as const) await json(apiPaths.wikimedia(type, day.key), docs.wikimedia(day, type));
  });
  await mapLimit(archive.events, IN_FLIGHT, (event) => json(apiPaths.event(event.slug), docs.event(event)));
  await json(apiPaths.events, docs.index());
  await streamExport(archive, docs, target(apiPaths.export));
  for (const [name, schema] of Object.entries(API_SCHEMAS)) await json(apiPaths.schema(name), z.toJSONSchema(schema, { io: "output" }));
  // The entry format itself, for editors' YAML tooling (see CONTRIBUTING.md).
  await json(ENTRY_SCHEMA_PATH, entryJsonSchema());
  await write("/calendar.ics", icalendar(archive, site));
}

/** Every event's document, one per line, written as it is made. */
async function streamExport(archive: Archive, docs: ApiDocuments, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  for (const event of archive.events) {
    if (!out.write(JSON.stringify(docs.event(event)) + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}
