// The site's words in its language: messagesFor(site.language) gives `t`,
// which formats a catalogue's ICU message (plurals from Intl.PluralRules,
// digits from Intl.NumberFormat). One Messages per language, made once: the
// language travels with the site's settings, never in a global.
import { IntlMessageFormat } from "intl-messageformat";
import { availableLanguages, type Catalogue, catalogueLanguage, type MessageKey, readCatalogue } from "./catalogues.ts";

export { availableLanguages, type MessageKey };

/** What a message's placeholders take: numbers are formatted in the language's digits. */
export type MessageValues = Readonly<Record<string, string | number>>;

export interface Messages {
  /** The site's language tag, e.g. "fr" or "fr-CA": what dates and numbers are formatted for. */
  readonly language: string;
  /** The catalogue its words come from, e.g. "fr" for fr-CA. */
  readonly catalogue: string;
  /** The writing direction, for `<html dir>`. */
  readonly dir: "ltr" | "rtl";
  /** A message as text (never HTML: templates escape it). An unknown key or a missing value throws, naming it. */
  t(key: MessageKey, values?: MessageValues): string;
  /**
   * A message whose placeholders may be anything, kept as they are: the text
   * between them as strings, e.g. ["Text under ", licenceLink, "."] for a
   * sentence with a link (the Eleventy filter `tLinks` builds its HTML).
   */
  parts<T>(key: MessageKey, values: Readonly<Record<string, string | number | T>>): (string | T)[];
  /** A number in the language's digits, without grouping: "1969", "١٩٦٩" where Arabic digits are the default. */
  number(n: number): string;
}

export class UnknownLanguageError extends Error {
  override name = "UnknownLanguageError";
}

const made = new Map<string, Messages>();

/** The Messages of a language tag; throws an UnknownLanguageError when no catalogue fits it. */
export function messagesFor(language: string): Messages {
  let messages = made.get(language);
  if (!messages) made.set(language, (messages = makeMessages(language)));
  return messages;
}

/** Why a tag has no catalogue, in one sentence: the languages there are, and how to add one. */
export function missingLanguageMessage(language: string): string {
  return (
    `has no catalogue for "${language}": the languages are ${availableLanguages().join(", ")}; ` +
    `to add one, copy src/i18n/catalogues/en.json to src/i18n/catalogues/<language>.json and translate it (README: "Languages")`
  );
}

/** "rtl" for Arabic, Hebrew, Persian…: from the locale's text info (Node 24's Intl.Locale). */
export function textDirection(language: string): "ltr" | "rtl" {
  const locale = new Intl.Locale(language) as Intl.Locale & {
    getTextInfo?: () => { direction?: string };
    textInfo?: { direction?: string };
  };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === "rtl" ? "rtl" : "ltr";
}

function makeMessages(language: string): Messages {
  const catalogue = catalogueLanguage(language);
  if (!catalogue) throw new UnknownLanguageError(`The site's language ${missingLanguageMessage(language)}`);
  const texts = readCatalogue(catalogue);
  const numbers = new Intl.NumberFormat(language, { useGrouping: false });
  // Latin digits without grouping are what String() writes for a whole number, a hundred times faster.
  const latin = numbers.resolvedOptions().numberingSystem === "latn";
  const digits = (n: number) => (latin && Number.isSafeInteger(n) && n >= 0 ? String(n) : numbers.format(n));
  const compiled = new Map<string, Compiled>();
  const compile = (key: string) => {
    let message = compiled.get(key);
    if (!message) compiled.set(key, (message = compileMessage(texts, key, language, catalogue)));
    return message;
  };
  // IntlMessageFormat writes a number given to a plain {placeholder} as String() does: in Latin digits.
  const localDigits = <V>(message: Compiled, values: Readonly<Record<string, V>> | undefined) => {
    if (!values || !message.plain.size) return values;
    const written: Record<string, V | string> = { ...values };
    for (const name of message.plain) {
      const value = values[name];
      if (typeof value === "number") written[name] = digits(value);
    }
    return written;
  };
  return {
    language,
    catalogue,
    dir: textDirection(language),
    t(key, values) {
      const message = compile(key);
      if (!message.flat) return String(formatted(message.format, key, catalogue, localDigits(message, values)));
      let text = "";
      for (const part of message.flat) {
        if (typeof part === "string") {
          text += part;
          continue;
        }
        const given = values?.[part.name];
        if (given === undefined) throw new Error(`Message "${key}" (${catalogue}.json): no value for {${part.name}}`);
        text += typeof given === "number" ? digits(given) : given;
      }
      return text;
    },
    parts(key, values) {
      const message = compile(key);
      const result = formatted(message.format, key, catalogue, localDigits(message, values));
      return Array.isArray(result) ? result : [result];
    },
    number: digits,
  };
}

