// JSON-LD for an event page: an Article about the Event, with each photo as an
// ImageObject carrying its credit and license. Made safe to sit inside
// <script type="application/ld+json">: no "</script>" can end it early.
// Each fact once: every event page carries this, so nothing the Article or
// the page already says (its address, its description, its language, the
// site's name and address) is said again.
import type { ArchiveEvent, PhotoView } from "../archive/archive.ts";
import { isoSpan } from "../content/dates.ts";
import { absoluteUrl, type SiteInfo } from "../site.ts";

export function eventJsonLd(event: ArchiveEvent, site: SiteInfo): string {
  const images = [event.photo, ...event.photos]
    .filter((p): p is PhotoView => Boolean(p?.image))
    .map((p) => imageObject(p, site));
  const data = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: event.title,
    description: event.summary,
    url: absoluteUrl(site, event.url),
    license: site.dataLicense.url,
    about: {
      "@type": "Event",
      name: event.title,
      // ISO 8601 to the precision known, an Old Style date in New Style.
      ...isoSpan(event.date),
      ...(event.wikidata && { sameAs: `https://www.wikidata.org/wiki/${event.wikidata}` }),
      ...(event.location && { location: { "@type": "Place", name: event.location } }),
    },
    ...(images.length && { image: images }),
  };
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function imageObject(photo: PhotoView, site: SiteInfo) {
  return {
    "@type": "ImageObject",
    contentUrl: absoluteUrl(site, photo.image!.large),
    width: photo.image!.largeSize.width,
    height: photo.image!.largeSize.height,
    caption: photo.caption ?? photo.alt,
    creator: { "@type": "Person", name: photo.photographer },
    creditText: `${photo.photographer} / ${photo.source}`,
    copyrightNotice: photo.license,
    license: photo.licenseUrl ?? photo.license,
    ...(photo.sourceUrl && { acquireLicensePage: photo.sourceUrl }),
  };
}
