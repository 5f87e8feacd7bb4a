// A busy day as the 100,000-event synthetic archive has it (about 270
// entries): a day page depends only on that day's entries, so only they are
// written and built. Its sections split by era (src/archive/eras.ts), with
// links to each that work without JavaScript, pass axe in both schemes, and
// are photographed at phone and desktop widths (test-results/busy-day/).
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, eraOf } from "../../src/archive/eras.ts";
import { type SyntheticEvent, writeSyntheticArchive } from "../../src/bench/synthetic-archive.ts";
import { axeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";

const DAY = "06-12";
const DAY_URL = "/june/12/";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/busy-day");

let work: string;
let site: StaticSite;
let browser: Browser;
let written: SyntheticEvent[];

beforeAll(async () => {
  work = await tempDir("busy-day");
  const content = path.join(work, "content");
  written = await writeSyntheticArchive(content, 100_000, { onlyDay: DAY });
  const run = await buildSite(content, path.join(work, "site"), { BUILD_DATE: "2026-06-12" });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  [site, browser] = await Promise.all([serveStatic(path.join(work, "site")), launchBrowser()]);
  await mkdir(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`a busy day (${DAY} of the 100,000-event synthetic archive)`, () => {
  it("is the size the whole archive gives it", () => {
    expect(written.length).toBeGreaterThan(200);
    expect(written.every((e) => e.date.endsWith(`-${DAY}`))).toBe(true);
  });

  it("splits each section by era without JavaScript: a heading with its count each, linked from the section's top", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + DAY_URL);
    const eventsSection = page.locator("section.kind-section", { has: page.locator("#event-heading") });
    const headings = await eventsSection
      .locator(".era-heading")
      .evaluateAll((hs) => hs.map((h) => ({ tag: h.tagName, id: h.id, text: h.textContent })));
    const expected = ERAS.map((era) => ({
      id: era.id,
      count: written.filter((e) => e.kind === "event" && eraOf(Number.parseInt(e.date, 10)) === era.id).length,
    }));
    expect(headings.map((h) => [h.tag, h.id, Number(/(\d+) entries/.exec(h.text ?? "")?.[1])])).toEqual(
      expected.map((era) => ["H3", `event-${era.id}`, era.count]),
    );
    // Each era's list is exactly its own events, one level below its heading.
    for (const era of expected) {
      const titles = page.locator(`#event-${era.id} + ol > li h4`);
      expect(await titles.count()).toBe(era.count);
    }
    // Headings never skip a level.
    const levels = await page
      .locator("main :is(h1, h2, h3, h4)")
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1)).toBe(true);
    // The jump links, in a named navigation region, go to the headings.
    const nav = eventsSection.locator("nav.era-links");
    expect(await nav.getAttribute("aria-label")).toBeTruthy();
    expect(await nav.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      expected.map((era) => `#event-${era.id}`),
    );
    await nav.locator("a").last().click();
    expect(new URL(page.url()).hash).toBe("#event-from-1901");
    expect(await page.locator("#event-from-1901").evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "jumped-1280.png") });
    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`has no WCAG 2.2 AA violations in the ${scheme} scheme`, { timeout: 60_000 }, async () => {
      const page = await browser.newPage({
        bypassCSP: true,
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(site.origin + DAY_URL);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it("is photographed at 390 and 1280 px, light and dark (test-results/busy-day/)", { timeout: 60_000 }, async () => {
    for (const width of [390, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const page = await browser.newPage({ colorScheme: scheme, viewport: { width, height: 900 } });
        await page.goto(site.origin + DAY_URL);
        const shot = await page.screenshot({ path: path.join(SCREENSHOTS, `top-${width}-${scheme}.png`) });
        expect(shot.length).toBeGreaterThan(10_000);
        await page.close();
      }
    }
  });
});
