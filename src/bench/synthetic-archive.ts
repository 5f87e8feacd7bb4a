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
}

export interface SyntheticOptions {
  readonly seed?: number;
  /** The first N entries get a generated lead photo (1600×1000 JPEG). */
  readonly photos?: number;
}

export async function writeSyntheticArchive(
  contentDir: string,
  count: number,
  options: SyntheticOptions = {},
): Promise<SyntheticEvent[]> {
  const seed = options.seed ?? 1;
  const photos = options.photos ?? 0;
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const events: (SyntheticEvent & { text: string })[] = [];
  for (let i = 0; i < count; i++) {
    const year = Math.floor(next() * 2520) - 500;
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * daysInMonth(year, month));
    const words = Array.from({ length: 4 }, () => pick(WORDS));
    const slug = `event-${String(i).padStart(6, "0")}`;
    const title = `The ${words[0]} of ${words[1]} ${i}`;
    const kind = next() < 0.8 ? "event" : pick(KINDS);
    const related =
      i > 0 && next() < 0.2 ? [`  - event: event-${String(Math.floor(next() * i)).padStart(6, "0")}`] : [];
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
      `The ${words.join(" ")} is described here in **Markdown**, paragraph one.`,
      "",
      `A second paragraph about the ${words[2]} and the ${words[3]}, with a [link](https://example.org/${i}).`,
      "",
    ].join("\n");
    events.push({ slug, title, summary: `Synthetic event ${i}`, date: isoDate({ year, month, day }), kind, text });
  }
  await mkdir(path.join(contentDir, "events", "photos"), { recursive: true });
  await mapLimit(events, 64, (e) => writeFile(path.join(contentDir, "events", `${e.slug}.md`), e.text));
  await mapLimit(events.slice(0, photos), 4, (e) =>
    writeSyntheticPhoto(path.join(contentDir, "events", "photos", `${e.slug}.jpg`), next),
  );
  return events.map(({ text: _, ...event }) => event);
}

/** A photo-like image: smooth colour noise, different for every call. */
async function writeSyntheticPhoto(file: string, next: () => number): Promise<void> {
  const noise = Buffer.from(Array.from({ length: 48 * 30 * 3 }, () => Math.floor(next() * 256)));
  await sharp(noise, { raw: { width: 48, height: 30, channels: 3 } })
    .resize(1600, 1000)
    .jpeg({ quality: 90 })
    .toFile(file);
}
