// `npm start` as an editor sees it: the page open in the browser shows an
// edit to its entry by itself (Eleventy's live reload, under the pages'
// Content-Security-Policy), with no error in the console.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { FIXTURE_ARCHIVE, REPO_ROOT, TEST_IMAGE_CACHE, tempDir } from "../support/build-site.ts";

const PORT = 21_000 + (process.pid % 20_000);
let work: string;
let server: ChildProcess;
let browser: Browser;
let output = "";

beforeAll(async () => {
  work = await tempDir("live-reload");
  await cp(FIXTURE_ARCHIVE, path.join(work, "content"), { recursive: true });
  server = spawn(process.execPath, [path.join(REPO_ROOT, "src/cli/serve.ts")], {
    cwd: REPO_ROOT,
    env: { ...process.env, CONTENT_DIR: path.join(work, "content"), OUTPUT_DIR: path.join(work, "site"), BUILD_DATE: "2024-02-29", CACHE_DIR: TEST_IMAGE_CACHE, PORT: String(PORT) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  browser = await launchBrowser();
  for (const started = Date.now(); !existsSync(path.join(work, "site/api/v1/events.json")); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - started > 60_000) throw new Error(`npm start did not build the site within a minute:\n${output}`);
  }
  // Its file watcher is ready a moment after it says it is watching.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  await rm(work, { recursive: true, force: true });
});

describe("npm start in a browser", () => {
  it("shows an edit to the open page's entry without a reload by hand", { timeout: 30_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`http://localhost:${PORT}/events/vesuvius/`);
    expect(await page.locator("h1").innerText()).toBe("Vesuvius erupts");
    // Connected to the reload socket before the edit.
    await page.waitForTimeout(1000);

    const file = path.join(work, "content/events/vesuvius.md");
    const started = performance.now();
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: Vesuvius buries Pompeii"));
    await page.locator("h1", { hasText: "Vesuvius buries Pompeii" }).waitFor({ timeout: 15_000 });
    console.log(`The edit showed in the browser after ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
