// What the archive's pages share: the link to one event, and a counted list.
// Its own module so that topics.ts and years.ts need not import archive.ts,
// which builds on them.
import type { CalendarStyle, EventDate } from "../content/dates.ts";
import type { Kind } from "../content/schema.ts";
import type { Messages } from "../i18n/messages.ts";
import type { ImageView } from "./renditions.ts";

/** What a list of events needs to show one event. */
export interface EventLink {
  readonly slug: string;
  /** The lead photo, shown as a thumbnail in lists. */
  readonly thumbnail?: { readonly image: ImageView; readonly alt: string };
  readonly url: string;
  readonly title: string;
  readonly kind: Kind;
  readonly summary: string;
  readonly date: EventDate;
  /** The first day: "2018-06-12", "-0043-03-15" (1 January for a year, the 1st for a month). */
  readonly dateIso: string;
  /** "12 June 2018", "15 March 44 BC", "c. 1 May 1500", "1–3 July 1863": src/content/date-words.ts. */
  readonly dateWords: string;
  /** On a day page, which of its two days this listing is: an Old Style date shows on its Julian (O.S.) and its Gregorian (N.S.) day. */
  readonly style?: CalendarStyle;
  /** "2018", "AD 79", "44 BC" */
  readonly yearLabel: string;
}

export interface Counted {
  readonly count: number;
  /** "1 entry", "12 entries", "no entries" */
  readonly countLabel: string;
}

export function counted(count: number, messages: Messages): Counted {
  return { count, countLabel: messages.t("count.entries", { count }) };
}
