// The front page's pick for readers on another day than the build's (issue
// 21): today.js swaps in their day's pick, with years ago from their own
// year, and nothing on the page moves (cumulative layout shift 0 at 390 px
// and 1280 px); without JavaScript the build's pick stays. Also the print
// stylesheet and the README's embed, against the same built site. Photographs
// go to test-results/front-page/.
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { validEntry, writeFiles } from "../support/helpers.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";

const BUILD_DATE = "2026-06-12";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/front-page");
const LONG = "and a title long enough to wrap onto a second line on a phone, or a third if it were let";

/** 11 June has nothing; 12 June two entries; 13 June seven, long ones, one with a photo. */
const ENTRIES: Record<string, { date: string; title: string; extra?: string[] }> = {
  "short-1": { date: "1944-06-12", title: "A short one" },
  "short-2": { date: "1990-06-12", title: "Another" },
  ...Object.fromEntries(
    [1776, 1801, 1863, 1906, 1936, 1976, 2001].map((year, i) => [
      `busy-${year}`,
      { date: `${year}-06-13`, title: `Event ${i} of 13 June ${LONG}`, extra: i === 0 ? photoLines() : [] },
    ]),
  ),
};

function photoLines(): string[] {
  return [
    "photo:",
    "  src: photos/busy.jpg",
    "  alt: A grey test picture",
    "  photographer: Test Photographer",
    "  source: Test source",
    '  sourceUrl: "https://example.org/photo-source"',
    "  license: CC0",
  ];
}

let work: string;
let site: StaticSite;
let siteDir: string;
let browser: Browser;

beforeAll(async () => {
  work = await tempDir("front-page");
  const files: Record<string, string | Buffer> = {
    "site.json": JSON.stringify({ title: "Front Page Test", url: "https://front.example.org" }),
    "events/photos/busy.jpg": await sharp({
      create: { width: 800, height: 500, channels: 3, background: "#778899" },
    })
      .jpeg()
      .toBuffer(),
  };
  for (const [slug, { date, title, extra }] of Object.entries(ENTRIES))
    files[`events/${slug}.md`] = validEntry({
      date,
      title: JSON.stringify(title),
      summary: `The summary of ${slug}, which goes on for a while so that it wraps onto two lines or more at 390 pixels wide.`,
      extra: [...(extra ?? []), "sources:", `  - { title: Source, url: "https://example.org/${slug}" }`],
    });
  await writeFiles(path.join(work, "content"), files);
  siteDir = path.join(work, "site");
  const run = await buildSite(path.join(work, "content"), siteDir, { BUILD_DATE });
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  [site, browser] = await Promise.all([serveStatic(siteDir), launchBrowser()]);
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Visit {
  readonly page: Page;
  /** The cumulative layout shift so far, after two frames and a pause, and what moved. */
  shift(): Promise<{ value: number; shifted: string[] }>;
}

/** The home page with the reader's clock at `instant` (UTC), a layout-shift observer installed before anything renders. */
async function home(instant: string, width: number, options: { scheme?: "light" | "dark" } = {}): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    timezoneId: "UTC",
    colorScheme: options.scheme ?? "light",
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(instant));
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number; shifted: string[] };
    w.layoutShift = 0;
    w.shifted = [];
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[])
        if (!entry.hadRecentInput) {
          w.layoutShift += entry.value;
          for (const source of entry.sources)
            w.shifted.push((source.node as Element | undefined)?.outerHTML?.slice(0, 100) ?? "?");
        }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(`${site.origin}/`, { waitUntil: "load" });
  return {
    page,
    shift: async () => {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
      return page.evaluate(() => {
        const w = window as unknown as { layoutShift: number; shifted: string[] };
        return { value: w.layoutShift, shifted: w.shifted };
      });
    },
  };
}

const heading = (page: Page) => page.locator("#today h1").innerText();
const titles = (page: Page) => page.locator("#today .event-title").allInnerTexts();
const yearsAgo = (page: Page) => page.locator("#today .years-ago").allInnerTexts();

