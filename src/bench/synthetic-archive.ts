// Writes a synthetic archive of N valid entries, the same for the same seed,
// for benchmarks and scale tests.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { daysInMonth, isoDate } from "../content/dates.ts";
import { KINDS } from "../content/schema.ts";
import { mapLimit } from "../util/map-limit.ts";

const TOPICS = [
  "diplomacy",
  "science",
  "war",
  "art",
  "sport",
  "exploration",
  "politics",
  "technology",
  "religion",
  "trade",
];
const WORDS =
  "treaty signed city river king queen empire republic army fleet bridge railway discovery comet island festival council harbour plague charter".split(
    " ",
  );

/** Park–Miller: small, deterministic, good enough for test data. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

export interface SyntheticEvent {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly date: string;
  readonly kind: string;
  /** The body's paragraphs, as plain text. */
  readonly paragraphs: readonly string[];
}

export interface SyntheticOptions {
  readonly seed?: number;
  /** The first N entries get a generated lead photo (1600×1000 JPEG). */
  readonly photos?: number;
  /** Words in each entry's body, in paragraphs of about 50 (default 40, two short paragraphs). */
  readonly words?: number;
  /**
   * Write only the entries dated on this month-day ("06-12"), as the whole
   * archive has them: that day's page for a fraction of the build. Their
   * related links to entries not written are left out.
   */
  readonly onlyDay?: string;
}

export async function writeSyntheticArchive(
  contentDir: string,
  count: number,
  options: SyntheticOptions = {},
): Promise<SyntheticEvent[]> {
  const seed = options.seed ?? 1;
  const photos = options.photos ?? 0;
  const bodyWords = options.words ?? 40;
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const events: (SyntheticEvent & { text: string; related?: string })[] = [];
  /** The body: paragraphs of about 50 words from the list, the first naming the event's words. */
  const body = (words: string[], i: number): string[] => {
    const paragraphs = [`The ${words.join(" ")} is described here, paragraph one of event ${i}`];
    for (let n = 7; n < bodyWords; n++) {
      if (n % 50 === 0) paragraphs.push(`Paragraph ${paragraphs.length + 1} about the ${words[2]}`);
      paragraphs[paragraphs.length - 1] += ` ${pick(WORDS)}`;
    }
    return paragraphs.map((paragraph) => `${paragraph}.`);
  };
  for (let i = 0; i < count; i++) {
    const year = Math.floor(next() * 2520) - 500;
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * daysInMonth(year, month));
    const words = Array.from({ length: 4 }, () => pick(WORDS));
    const slug = `event-${String(i).padStart(6, "0")}`;
    const title = `The ${words[0]} of ${words[1]} ${i}`;
    const kind = next() < 0.8 ? "event" : pick(KINDS);
    const relatedSlug = i > 0 && next() < 0.2 ? `event-${String(Math.floor(next() * i)).padStart(6, "0")}` : undefined;
    const related = relatedSlug ? [`  - event: ${relatedSlug}`] : [];
    const paragraphs = body(words, i);
    const text = [
      "---",
      `title: ${title}`,
      `date: "${isoDate({ year, month, day })}"`,
      `kind: ${kind}`,
      `summary: A ${words.join(" ")} event, number ${i}, recorded for the benchmark.`,
      `topics: [${pick(TOPICS)}, ${pick(TOPICS)}]`,
      ...(related.length ? ["related:", ...related] : []),
      ...(i < photos
        ? [
            "photo:",
            `  src: photos/${slug}.jpg`,
            `  alt: Generated test image ${i}`,
            "  photographer: Benchmark",
            "  source: Generated",
            "  license: CC0",
          ]
        : []),
      "sources:",
      `  - title: Synthetic source ${i}`,
      `    url: https://example.org/sources/${i}`,
      "---",
      ...paragraphs.flatMap((paragraph) => [paragraph, ""]),
      `With **Markdown** and a [link](https://example.org/${i}).`,
      "",
    ].join("\n");
    const date = isoDate({ year, month, day });
    events.push({ slug, title, summary: `Synthetic event ${i}`, date, kind, paragraphs, text, related: relatedSlug });
  }
  if (options.onlyDay) {
    const kept = events.filter((e) => e.date.endsWith(`-${options.onlyDay}`));
    const slugs = new Set(kept.map((e) => e.slug));
    events.splice(0, events.length, ...kept.map((e) => withoutDanglingLink(e, slugs)));
  }
  await mkdir(path.join(contentDir, "events", "photos"), { recursive: true });
  await mapLimit(events, 64, (e) => writeFile(path.join(contentDir, "events", `${e.slug}.md`), e.text));
  await mapLimit(events.slice(0, photos), 4, (e) =>
    writeSyntheticPhoto(path.join(contentDir, "events", "photos", `${e.slug}.jpg`), next),
  );
  return events.map(({ text: _, related: __, ...event }) => event);
}

function withoutDanglingLink<Event extends { text: string; related?: string }>(
  event: Event,
  written: ReadonlySet<string>,
): Event {
  if (!event.related || written.has(event.related)) return event;
  return { ...event, text: event.text.replace(`related:\n  - event: ${event.related}\n`, "") };
}

/** A photo-like image: smooth colour noise, different for every call. */
async function writeSyntheticPhoto(file: string, next: () => number): Promise<void> {
  const noise = Buffer.from(Array.from({ length: 48 * 30 * 3 }, () => Math.floor(next() * 256)));
  await sharp(noise, { raw: { width: 48, height: 30, channels: 3 } })
    .resize(1600, 1000)
    .jpeg({ quality: 90 })
    .toFile(file);
}
