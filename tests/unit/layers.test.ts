// The architecture as a rule the build keeps: a module imports only its own
// layer or a lower one, so content never depends on the archive, the archive
// never on its writers, and nothing but the commands on the commands.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

/**
 * Each folder of src/ (or top-level file, without ".ts") and its layer, lowest first:
 * 0 util/: small helpers every layer may use;
 * 1 the site's settings (site.json) and its address, and the message catalogues (i18n/) they check the language against;
 * 2 content, and config beside it (it reads content's date and photo rules);
 * 3 what reads content only: the archive, the importers, the benchmark's archive, the web editor's configuration;
 * 4 the archive's writers: api, search, images;
 * 5 eleventy/: what plugs into Eleventy (the plugins, their types);
 * 6 build/: what plans, runs and finishes a build and stages, locks and swaps the output folder;
 * 7 the commands.
 */
const LAYERS: Record<string, number> = {
  util: 0,
  "site-address": 1,
  site: 1,
  i18n: 1,
  content: 2,
  config: 2,
  archive: 3,
  importers: 3,
  bench: 3,
  cms: 3,
  api: 4,
  search: 4,
  images: 4,
  eleventy: 5,
  build: 6,
  cli: 7,
};

/** The unit a module belongs to: its folder under src/, or its own name at the top. */
function unitOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? first! : first!.replace(/(\.d)?\.ts$/, "");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const file = path.join(dir, item.name);
    return item.isDirectory() ? sourceFiles(file) : item.name.endsWith(".ts") ? [file] : [];
  });
}

/** Relative imports, static (`from "…"`, `import "…"`) and dynamic (`import("…")`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/\b(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return found
    .map((specifier) => path.resolve(path.dirname(file), specifier))
    .filter((target) => target.startsWith(SRC + path.sep));
}

const files = sourceFiles(SRC);

describe("layers", () => {
  it("classifies every folder and top-level module of src/", () => {
    const unclassified = [...new Set(files.map(unitOf))].filter((unit) => !(unit in LAYERS));
    expect(unclassified, "add these to LAYERS in tests/unit/layers.test.ts").toEqual([]);
  });

  it("finds the imports it checks", () => {
    // A regular expression that stopped matching would pass everything.
    expect(importsOf(path.join(SRC, "archive/archive.ts")).length).toBeGreaterThan(3);
  });

  it("has no module import a higher layer", () => {
    const violations = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => (LAYERS[unitOf(target)] ?? 0) > (LAYERS[unitOf(file)] ?? 0))
        .map((target) => {
          const [from, to] = [unitOf(file), unitOf(target)];
          return `src/${path.relative(SRC, file)} (${from}, layer ${LAYERS[from]}) imports src/${path.relative(SRC, target)} (${to}, layer ${LAYERS[to]})`;
        }),
    );
    expect(violations).toEqual([]);
  });
});
