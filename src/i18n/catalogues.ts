// The message catalogues: one JSON file per language in catalogues/, flat keys
// ("namespace.name") whose values are ICU MessageFormat. The languages are the
// files: adding one is adding its file (README: "Languages").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type English from "./catalogues/en.json";

export const CATALOGUE_DIR = path.join(import.meta.dirname, "catalogues");

/** Every key English has; every catalogue has the same (tests/unit/i18n-catalogues.test.ts). */
export type MessageKey = keyof typeof English;

/**
 * Values the code gives a message besides the ones English uses, which a
 * translation may use: each with the value it may stand for, or null. The
 * century in Roman numerals ("XXe siècle", "siglo XX") instead of its number;
 * a date's precision, to choose the words around it ("vers le 1er mai",
 * "vers 1500"). Every other placeholder of a translation is one of English's.
 */
export const EXTRA_VALUES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  "century.ad": { roman: "century" },
  "century.bc": { roman: "century" },
  "date.approximate": { precision: null },
  "date.from": { precision: null },
  "date.until": { precision: null },
};

export type Catalogue = Readonly<Record<string, string>>;

let languages: readonly string[] | undefined;

/** The languages with a catalogue, e.g. ["ar", "de", "en", "es", "fr"]. */
export function availableLanguages(): readonly string[] {
  languages ??= readdirSync(CATALOGUE_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
  return languages;
}

/**
 * The catalogue a language tag is written with: its own ("pt-BR" for pt-BR)
 * if there is one, else its language's ("fr" for fr-CA); undefined if neither.
 */
export function catalogueLanguage(tag: string): string | undefined {
  const available = availableLanguages();
  const lower = tag.toLowerCase();
  return (
    available.find((name) => name.toLowerCase() === lower) ??
    available.find((name) => name.toLowerCase() === new Intl.Locale(tag).language)
  );
}

export function readCatalogue(language: string): Catalogue {
  const file = path.join(CATALOGUE_DIR, `${language}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as Catalogue;
}