interface Compiled {
  readonly format: IntlMessageFormat;
  /** The arguments used only as plain {placeholders}, never to choose a plural or a select. */
  readonly plain: ReadonlySet<string>;
  /**
   * A message of text and plain {placeholders} only, as its pieces: joined
   * directly, ten times faster than IntlMessageFormat (an archive of 100,000
   * events writes a few of these per event).
   */
  readonly flat?: readonly (string | { readonly name: string })[];
}

function compileMessage(texts: Catalogue, key: string, language: string, catalogue: string): Compiled {
  const text = texts[key];
  if (text === undefined) throw new Error(`No message "${key}" in src/i18n/catalogues/${catalogue}.json`);
  // ignoreTag: a "<" in a message is a character, not the start of a rich-text tag.
  const format = new IntlMessageFormat(text, language, undefined, { formatters: FORMATTERS, ignoreTag: true });
  const plain = new Set<string>();
  const choosing = new Set<string>();
  const visit = (elements: readonly AstElement[]) => {
    for (const element of elements) {
      if (element.type === PLAIN_ARGUMENT && element.value) plain.add(element.value);
      if (element.options && element.value) choosing.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
    }
  };
  const ast = format.getAst() as AstElement[];
  visit(ast);
  for (const name of choosing) plain.delete(name);
  const isFlat = ast.every((element) => element.type === LITERAL || element.type === PLAIN_ARGUMENT);
  const flat = isFlat
    ? ast.map((element) => (element.type === LITERAL ? (element.value ?? "") : { name: element.value ?? "" }))
    : undefined;
  return { format, plain, ...(flat && { flat }) };
}

/** What compileMessage reads of @formatjs/icu-messageformat-parser's elements. */
interface AstElement {
  readonly type: number;
  readonly value?: string;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstElement[] }>>;
}

/** The parser's TYPE.literal and TYPE.argument: text, and a plain {placeholder}. */
const LITERAL = 0;
const PLAIN_ARGUMENT = 1;

/** One formatter per locale and options: making an Intl formatter costs a thousand times using one. */
function remembered<O, F>(make: (locales: string | string[] | undefined, options: O | undefined) => F) {
  const made = new Map<string, F>();
  return (locales?: string | string[], options?: O): F => {
    const key = JSON.stringify([locales, options]);
    let formatter = made.get(key);
    if (!formatter) made.set(key, (formatter = make(locales, options)));
    return formatter;
  };
}

// The site writes numbers without grouping separators: a year is "1969", never
// "1,969", and a count reads the same in English as before catalogues.
const FORMATTERS = {
  getNumberFormat: remembered<Intl.NumberFormatOptions, Intl.NumberFormat>(
    (locales, options) => new Intl.NumberFormat(locales, { useGrouping: false, ...options }),
  ),
  getDateTimeFormat: remembered<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>(
    (locales, options) => new Intl.DateTimeFormat(locales, options),
  ),
  getPluralRules: remembered<Intl.PluralRulesOptions, Intl.PluralRules>(
    (locales, options) => new Intl.PluralRules(locales, options),
  ),
};

function formatted<T>(
  format: IntlMessageFormat,
  key: string,
  catalogue: string,
  values: Readonly<Record<string, unknown>> | undefined,
): string | T | (string | T)[] {
  try {
    return format.format<T>(values as Record<string, T>);
  } catch (e) {
    throw new Error(`Message "${key}" (${catalogue}.json): ${(e as Error).message}`);
  }
}
