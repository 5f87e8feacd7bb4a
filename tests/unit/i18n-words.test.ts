// The site's words in each bundled language: dates, BCE years, centuries,
// decades and counts, as Wikipedia in each language writes them, with Intl's
// month names, plural rules and digits.
import { describe, expect, it } from "vitest";
import { dateWordsIn } from "../../src/content/date-words.ts";
import { parseEventDate } from "../../src/content/dates.ts";
import { calendarWords, romanNumeral } from "../../src/i18n/calendar-words.ts";
import { messagesFor } from "../../src/i18n/messages.ts";

const words = (language: string) => calendarWords(messagesFor(language));
const dateWords = (language: string, edtf: string) => {
  const parsed = parseEventDate(edtf);
  if (!parsed.ok) throw new Error(parsed.problem);
  return dateWordsIn(messagesFor(language)).eventDateWords(parsed.date);
};
const count = (language: string, n: number) => messagesFor(language).t("count.entries", { count: n });

describe("dates in words", () => {
  it.each([
    ["en", "1 May 1500", "12 June 2018", "24 August AD 79", "15 March 44 BC"],
    ["fr", "1er mai 1500", "12 juin 2018", "24 août 79 apr. J.-C.", "15 mars 44 av. J.-C."],
    ["de", "1. Mai 1500", "12. Juni 2018", "24. August 79 n. Chr.", "15. März 44 v. Chr."],
    ["es", "1 de mayo de 1500", "12 de junio de 2018", "24 de agosto de 79 d. C.", "15 de marzo de 44 a. C."],
  ])("%s: %s, %s, %s, %s", (language, may, june, vesuvius, caesar) => {
    const w = words(language);
    expect(w.dateInWords({ year: 1500, month: 5, day: 1 })).toBe(may);
    expect(w.dateInWords({ year: 2018, month: 6, day: 12 })).toBe(june);
    expect(w.dateInWords({ year: 79, month: 8, day: 24 })).toBe(vesuvius);
    expect(w.dateInWords({ year: -43, month: 3, day: 15 })).toBe(caesar);
  });

  it("writes Arabic dates with Intl's month names and digits, BCE years with ق.م", () => {
    const intl = new Intl.DateTimeFormat("ar", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    expect(words("ar").dateInWords({ year: 2018, month: 6, day: 12 })).toBe(intl.format(Date.UTC(2018, 5, 12)));
    expect(words("ar").dateInWords({ year: 2018, month: 6, day: 12 })).toBe("12 يونيو 2018");
    expect(words("ar").yearLabel(-43)).toBe("44 ق.م");
    // A region whose default digits are Arabic-Indic writes them (Intl.NumberFormat's default).
    const digits = new Intl.NumberFormat("ar-SA").format(44);
    expect(words("ar-SA").yearLabel(-43)).toBe(`${digits} ق.م`);
  });

  it("writes each language's uncertain, approximate, span, open and Old Style dates", () => {
    expect(dateWords("en", "1500-05-01~")).toBe("c. 1 May 1500");
    expect(dateWords("fr", "1500-05-01~")).toBe("vers le 1er mai 1500");
    expect(dateWords("fr", "1500~")).toBe("vers 1500");
    expect(dateWords("de", "1500~")).toBe("um 1500");
    expect(dateWords("es", "1500~")).toBe("hacia 1500");
    expect(dateWords("fr", "1757-06-12?")).toBe("12 juin 1757\u202f?");
    expect(dateWords("ar", "1757-06-12?")).toBe("12 يونيو 1757؟");
    expect(dateWords("de", "1863-07-01/1863-07-03")).toBe("1.–3. Juli 1863");
    expect(dateWords("es", "1863-07-01/1863-07-03")).toBe("1–3 de julio de 1863");
    expect(dateWords("fr", "1863-07-01/..")).toBe("à partir du 1er juillet 1863");
    expect(dateWords("es", "../1863")).toBe("hasta 1863");
    expect(dateWords("fr", "1863-21")).toBe("printemps 1863");
    expect(dateWords("de", "156X")).toBe("1560er");
    expect(dateWords("fr", "1732-02-11")).toBe("11 février 1732");
  });

  it("labels an Old Style date in the language", () => {
    const parsed = parseEventDate("1732-02-11");
    if (!parsed.ok) throw new Error(parsed.problem);
    const oldStyle = { ...parsed.date, calendar: "julian" as const };
    expect(dateWordsIn(messagesFor("en")).eventDateWords(oldStyle)).toBe(
      "11 February 1732 (O.S.) · 22 February 1732 (N.S.)",
    );
    expect(dateWordsIn(messagesFor("fr")).eventDateWords(oldStyle)).toBe(
      "11 février 1732 (ancien style) · 22 février 1732 (nouveau style)",
    );
    expect(dateWordsIn(messagesFor("de")).eventDateWords(oldStyle)).toBe(
      "11. Februar 1732 (a. St.) · 22. Februar 1732 (n. St.)",
    );
  });
});

describe("years, centuries and decades", () => {
  it.each([
    ["en", "44 BC", "AD 79", "1969", "20th century", "1st century BC", "1960s", "40s BC"],
    [
      "fr",
      "44 av. J.-C.",
      "79 apr. J.-C.",
      "1969",
      "XXe siècle",
      "Ier siècle av. J.-C.",
      "années 1960",
      "années 40 av. J.-C.",
    ],
    ["de", "44 v. Chr.", "79 n. Chr.", "1969", "20. Jahrhundert", "1. Jahrhundert v. Chr.", "1960er", "40er v. Chr."],
    ["es", "44 a. C.", "79 d. C.", "1969", "siglo XX", "siglo I a. C.", "década de 1960", "década de 40 a. C."],
    ["ar", "44 ق.م", "79 م", "1969", "القرن 20", "القرن 1 ق.م", "عقد 1960", "عقد 40 ق.م"],
  ])("%s: %s, %s, %s, %s, %s, %s, %s", (language, bc, ad, modern, twentieth, firstBc, sixties, fortiesBc) => {
    const w = words(language);
    expect([w.yearLabel(-43), w.yearLabel(79), w.yearLabel(1969)]).toEqual([bc, ad, modern]);
    expect([w.centuryLabel(20), w.centuryLabel(-1)]).toEqual([twentieth, firstBc]);
    expect([w.decadeLabel(1960), w.decadeLabel(-40)]).toEqual([sixties, fortiesBc]);
  });

  it("writes English ordinals with Intl's rules, 11th to 13th included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23].map((c) => words("en").centuryLabel(c))).toEqual([
      "1st century",
      "2nd century",
      "3rd century",
      "4th century",
      "11th century",
      "12th century",
      "13th century",
      "21st century",
      "22nd century",
      "23rd century",
    ]);
  });

  it("writes Roman numerals", () => {
    expect([1, 4, 9, 14, 19, 20, 21, 40, 90].map(romanNumeral)).toEqual([
      "I",
      "IV",
      "IX",
      "XIV",
      "XIX",
      "XX",
      "XXI",
      "XL",
      "XC",
    ]);
  });
});

