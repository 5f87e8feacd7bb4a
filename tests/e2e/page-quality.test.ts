// Every kind of page, as a browser loads it: accessibility (axe-core, WCAG 2.2
// AA), page weight, render-blocking scripts, other hosts, layout shift, and
// screenshots at phone and desktop widths in light and dark schemes.
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { layoutShift, loadLazyImages, openPage, type Visit, type VisitOptions } from "../support/page-visit.ts";
import { fileForUrl } from "../support/site-files.ts";
import { SCREENSHOT_DIR, useSitesInBrowser } from "./sites.ts";

const BUDGET_BYTES = 50 * 1024;

interface PageKind {
  readonly name: string;
  readonly site: "example" | "fixture";
  readonly url: string;
  /** Day and event pages are held to the 50 KB budget. */
  readonly budget?: boolean;
}

const PAGE_KINDS: readonly PageKind[] = [
  { name: "home", site: "example", url: "/" },
  { name: "month", site: "example", url: "/june/" },
  { name: "day", site: "example", url: "/july/20/", budget: true },
  { name: "empty-day", site: "example", url: "/june/13/", budget: true },
  { name: "day-with-thumbnail", site: "fixture", url: "/june/12/", budget: true },
  { name: "credits", site: "fixture", url: "/credits/" },
  { name: "calendar", site: "example", url: "/calendar/" },
  { name: "years", site: "example", url: "/years/" },
  { name: "year", site: "example", url: "/years/1945/" },
  { name: "topics", site: "example", url: "/topics/" },
  { name: "topic", site: "example", url: "/topics/space-exploration/" },
  { name: "search", site: "example", url: "/search/" },
  { name: "not-found", site: "example", url: "/no-such-page/" },
  { name: "event-with-photo", site: "fixture", url: "/events/singapore-summit/", budget: true },
  // Real photographs (public domain, from NASA and SpaceX): a portrait lead photo and a gallery.
  { name: "event-with-gallery", site: "example", url: "/events/eileen-collins-commands-sts-93/", budget: true },
  { name: "day-with-photo", site: "example", url: "/july/23/", budget: true },
  { name: "credits-with-photos", site: "example", url: "/credits/" },
  { name: "event-credit-without-image", site: "example", url: "/events/trump-kim-singapore-summit/", budget: true },
  { name: "event-without-photo", site: "example", url: "/events/apollo-11-moon-landing/", budget: true },
];

const env = useSitesInBrowser();

beforeAll(() => mkdir(SCREENSHOT_DIR, { recursive: true }));

/** Opens a page of its site (tests/support/page-visit.ts): the reader's clock on the build date, as on a site rebuilt every day, so the home page keeps the events it was built with (discovery.test.ts covers readers whose date differs). */
const visit = (kind: PageKind, options: VisitOptions): Promise<Visit> =>
  openPage(env.browser, env.sites[kind.site], kind.url, options);

/**
 * Full-page screenshots of a loaded page in the light and then the dark scheme.
 * The site's schemes are CSS alone (a prefers-color-scheme media query, no
 * transitions, no script reads the scheme), so switching the emulated scheme
 * draws what a load in that scheme draws, without loading the page again.
 */
async function photograph(kind: PageKind, page: Page, width: number): Promise<void> {
  await loadLazyImages(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = path.join(SCREENSHOT_DIR, `${kind.name}-${width}-${scheme}.png`);
    const shot = await page.screenshot({ path: file, fullPage: true });
    const { width: shotWidth, height: shotHeight } = await sharp(shot).metadata();
    expect([shotWidth, shotHeight! >= 900]).toEqual([width, true]);
    // A page, not a blank: the scheme's background dominates, and something is drawn on it.
    const { channels, dominant } = await sharp(shot).stats();
    const [darkest, brightest] = [
      Math.min(dominant.r, dominant.g, dominant.b),
      Math.max(dominant.r, dominant.g, dominant.b),
    ];
    if (scheme === "light") expect(darkest, `${file}: background`).toBeGreaterThan(200);
    else expect(brightest, `${file}: background`).toBeLessThan(60);
    expect(
      channels.some((c) => c.max - c.min > 100),
      `${file}: more than one flat colour`,
    ).toBe(true);
  }
}

// Three loads a kind (each new page and navigation costs seconds on a busy
// 2-core machine): one for axe in both schemes, and one at each screenshot
// width, the narrow one fresh and under the site's Content-Security-Policy
// for the layout shift and the requests.
describe.each(PAGE_KINDS)("the $name page ($url)", (kind) => {
  // Two axe runs, each a test of its own (and its own time limit) before.
  it("has no WCAG 2.2 AA violations in the light and dark schemes", { timeout: 60_000 }, async () => {
    const { page } = await visit(kind, { width: 1280, scheme: "light", injectsScript: true });
    expect.soft(await axeViolations(page), "light scheme").toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect.soft(await axeViolations(page), "dark scheme").toEqual([]);
    await page.close();
  });

  it("at 390 px: loads nothing from another host, breaks no Content-Security-Policy rule, blocks rendering with no script, does not shift, and is photographed in light and dark schemes", {
    timeout: 60_000,
  }, async () => {
    const { page, requests, errors } = await visit(kind, { width: 390, scheme: "light" });
    const origin = env.sites[kind.site].origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    const blocking = await page
      .locator("head script:not([async]):not([defer]):not([type=module]):not([type='application/ld+json'])")
      .count();
    expect(blocking).toBe(0);
    expect(await layoutShift(page)).toBe(0);
    // The 404 page is itself served with status 404, which the console reports.
    expect(errors.filter((e) => kind.name !== "not-found" || !e.includes("404"))).toEqual([]);
    await photograph(kind, page, 390);
    await page.close();
  });

  it(kind.budget
    ? `at 1280 px: transfers at most ${BUDGET_BYTES / 1024} KB before images (HTML, CSS, scripts; gzip), and is photographed in light and dark schemes`
    : "at 1280 px: is photographed in light and dark schemes", { timeout: 60_000 }, async () => {
    const { page, requests } = await visit(kind, { width: 1280, scheme: "light" });
    // What the load fetched, before the screenshots load the lazy images.
    const loaded = [...requests];
    await photograph(kind, page, 1280);
    await page.close();
    if (!kind.budget) return;
    const dir = env.sites[kind.site].dir;
    const textual = loaded
      .map((url) => new URL(url).pathname)
      .filter((p) => !/\.(png|jpe?g|webp|avif|gif|svg)$/i.test(p));
    expect(textual.length).toBeGreaterThan(0);
    let bytes = 0;
    for (const urlPath of new Set(textual))
      bytes += gzipSync(await readFile(fileForUrl(dir, urlPath)!), { level: 9 }).length;
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
