// `npm start` as an editor sees it: the page open in the browser shows an
// edit to its entry by itself (Eleventy's live reload, under the pages'
// Content-Security-Policy), with no error in the console.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { type ServedSite, serveFixture } from "../support/serve-site.ts";

let served: ServedSite;
let browser: Browser;

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveFixture("live-reload", 21_000 + (process.pid % 20_000)),
    launchBrowser(),
  ]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

describe("npm start in a browser", () => {
  it("shows an edit to the open page's entry without a reload by hand", { timeout: 30_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`http://localhost:${served.port}/events/vesuvius/`);
    expect(await page.locator("h1").innerText()).toBe("Vesuvius erupts");
    // Connected to the reload socket before the edit.
    await page.waitForTimeout(1000);

    const file = path.join(served.content, "events/vesuvius.md");
    const started = performance.now();
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Vesuvius buries Pompeii"));
    await page.locator("h1", { hasText: "Vesuvius buries Pompeii" }).waitFor({ timeout: 15_000 });
    console.log(`The edit showed in the browser after ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
