// The web editor as an editor meets it: npm start with its decap-server, the
// real Decap CMS at /admin/ in Chromium, on a copy of the fixture archive.
// An entry made with a photo in the editor is the file `npm run new` would
// write (with the photo beside it), passes `npm run check` and reaches its day
// page after the rebuild; an edit saves over it; a photo without its license
// is refused in the editor, before anything is written.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHistoricalDate } from "../../src/content/dates.ts";
import { entryText } from "../../src/content/write-entry.ts";
import { launchBrowser } from "../support/browser.ts";
import { startCommand } from "../support/commands.ts";
import { type ServedSite, serveFixture } from "../support/serve-site.ts";

const SITE_PORT = 41_000 + (process.pid % 10_000);
const CMS_PORT = SITE_PORT + 1;
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/cms");

const TITLE = "First photograph of the far side of the Moon";
const SLUG = "first-photograph-of-the-far-side-of-the-moon";
const SUMMARY = "Luna 3 photographs the side of the Moon never seen from Earth.";
const PHOTO = {
  alt: "A grainy grey half disc of the Moon",
  photographer: "Luna 3",
  source: "Wikimedia Commons",
  license: "Public domain",
};

let served: ServedSite;
let browser: Browser;
let page: Page;
let photoFile: string;
const errors: string[] = [];
/** Page loads of /admin/: npm start's live reload must not reload the editor at its rebuilds. */
let loads = 0;

beforeAll(async () => {
  [served, browser] = await Promise.all([
    serveFixture("cms", SITE_PORT, { env: { CMS_PORT: String(CMS_PORT) } }),
    launchBrowser(),
  ]);
  photoFile = path.join(path.dirname(served.content), "far-side.jpg");
  await sharp({ create: { width: 640, height: 480, channels: 3, background: "#5a5a5a" } })
    .jpeg()
    .toFile(photoFile);
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("load", () => loads++);
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.stack || error.message}`));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const admin = (hash = "") => `http://localhost:${SITE_PORT}/admin/${hash}`;
const entryFile = () => path.join(served.content, "events", `${SLUG}.md`);
const field = (name: string) => page.locator(`[id^="${name}-field-"]`).first();

async function publish(): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).first().click();
  await page.getByText("Publish now").click();
}

async function checkContent(): Promise<{ code: number | null; output: string }> {
  const run = await startCommand("src/cli/check.ts", { env: { CONTENT_DIR: served.content } }).done;
  return { code: run.code, output: run.stdout + run.stderr };
}

