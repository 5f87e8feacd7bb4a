// The event page's "Edit this entry" and "Report an error" as a reader meets
// them: visible, inside the page at phone and desktop widths, and accessible
// (axe-core, WCAG 2.2 AA) in light and dark schemes. Screenshots are saved.
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, FIXTURE_ARCHIVE, tempDir } from "../support/build-site.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";
import { SCREENSHOT_DIR } from "./sites.ts";

let work: string;
let site: StaticSite;
let browser: Browser;
beforeAll(async () => {
  work = await tempDir("entry-links-e2e");
  const content = path.join(work, "content");
  await cp(FIXTURE_ARCHIVE, content, { recursive: true });
  const settings = JSON.parse(await readFile(path.join(content, "site.json"), "utf8"));
  const repository = { url: "https://github.com/owner/archive", branch: "main" };
  await writeFile(path.join(content, "site.json"), JSON.stringify({ ...settings, repository }));
  const dir = path.join(work, "site");
  const run = await buildSite(content, dir);
  expect(run.stderr).toBe("");
  [site, browser] = await Promise.all([serveStatic(dir), launchBrowser()]);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(work, { recursive: true, force: true });
});

describe.each([
  { name: "with-photo", url: "/events/singapore-summit/" },
  { name: "short", url: "/events/caesar/" },
])("the links on an event page ($url)", ({ name, url }) => {
  for (const width of [390, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      it(`are visible, inside the page and accessible at ${width} px, ${scheme}`, { timeout: 60_000 }, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
        await page.goto(site.origin + url, { waitUntil: "load" });
        const links = page.locator(".entry-links a");
        expect(await links.allTextContents()).toEqual(["Edit this entry", "Report an error"]);
        for (const link of await links.all()) {
          expect(await link.isVisible()).toBe(true);
          const box = (await link.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
        // Nothing wider than the screen: no sideways scrolling on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `entry-links-${name}-${width}-${scheme}.png`),
          fullPage: true,
        });
        await page.close();
      });
    }
  }
});
