// A topic's or a year's events, split into pages of EVENTS_PER_LIST_PAGE so
// that no page grows with the archive (a topic of 4,000 events was 546 KB of
// HTML on one page). The first page keeps the list's own address
// (/topics/war/, /years/1969/), so links to it never break; the later ones
// are /topics/war/page/2/, …: "page" because /years/1969/2/ would read as
// February 1969, and it is the scheme readers know from Hugo and Eleventy.
import { messagesFor } from "../i18n/messages.ts";
import type { EventLink } from "./event-link.ts";

/** Events on one topic or year page: about 40 KB of HTML. */
export const EVENTS_PER_LIST_PAGE = 200;

/** How many page numbers the pager shows either side of the current one (the first and last always show). */
const NEIGHBOURS = 2;

export interface PageLink {
  readonly number: number;
  readonly url: string;
}

/** A numbered link, or a gap where numbers are left out. */
export type PagerItem = (PageLink & { readonly current: boolean }) | { readonly gap: true };

/** The links between the pages of a list, on a list of more than one page. */
export interface ListPager {
  /** "Page 2 of 90", "Page 2 sur 90" */
  readonly label: string;
  /** The first page, the last, and the few around this one, in order. */
  readonly items: readonly PagerItem[];
}

/** One page of a list: the events it shows, and `of`, the topic or year whose list it is. */
export interface ListPage<Of> {
  readonly of: Of;
  /** The first page: the list's own address; then …/page/2/, … */
  readonly url: string;
  readonly number: number;
  readonly events: readonly EventLink[];
  readonly previous?: PageLink;
  readonly next?: PageLink;
  readonly pager?: ListPager;
}

/** "/topics/war/" → "/topics/war/page/3/" for page 3; page 1 is the list's address itself. */
export function pageUrl(listUrl: string, number: number): string {
  return number === 1 ? listUrl : `${listUrl}page/${number}/`;
}

/** A topic's or year's events as pages of at most `perPage` (one page when it has none), in the list's language (English if it has none). */
export function listPages<
  Of extends { readonly url: string; readonly events: readonly EventLink[]; readonly language?: string },
>(of: Of, perPage = EVENTS_PER_LIST_PAGE): ListPage<Of>[] {
  const { url: listUrl, events } = of;
  const messages = messagesFor(of.language ?? "en");
  const count = Math.max(1, Math.ceil(events.length / perPage));
  const link = (number: number): PageLink => ({ number, url: pageUrl(listUrl, number) });
  return Array.from({ length: count }, (_, i): ListPage<Of> => {
    const number = i + 1;
    return {
      of,
      url: pageUrl(listUrl, number),
      number,
      events: events.slice(i * perPage, number * perPage),
      ...(number > 1 && { previous: link(number - 1) }),
      ...(number < count && { next: link(number + 1) }),
      ...(count > 1 && {
        pager: { label: messages.t("archive.pageOf", { number, count }), items: pagerItems(number, count, link) },
      }),
    };
  });
}

/** 1 … 8 9 [10] 11 12 … 90: a gap only where it hides two numbers or more. */
function pagerItems(current: number, count: number, link: (n: number) => PageLink): PagerItem[] {
  const shown = (n: number) => n === 1 || n === count || Math.abs(n - current) <= NEIGHBOURS;
  const items: PagerItem[] = [];
  for (let n = 1; n <= count; n++) {
    // A gap of one number shows the number instead.
    if (shown(n) || (shown(n - 1) && shown(n + 1))) items.push({ ...link(n), current: n === current });
    else if (shown(n - 1)) items.push({ gap: true });
  }
  return items;
}
