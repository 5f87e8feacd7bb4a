// Writes the static JSON API, its JSON Schemas, the bulk export and the
// iCalendar subscription into the built site.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Archive } from "../archive/archive.ts";
import { mapLimit } from "../content/map-limit.ts";
import type { SiteInfo } from "../site.ts";
import { ApiDocuments, apiPaths } from "./documents.ts";
import { icalendar } from "./icalendar.ts";
import { API_SCHEMAS, WIKIMEDIA_TYPES } from "./schemas.ts";
import { entryJsonSchema, ENTRY_SCHEMA_PATH } from "../content/entry-json-schema.ts";

export async function writeApi(archive: Archive, site: SiteInfo, outputDir: string): Promise<void> {
  const docs = new ApiDocuments(archive, site);
  const files: [string, string][] = [];
  const json = (sitePath: string, value: unknown) => files.push([sitePath, JSON.stringify(value)]);

  for (const day of archive.days) {
    json(apiPaths.day(day.key), docs.day(day));
    for (const type of ["all", ...WIKIMEDIA_TYPES] as const) json(apiPaths.wikimedia(type, day.key), docs.wikimedia(day, type));
  }
  for (const event of archive.events) json(apiPaths.event(event.slug), docs.event(event));
  json(apiPaths.events, docs.index());
  files.push([apiPaths.export, archive.events.map((e) => JSON.stringify(docs.event(e))).join("\n") + "\n"]);
  for (const [name, schema] of Object.entries(API_SCHEMAS)) json(apiPaths.schema(name), z.toJSONSchema(schema, { io: "output" }));
  // The entry format itself, for editors' YAML tooling (see CONTRIBUTING.md).
  json(ENTRY_SCHEMA_PATH, entryJsonSchema());
  files.push(["/calendar.ics", icalendar(archive, site)]);

  const folders = new Set(files.map(([p]) => path.dirname(path.join(outputDir, p))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await mapLimit(files, 32, ([p, content]) => writeFile(path.join(outputDir, p), content));
}