describe("the front page", () => {
  it("shows the build date's pick with years ago from the build date, without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    expect(await heading(page)).toBe("On this day: June 12");
    expect(await titles(page)).toEqual(["A short one", "Another"]);
    expect(await yearsAgo(page)).toEqual(["82 years ago", "36 years ago"]);
    expect(await page.locator("#today .today-more").innerText()).toBe("All 2 entries on June 12");
    // Room for 13 June's five, the largest pick of a neighbouring day.
    expect(await page.locator("#today .today-events").getAttribute("class")).toContain("rows-5");
    await context.close();
  });

  for (const width of [390, 1280]) {
    it(`swaps in tomorrow's pick for a reader already on 13 June, without a layout shift (${width} px)`, async () => {
      const { page, shift } = await home("2026-06-13T09:00:00Z", width);
      await expect.poll(() => heading(page), { timeout: 10_000 }).toBe("On this day: June 13");
      // Five of seven: the round anniversaries in 2026 (250, 225, 90, 50 and 25 years), in the day's order.
      expect((await titles(page)).map((t) => t.split(" of ")[0])).toEqual([
        "Event 0",
        "Event 1",
        "Event 4",
        "Event 5",
        "Event 6",
      ]);
      expect(await yearsAgo(page)).toEqual([
        "250 years ago",
        "225 years ago",
        "90 years ago",
        "50 years ago",
        "25 years ago",
      ]);
      expect(await page.locator("#today .today-more").innerText()).toBe("All 7 entries on June 13");
      expect(await shift()).toEqual({ value: 0, shifted: [] });
      if (width === 390) expect(await axeViolations(page)).toEqual([]);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: path.join(SCREENSHOTS, `home-13-june-${width}-${scheme}.png`), fullPage: true });
      }
      await page.context().close();
    });
  }

  it("swaps in yesterday's empty day for a reader still on 11 June, without a layout shift (390 px)", async () => {
    const { page, shift } = await home("2026-06-11T20:00:00Z", 390);
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe("On this day: June 11");
    expect(await page.locator("#today .empty-state").innerText()).toBe(
      "Nothing is recorded for June 11 yet. Browse the calendar.",
    );
    expect(await shift()).toEqual({ value: 0, shifted: [] });
    await page.screenshot({ path: path.join(SCREENSHOTS, "home-11-june-390-light.png"), fullPage: true });
    await page.context().close();
  });

  it("counts years ago from the reader's own year", async () => {
    const { page } = await home("2027-06-13T09:00:00Z", 390);
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe("On this day: June 13");
    expect(await yearsAgo(page)).toEqual([
      "251 years ago",
      "226 years ago",
      "91 years ago",
      "51 years ago",
      "26 years ago",
    ]);
    await page.context().close();
  });
});

describe("printing", () => {
  it("leaves out the navigation, keeps the photo credit and writes content links' addresses after them", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${site.origin}/events/busy-1776/`);
    await page.emulateMedia({ media: "print" });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== "none");
    expect(await shown(".site-nav")).toBe(false);
    expect(await shown(".breadcrumbs")).toBe(false);
    expect(await shown(".photo-info")).toBe(true);
    const afterContent = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el, "::after").content);
    expect(await afterContent(".photo-info a")).toMatch(/attr\(href\)|example\.org\/photo-source/);
    expect(await afterContent(".source-list a")).toMatch(/attr\(href\)|example\.org\/busy-1776/);
    expect(await afterContent(".site-footer a")).toBe("none");
    await page.pdf({ path: path.join(SCREENSHOTS, "event-print.pdf") });
    await page.close();
  });
});

describe("the README's embed", () => {
  it("lists today's entries from the API", async () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    // A code block in a list item: indented by two spaces.
    const embed = /```html\n( *<ul id="on-this-day">[\s\S]*?)```/.exec(readme)?.[1]?.replace(/^ {2}/gm, "");
    expect(embed).toBeDefined();
    const lines = embed!.split("\n").filter((line) => line.trim());
    expect(lines.length).toBeLessThanOrEqual(10);
    await writeFile(
      path.join(siteDir, "embed-test.html"),
      `<!DOCTYPE html><meta charset="utf-8"><title>Embed</title>${embed!.replace("https://history.example.org", site.origin)}`,
    );
    const page = await browser.newPage();
    await page.clock.setFixedTime(new Date("2026-06-12T12:00:00"));
    await page.goto(`${site.origin}/embed-test.html`);
    await expect
      .poll(() => page.locator("#on-this-day li").allInnerTexts())
      .toEqual(["1944: A short one", "1990: Another"]);
    expect(await page.locator("#on-this-day a").first().getAttribute("href")).toBe(
      "https://front.example.org/events/short-1/",
    );
    await page.close();
  });
});
