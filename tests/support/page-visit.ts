// A page as the browser suite opens it: the reader's clock on the site's build
// date, console errors and requests collected, and a layout-shift observer
// installed before anything renders. Shared by the page-quality and language suites.
import type { Browser, Page } from "playwright-core";

export interface Visit {
  readonly page: Page;
  readonly requests: string[];
  /** Console errors: failed loads and Content-Security-Policy violations among them. */
  readonly errors: string[];
}

export interface VisitOptions {
  readonly width: number;
  readonly scheme: "light" | "dark";
  /** axe-core is injected: the site's Content-Security-Policy rightly refuses it unless bypassed. */
  readonly injectsScript?: boolean;
}

/** Opens `origin + url`, the reader's clock at noon UTC on `buildDate`, so the home page keeps the events it was built with. */
export async function openPage(
  browser: Browser,
  site: { readonly origin: string; readonly buildDate: string },
  url: string,
  options: VisitOptions,
): Promise<Visit> {
  const page = await browser.newPage({
    viewport: { width: options.width, height: 900 },
    colorScheme: options.scheme,
    timezoneId: "UTC",
    bypassCSP: options.injectsScript ?? false,
  });
  await page.clock.setFixedTime(new Date(`${site.buildDate}T12:00:00Z`));
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(site.origin + url, { waitUntil: "load" });
  return { page, requests, errors };
}

/** The layout shift so far, after the next frame and a pause for late scripts. */
export async function layoutShift(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300))));
  return page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
}

/** A full-page screenshot does not scroll, so lazy images below the first screen would show as gaps. */
export async function loadLazyImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const img of document.images) img.loading = "eager";
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
}