describe("the web editor under npm start", () => {
  it("opens on the site's own host, logged in through decap-server", { timeout: 60_000 }, async () => {
    await page.goto(admin());
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText("Events", { exact: true }).first().waitFor();
    await page.getByText("Vesuvius erupts").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-desktop.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-phone.png") });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });

  it("refuses a photo whose license is left empty, and writes nothing", { timeout: 60_000 }, async () => {
    await page.goto(admin("#/collections/events/new"));
    await field("title").fill(TITLE);
    await field("date").fill("1959-10-07");
    await field("summary").fill(SUMMARY);
    const leadPhoto = page.getByText("Lead photo", { exact: true }).locator("xpath=..");
    await leadPhoto.getByRole("button", { name: "Expand" }).click();
    await page.getByText("Choose an image").click();
    await page.locator('input[type="file"]').setInputFiles(photoFile);
    await page.getByText("far-side.jpg").waitFor();
    await page.getByRole("button", { name: "Choose selected" }).click();
    await field("alt").fill(PHOTO.alt);
    await field("photographer").fill(PHOTO.photographer);
    await field("source").fill(PHOTO.source);
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-desktop.png") });
    await publish();
    await page.getByText("License is required.").waitFor();
    await page.getByText(/missed a required field/).waitFor();
    await field("license").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-license-refused.png") });
    await page.waitForTimeout(1000);
    // Decap's persistEntry refuses with Promise.reject() and nothing else (decap-cms-core, actions/entries.ts).
    expect(errors.splice(0)).toEqual(["pageerror: undefined"]);
    expect(existsSync(entryFile())).toBe(false);
    expect(await readdir(path.join(served.content, "events"))).not.toContain("far-side.jpg");
  });

  it("with the license, writes the entry npm run new would and its photo beside it; npm run check passes", {
    timeout: 60_000,
  }, async () => {
    await field("license").fill(PHOTO.license);
    await publish();
    // Whole, not as decap-server starts writing it.
    await served.until(
      () => existsSync(entryFile()) && readFileSync(entryFile(), "utf8").endsWith("---\n"),
      "the entry file",
      15_000,
    );
    await served.until(
      () => existsSync(path.join(served.content, "events/far-side.jpg")),
      "the photo beside the entry",
      15_000,
    );
    const date = parseHistoricalDate("1959-10-07");
    if (!date.ok) throw new Error(date.problem);
    // The scaffolder's front-matter, and the photo in the order of the schema's fields.
    const scaffolded = entryText({ title: TITLE, date: date.date, summary: SUMMARY }).replace(/---\n$/, "");
    expect(readFileSync(entryFile(), "utf8")).toBe(
      `${scaffolded}photo:\n  src: far-side.jpg\n  alt: ${PHOTO.alt}\n  photographer: ${PHOTO.photographer}\n  source: ${PHOTO.source}\n  license: ${PHOTO.license}\n---\n`,
    );
    const check = await checkContent();
    expect(check.code, check.output).toBe(0);
    expect(check.output).not.toMatch(/error:/);
  });

  it("rebuilds: the entry is on its day page, with its photo on its own page", { timeout: 90_000 }, async () => {
    const dayPage = path.join(served.site, "october/7/index.html");
    await served.until(
      () => existsSync(dayPage) && readFileSync(dayPage, "utf8").includes(TITLE),
      "the entry on /october/7/",
      60_000,
    );
    const eventPage = path.join(served.site, `events/${SLUG}/index.html`);
    await served.until(() => existsSync(eventPage), "the event page", 30_000);
    const html = readFileSync(eventPage, "utf8");
    expect(html).toContain(`alt="${PHOTO.alt}"`);
    expect(html).toMatch(/src="\/img\/[0-9a-f]+-\d+\.\w+"/);
    expect(html).toContain(PHOTO.photographer);
  });

  it("edits the entry, adding a related event: saved over the same file, and it still passes the check", {
    timeout: 60_000,
  }, async () => {
    await page.goto(admin(`#/collections/events/entries/${SLUG}`));
    await expect.poll(() => field("title").inputValue(), { timeout: 15_000 }).toBe(TITLE);
    expect(await field("summary").inputValue()).toBe(SUMMARY);
    const edited = "Luna 3 sends back the first photographs of the far side of the Moon.";
    await field("summary").fill(edited);
    // A related event, chosen among the entries by its title.
    await page.getByRole("button", { name: /Add related events/i }).click();
    await field("event").click();
    await page.keyboard.type("Vesuv");
    await page
      .getByText(/Vesuvius erupts/)
      .last()
      .click();
    await publish();
    await served.until(
      () => /event: vesuvius\n---\n$/.test(readFileSync(entryFile(), "utf8")),
      "the edit on disk",
      15_000,
    );
    expect(readFileSync(entryFile(), "utf8")).toMatch(
      new RegExp(`^---\\ntitle: ${TITLE}\\ndate: 1959-10-07\\nkind: event\\nsummary: ${edited}\\nphoto:\\n`),
    );
    expect(readFileSync(entryFile(), "utf8")).toMatch(
      /\n {2}license: Public domain\nrelated:\n {2}- event: vesuvius\n---\n$/,
    );
    const check = await checkContent();
    expect(check.code, check.output).toBe(0);
    const dayPage = path.join(served.site, "october/7/index.html");
    await served.until(() => readFileSync(dayPage, "utf8").includes(edited), "the edit on /october/7/", 60_000);
    expect(errors).toEqual([]);
  });

  it("edits an entry written by hand, without kind, changing only the edited line", { timeout: 60_000 }, async () => {
    const file = path.join(served.content, "events/vesuvius.md");
    const before = readFileSync(file, "utf8");
    expect(before).not.toMatch(/^kind:/m);
    // From the list, as an editor would: Decap does not follow an address typed from one entry to another.
    await page.goto(admin("#/collections/events"));
    await page.getByText("Vesuvius erupts").click();
    await expect.poll(() => field("title").inputValue(), { timeout: 15_000 }).toBe("Vesuvius erupts");
    await field("summary").fill("The eruption buries Pompeii, Herculaneum and Stabiae.");
    await publish();
    // decap-server writes the file in place: wait for the whole of it, not the first change.
    await served.until(
      () => readFileSync(file, "utf8").endsWith("---\n") && readFileSync(file, "utf8").includes("Stabiae"),
      "the edit of vesuvius.md",
      15_000,
    );
    expect(readFileSync(file, "utf8")).toBe(
      before.replace(/^summary: .*$/m, "summary: The eruption buries Pompeii, Herculaneum and Stabiae."),
    );
    const check = await checkContent();
    expect(check.code, check.output).toBe(0);
    expect(errors).toEqual([]);
    // Three saves, three rebuilds, and the editor was loaded once.
    expect(loads).toBe(1);
  });
});
