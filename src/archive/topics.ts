// Topics from the entries' `topics`, for /topics/ and /topics/<slug>/ (and
// /topics/<slug>/page/2/, …: list-pages.ts splits a long topic). Names
// that differ only in case, accents or punctuation are one topic; any other
// two names get two addresses, whatever their script.
import { foldName, freeSlug, shortHash, slugOfKey, slugWords } from "../content/slugs.ts";
import type { EventLink } from "./event-link.ts";

export interface TopicLink {
  readonly name: string;
  /** "/topics/nuclear-weapons/" */
  readonly url: string;
}

export interface TopicPage extends TopicLink {
  readonly slug: string;
  /** Its events in date order. */
  readonly events: readonly EventLink[];
  readonly countLabel: string;
  /** The site's language, for the pager's words (list-pages.ts). */
  readonly language: string;
}

/** Where each topic of an archive is: its key ("Côte d'Ivoire" and "cote d ivoire" are one), its slug, and its link under a given spelling. */
export interface TopicAddresses {
  key(name: string): string;
  slug(name: string): string;
  link(name: string): TopicLink;
}

/**
 * The addresses of all the topic names of an archive. Where different topics
 * would share a slug ("Спутник" and "Sputnik"), each but the one whose name
 * is that slug as written gets its own hash added. The result depends only on
 * the set of names, never on the order of files. Links are made once per spelling.
 */
export function topicAddresses(names: Iterable<string>): TopicAddresses {
  // Folded once per spelling: an archive names the same few topics many times.
  const folded = new Map<string, string>();
  const keyOf = (name: string) => folded.get(name) ?? folded.set(name, foldName(name)).get(name)!;
  const keys = [...new Set(Array.from(names, keyOf))].sort();
  const byBase = Map.groupBy(keys, (key) => slugOfKey(key));
  const taken = new Set(byBase.keys());
  const slugs = new Map<string, string>();
  for (const [base, group] of byBase) {
    for (const key of group) {
      if (group.length === 1 || key === base) {
        slugs.set(key, base);
        continue;
      }
      const slug = freeSlug(`${base}-${shortHash(key)}`, (candidate) => taken.has(candidate));
      taken.add(slug);
      slugs.set(key, slug);
    }
  }
  const links = new Map<string, TopicLink>();
  const slug = (name: string) => slugs.get(keyOf(name)) ?? slugWords(name);
  return {
    key: keyOf,
    slug,
    link(name) {
      let link = links.get(name);
      if (!link) links.set(name, (link = { name, url: `/topics/${slug(name)}/` }));
      return link;
    },
  };
}

/**
 * Topic pages sorted by slug. `events` must be in date order; each event's
 * topic names come from `topicsOf`. The first spelling met names the topic.
 */
export function buildTopics(
  events: readonly EventLink[],
  topicsOf: (event: EventLink) => readonly string[],
  countLabel: (n: number) => string,
  {
    addresses = topicAddresses(events.flatMap(topicsOf)),
    language = "en",
  }: { addresses?: TopicAddresses; language?: string } = {},
): TopicPage[] {
  const topics = new Map<string, { name: string; events: EventLink[] }>();
  for (const event of events) {
    // Each topic once per event, under the spelling this event gives first.
    const byKey = new Map<string, string>();
    for (const name of topicsOf(event)) if (!byKey.has(addresses.key(name))) byKey.set(addresses.key(name), name);
    for (const [key, name] of byKey) {
      const topic = topics.get(key) ?? topics.set(key, { name, events: [] }).get(key)!;
      topic.events.push(event);
    }
  }
  return [...topics.values()]
    .map(({ name, events: list }) => ({
      slug: addresses.slug(name),
      ...addresses.link(name),
      events: list,
      countLabel: countLabel(list.length),
      language,
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
