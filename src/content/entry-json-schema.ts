// The entry front-matter as JSON Schema, generated from the zod schema, so
// editors' YAML tools can check an entry while it is typed.
import { z } from "zod";
import { frontMatterSchema } from "./schema.ts";

export const ENTRY_SCHEMA_PATH = "/schemas/entry.json";

export function entryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frontMatterSchema, { io: "input" }),
    title: "On This Day archive entry (front-matter of content/events/<slug>.md)",
  };
}
