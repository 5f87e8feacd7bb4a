// Counts in the commands' English messages: "1 entry", "12 entries", "3 errors".
// The site's counts are catalogue messages in its language instead
// (src/i18n/catalogues/, "count.entries"), with every language's plural forms.
const rules = new Map<string, Intl.PluralRules>();

/** `count` and the form of the word its number takes: `other` for any category without a form of its own. */
export function plural(count: number, one: string, other = `${one}s`, locale = "en"): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  return `${count} ${rule.select(count) === "one" ? one : other}`;
}
