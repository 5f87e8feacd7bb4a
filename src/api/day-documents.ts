// /api/v1/days/MM-DD.json: one document per calendar day, written by the build.
// The home page's "today" script and the random-event script read these.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive, Day, EventLink } from "../archive/archive.ts";

export interface DayDocument {
  readonly key: string;
  readonly label: string;
  readonly url: string;
  readonly count: number;
  readonly sections: readonly {
    readonly kind: string;
    readonly heading: string;
    readonly events: readonly EventDocument[];
  }[];
}

export interface EventDocument {
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly kind: string;
  readonly summary: string;
  readonly date: string;
  readonly year: string;
  readonly thumbnail?: { readonly src: string; readonly srcset: string; readonly width: number; readonly height: number };
}

export function dayUrl(key: string): string {
  return `/api/v1/days/${key}.json`;
}

export function dayDocument(day: Day): DayDocument {
  return {
    key: day.key,
    label: day.label,
    url: day.url,
    count: day.count,
    sections: day.sections.map((s) => ({ kind: s.kind, heading: s.heading, events: s.events.map(eventDocument) })),
  };
}

function eventDocument(event: EventLink): EventDocument {
  const image = event.thumbnail?.image;
  return {
    slug: event.slug,
    url: event.url,
    title: event.title,
    kind: event.kind,
    summary: event.summary,
    date: event.dateIso,
    year: event.yearLabel,
    ...(image && { thumbnail: { src: image.src, srcset: image.srcset, width: image.width, height: image.height } }),
  };
}

export async function writeDayDocuments(archive: Archive, outputDir: string): Promise<void> {
  await mkdir(path.join(outputDir, "api", "v1", "days"), { recursive: true });
  await Promise.all(
    archive.days.map((day) => writeFile(path.join(outputDir, ...dayUrl(day.key).split("/")), JSON.stringify(dayDocument(day)))),
  );
}
