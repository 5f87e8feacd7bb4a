// The files a build writes for each entry, as against those it writes for the
// archive as a whole: what must be removed when an entry goes, by `npm start`
// and by a build that updates the site in place.
import { apiPaths } from "../api/documents.ts";
import type { Archive } from "../archive/archive.ts";
import { pagePaths } from "./sitemap.ts";

/**
 * The files written for the archive's entries, as site paths: the pages
 * (events, their redirect pages, and the years and topics that come and go with them), each
 * event's API document and the photos' renditions. The rest is rewritten
 * whole: the files for the whole archive, and the search index (written
 * afresh, src/search/index-shards.ts).
 */
export function writtenFor(archive: Archive): Set<string> {
  return new Set([
    ...[...pagePaths(archive), ...archive.redirects.map((redirect) => redirect.url)].map((page) => `${page}index.html`),
    ...archive.events.map((event) => apiPaths.event(event.slug)),
    ...archive.photos.flatMap(({ plan }) => plan.renditions.map((rendition) => rendition.url)),
  ]);
}
