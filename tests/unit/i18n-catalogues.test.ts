// The catalogues agree with English: the same keys, messages that parse, and
// the same placeholders, so that adding a language is adding one file that
// this test checks (README: "Languages").
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { availableLanguages, type Catalogue, EXTRA_VALUES, readCatalogue } from "../../src/i18n/catalogues.ts";
import { messagesFor, textDirection } from "../../src/i18n/messages.ts";

const english = readCatalogue("en");
const translations = availableLanguages().filter((language) => language !== "en");

// The parser's element types (@formatjs/icu-messageformat-parser's TYPE).
const ARGUMENT_TYPES: Record<number, string> = {
  1: "text",
  2: "number",
  3: "date",
  4: "time",
  5: "select",
  6: "plural",
};
// A count's forms must stay a choice; an ordinal English writes with selectordinal may be written otherwise ("20. Jahrhundert").
const CHOICE_TYPES = new Set(["select", "plural"]);

interface Element {
  readonly type: number;
  readonly value?: string;
  readonly options?: Record<string, { readonly value: Element[] }>;
  readonly pluralType?: "cardinal" | "ordinal";
}

/** Each argument of a message and how it is used: "count" → "plural", "roman" → "text". */
function argumentsOf(elements: readonly Element[], found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const element of elements) {
    const kind = ARGUMENT_TYPES[element.type];
    if (kind && element.value !== undefined) {
      const use = element.pluralType === "ordinal" ? "ordinal" : kind;
      const uses = found.get(element.value) ?? found.set(element.value, new Set()).get(element.value)!;
      uses.add(use);
    }
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, found);
  }
  return found;
}

function parse(catalogue: Catalogue, language: string, key: string): Map<string, Set<string>> {
  const format = new IntlMessageFormat(catalogue[key]!, language, undefined, { ignoreTag: true });
  return argumentsOf(format.getAst() as Element[]);
}

describe("the message catalogues", () => {
  it("are the five bundled languages, read from the folder", () => {
    expect(availableLanguages()).toEqual(expect.arrayContaining(["ar", "de", "en", "es", "fr"]));
  });

  it.each(translations)("%s has every key of English, and no other", (language) => {
    const catalogue = readCatalogue(language);
    const missing = Object.keys(english).filter((key) => !(key in catalogue));
    const extra = Object.keys(catalogue).filter((key) => !(key in english));
    expect(missing.map((key) => `${key} is missing from ${language}.json`)).toEqual([]);
    expect(extra.map((key) => `${key} in ${language}.json is not in en.json`)).toEqual([]);
  });

  it.each(availableLanguages())("every message of %s parses as ICU MessageFormat", (language) => {
    const catalogue = readCatalogue(language);
    const broken = Object.keys(catalogue).flatMap((key) => {
      try {
        parse(catalogue, language, key);
        return [];
      } catch (e) {
        return [`${language}.json ${key}: ${(e as Error).message}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it.each(translations)("%s uses the placeholders English uses, plurals and selects as English does", (language) => {
    const catalogue = readCatalogue(language);
    const wrong = Object.keys(english)
      .filter((key) => key in catalogue)
      .flatMap((key) => {
        const theirs = parse(catalogue, language, key);
        const ours = parse(english, "en", key);
        const extras = Object.entries(EXTRA_VALUES[key] ?? {});
        const allowed = new Set([...ours.keys(), ...extras.map(([extra]) => extra)]);
        const replaced = new Set(extras.filter(([extra]) => theirs.has(extra)).map(([, standsFor]) => standsFor));
        const faults = [
          ...[...ours.keys()]
            .filter((name) => !theirs.has(name) && !replaced.has(name))
            .map((name) => `lacks {${name}}`),
          ...[...theirs.keys()]
            .filter((name) => !allowed.has(name))
            .map((name) => `has {${name}}, which English does not`),
          // A translation may choose where English does not (French "1er").
          ...[...ours]
            .filter(([name, uses]) => ![...uses].every((use) => !CHOICE_TYPES.has(use) || theirs.get(name)?.has(use)))
            .map(([name, uses]) => `uses {${name}} not as ${[...uses].join("/")}`),
        ];
        return faults.map((fault) => `${language}.json ${key} ${fault}`);
      });
    expect(wrong).toEqual([]);
  });

  it.each(availableLanguages())("%s gives the twelve months ASCII addresses, each its own", (language) => {
    const addresses = readCatalogue(language)["month.addresses"]!.split(" ");
    expect(addresses).toHaveLength(12);
    for (const address of addresses) expect(address, `${language}.json month.addresses`).toMatch(/^[a-z]+$/);
    expect(new Set(addresses).size).toBe(12);
  });

  it("says a missing placeholder, naming the key", () => {
    const catalogue = { "count.entries": "{n, plural, one {# entrée} other {# entrées}}" };
    expect([...parse(catalogue, "fr", "count.entries").keys()]).toEqual(["n"]);
    expect(() => messagesFor("fr").t("count.entries", {})).toThrow(/count\.entries.*count/);
  });
});

describe("messagesFor", () => {
  it("formats a message in the language's plural forms", () => {
    expect(messagesFor("en").t("count.entries", { count: 0 })).toBe("no entries");
    expect(messagesFor("en").t("count.entries", { count: 1 })).toBe("1 entry");
    expect(messagesFor("en").t("count.entries", { count: 1969 })).toBe("1969 entries");
    expect(messagesFor("fr").t("count.entries", { count: 2 })).toBe("2 entrées");
  });

  it("writes right to left for Arabic only, from Intl", () => {
    expect(messagesFor("ar").dir).toBe("rtl");
    expect(textDirection("he")).toBe("rtl");
    for (const language of ["en", "fr", "de", "es"]) expect(messagesFor(language).dir).toBe("ltr");
  });

  it("takes a regional tag to its language's catalogue, and refuses a language without one", () => {
    expect(messagesFor("fr-CA").catalogue).toBe("fr");
    expect(messagesFor("fr-CA").language).toBe("fr-CA");
    expect(() => messagesFor("pt-BR")).toThrow(/"pt-BR".*ar, de, en, es, fr.*src\/i18n\/catalogues\/en\.json/);
  });

  it("names an unknown key", () => {
    expect(() => messagesFor("de").t("no.such" as "count.entries")).toThrow(/"no\.such".*de\.json/);
  });

  it("keeps the parts around a link as text", () => {
    const link = { href: "/x/", text: "x" };
    expect(messagesFor("en").parts("archive.dayDescription", { day: link, sections: "<b>" })).toEqual([
      "What happened on ",
      link,
      " in history: <b>.",
    ]);
  });
});
