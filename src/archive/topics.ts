// Topics from the entries' `topics`, for /topics/ and /topics/<slug>/. Names
// that differ only in case, accents or punctuation are one topic.
import type { EventLink } from "./archive.ts";

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
}

/** "Nuclear weapons" → "nuclear-weapons", "Côte d'Ivoire" → "cote-d-ivoire". */
export function topicSlug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "topic"
  );
}

export function topicLink(name: string): TopicLink {
  return { name, url: `/topics/${topicSlug(name)}/` };
}

/**
 * Topic pages sorted by name. `events` must be in date order; each event's
 * topic names come from `topicsOf`. The first spelling met names the topic.
 */
export function buildTopics(
  events: readonly EventLink[],
  topicsOf: (event: EventLink) => readonly string[],
  countLabel: (n: number) => string,
): TopicPage[] {
  const topics = new Map<string, { name: string; events: EventLink[] }>();
  for (const event of events) {
    // Each topic once per event, under the spelling this event gives first.
    const bySlug = new Map<string, string>();
    for (const name of topicsOf(event)) if (!bySlug.has(topicSlug(name))) bySlug.set(topicSlug(name), name);
    for (const [slug, name] of bySlug) {
      const topic = topics.get(slug) ?? topics.set(slug, { name, events: [] }).get(slug)!;
      topic.events.push(event);
    }
  }
  return [...topics.entries()]
    .map(([slug, { name, events: list }]) => ({ slug, ...topicLink(name), events: list, countLabel: countLabel(list.length) }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
