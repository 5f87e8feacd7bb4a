// Years, decades and centuries that have events, for /years/ and /years/<year>/
// (and /years/<year>/page/2/, …: list-pages.ts splits a long year).
// Years are astronomical (0 is 1 BC); decades and centuries are named as readers
// name them: "the 1960s", "the 20th century", "the 1st century BC", in the
// site's language (src/i18n/calendar-words.ts). Their addresses stay
// language-neutral: /years/1969/, /years/44-bc/.
import { bcYear } from "../content/dates.ts";
import type { CalendarWords } from "../i18n/calendar-words.ts";
import type { EventLink } from "./event-link.ts";

export interface YearLink {
  readonly year: number;
  /** "1969", "AD 79", "44 BC"; "79 apr. J.-C.", "44 av. J.-C." */
  readonly label: string;
  /** "/years/1969/", "/years/79/", "/years/44-bc/" */
  readonly url: string;
}

export interface YearPage extends YearLink {
  /** The events whose day is known, in date order (split into pages by list-pages.ts). */
  readonly events: readonly EventLink[];
  /** Those known only to their month or year: "date unknown", on the first page. */
  readonly undated: readonly EventLink[];
  /** Both together. */
  readonly count: number;
  readonly countLabel: string;
  /** The site's language, for the pager's words (list-pages.ts). */
  readonly language: string;
  readonly previous?: YearLink;
  readonly next?: YearLink;
}

export interface Decade {
  /** "1960s", "AD 70s", "40s BC" */
  readonly label: string;
  readonly years: readonly (YearLink & { readonly count: number })[];
}

export interface Century {
  /** "20th century", "1st century BC"; "XXe siècle", "siglo I a. C." */
  readonly label: string;
  readonly count: number;
  readonly decades: readonly Decade[];
}

export function yearLink(year: number, words: CalendarWords): YearLink {
  return { year, label: words.yearLabel(year), url: `/years/${yearSlug(year)}/` };
}

/** "1969", "79", "44-bc": the year as readers count it, BCE marked. */
export function yearSlug(year: number): string {
  return year <= 0 ? `${bcYear(year)}-bc` : String(year);
}

/** Year pages in time order, and the centuries → decades → years index. */
export function buildYears(
  events: readonly EventLink[],
  countLabel: (n: number) => string,
  { words, language }: { words: CalendarWords; language: string },
): { pages: YearPage[]; centuries: Century[] } {
  const link = (year: number) => yearLink(year, words);
  const byYear = Map.groupBy(events, (e) => e.date.year);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const pages = years.map((year, i): YearPage => {
    const list = byYear.get(year)!;
    const undated = list.filter((e) => e.date.precision);
    return {
      ...link(year),
      events: undated.length ? list.filter((e) => !e.date.precision) : list,
      undated,
      count: list.length,
      countLabel: countLabel(list.length),
      language,
      ...(i > 0 && { previous: link(years[i - 1]!) }),
      ...(i < years.length - 1 && { next: link(years[i + 1]!) }),
    };
  });

  const centuries = [...Map.groupBy(pages, (p) => centuryOf(p.year)).entries()].map(
    ([century, inCentury]): Century => ({
      label: words.centuryLabel(century),
      count: inCentury.reduce((sum, p) => sum + p.count, 0),
      decades: [...Map.groupBy(inCentury, (p) => decadeOf(p.year)).entries()].map(([decade, inDecade]) => ({
        label: words.decadeLabel(decade),
        years: inDecade.map((p) => ({ year: p.year, label: p.label, url: p.url, count: p.count })),
      })),
    }),
  );
  return { pages, centuries };
}

/** 1–100 is the 1st century, 1901–2000 the 20th; 1 BC–100 BC (0 to -99) the 1st century BC. */
export function centuryOf(year: number): number {
  return year > 0 ? Math.ceil(year / 100) : -Math.ceil(bcYear(year) / 100);
}

/** Decades as readers group years: 1960–1969 is "the 1960s", 40–49 BC "the 40s BC" (-40; 1–9 BC is -0). */
function decadeOf(year: number): number {
  return year > 0 ? Math.floor(year / 10) * 10 : -Math.floor(bcYear(year) / 10) * 10;
}