describe("day and month addresses and labels", () => {
  it.each([
    ["en", "june", "June 12", "12 June"],
    ["fr", "juin", "12 juin", "12 juin"],
    ["de", "juni", "12. Juni", "12. Juni"],
    ["es", "junio", "12 de junio", "12 de junio"],
    ["ar", "yunyu", "12 يونيو", "12 يونيو"],
  ])("%s: /%s/12/, %s", (language, slug, label, dayMonth) => {
    expect(words(language).monthSlug(6)).toBe(slug);
    expect(words(language).dayLabel(6, 12)).toBe(label);
    expect(words(language).dayMonth(6, 12)).toBe(dayMonth);
  });

  it("writes März and août in ASCII", () => {
    expect(words("de").monthSlug(3)).toBe("maerz");
    expect(words("fr").monthSlug(8)).toBe("aout");
    expect(words("fr").monthSlug(2)).toBe("fevrier");
  });
});

describe("counts", () => {
  it.each([
    ["en", ["no entries", "1 entry", "2 entries", "3 entries", "11 entries", "100 entries"]],
    ["fr", ["aucune entrée", "1 entrée", "2 entrées", "3 entrées", "11 entrées", "100 entrées"]],
    ["de", ["keine Einträge", "1 Eintrag", "2 Einträge", "3 Einträge", "11 Einträge", "100 Einträge"]],
    ["es", ["ninguna entrada", "1 entrada", "2 entradas", "3 entradas", "11 entradas", "100 entradas"]],
    // Arabic's six forms: zero, one, two, few (3–10), many (11–99), other (100).
    ["ar", ["لا مدخلات", "مدخل واحد", "مدخلان", "3 مدخلات", "11 مدخلًا", "100 مدخل"]],
  ])("%s: 0, 1, 2, 3, 11 and 100 entries", (language, expected) => {
    expect([0, 1, 2, 3, 11, 100].map((n) => count(language, n))).toEqual(expected);
  });

  it("takes Arabic's forms from Intl.PluralRules", () => {
    const rules = new Intl.PluralRules("ar");
    expect([0, 1, 2, 3, 11, 100].map((n) => rules.select(n))).toEqual(["zero", "one", "two", "few", "many", "other"]);
  });

  it("never groups digits: a count and a year read as written", () => {
    expect(count("en", 1969)).toBe("1969 entries");
    expect(count("de", 12000)).toBe("12000 Einträge");
    expect(words("fr").yearLabel(-1499)).toBe("1500 av. J.-C.");
  });
});
