// Reads a field's description and example back out of the zod schema, so the
// error messages and the scaffolder's template say what the schema says.

import { stringify } from "yaml";
import { z } from "zod";

export interface FieldHelp {
  description?: string;
  example?: string;
  /** The names of the fields of the object the path ends in, for "did you mean". */
  siblings?: string[];
}

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema, onEach: (s: AnySchema) => void): AnySchema {
  let current = schema;
  for (;;) {
    onEach(current);
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = unwrap(schema, () => {})._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === "object" ? def.shape : undefined;
}

/** The schema of the field a path names, or undefined where the path leaves the schema. */
function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = root;
  for (const segment of path) {
    if (!current) return undefined;
    const inner = unwrap(current, () => {});
    const def = inner._zod.def as { type: string; element?: AnySchema; shape?: Record<string, AnySchema> };
    const key = String(segment);
    // Own fields only: "constructor" or "toString" are not fields of any schema.
    current =
      typeof segment === "number"
        ? def.element
        : def.shape && Object.hasOwn(def.shape, key)
          ? def.shape[key]
          : undefined;
  }
  return current;
}

export function fieldHelp(root: AnySchema, path: readonly PropertyKey[]): FieldHelp {
  const help: FieldHelp = {};
  const schema = schemaAt(root, path);
  if (schema) {
    unwrap(schema, (s) => {
      const meta = z.globalRegistry.get(s) as { description?: string; examples?: unknown[] } | undefined;
      help.description ??= meta?.description;
      const example = meta?.examples?.[0];
      const key = path.at(-1);
      if (help.example === undefined && example !== undefined && typeof key === "string") {
        help.example = stringify({ [key]: example }, { flow: Array.isArray(example) })
          .trim()
          .replace(/^\{ ?|\s?\}$/g, "");
      }
    });
  }
  const parent = schemaAt(root, path.slice(0, -1));
  const shape = parent && shapeOf(parent);
  if (shape) help.siblings = Object.keys(shape);
  return help;
}

/** The known field closest to a misspelt one, if it is close enough to be a typo. */
export function closestField(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** Optimal string alignment distance: a swapped pair of letters counts as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
