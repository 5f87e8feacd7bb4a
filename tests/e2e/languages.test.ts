// The fixture archive in French and in Arabic (right to left), as a browser
// shows it: every kind of page passes axe (WCAG 2.2 AA) in light and dark,
// breaks no Content-Security-Policy rule and does not shift; a reader walks
// from the home page to an event and across the year's end; Pagefind's UI
// speaks the page's language; screenshots in test-results/screenshots/.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesFor } from "../../src/i18n/messages.ts";
import { axeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { tempDir } from "../support/build-site.ts";
import { buildFixtureIn } from "../support/language-site.ts";
import { layoutShift, loadLazyImages, openPage } from "../support/page-visit.ts";
import { loadPage } from "../support/site-files.ts";
import { type StaticSite, serveStatic } from "../support/static-server.ts";
import { SCREENSHOT_DIR } from "./sites.ts";

const LANGUAGES = ["fr", "ar"] as const;
const BUILD_DATE = "2024-02-29";

interface LanguageSite extends StaticSite {
  readonly dir: string;
  readonly buildDate: string;
  /** The twelve month pages' addresses, in the site's language ("/juin/", "/yunyu/"). */
  readonly months: string[];
}

let work: string;
let browser: Browser;
const sites = new Map<string, LanguageSite>();

beforeAll(async () => {
  work = await tempDir("e2e-languages");
  const build = async (language: string) => {
    const { site, run } = await buildFixtureIn(language, work);
    expect(run.stderr).toBe("");
    const months = loadPage(
      site,
      "/",
    )(".month-grid a")
      .map((_, a) => a.attribs.href!)
      .get();
    sites.set(language, { ...(await serveStatic(site)), dir: site, buildDate: BUILD_DATE, months });
  };
  [browser] = await Promise.all([launchBrowser(), ...LANGUAGES.map(build), mkdir(SCREENSHOT_DIR, { recursive: true })]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([...sites.values()].map((site) => site.close()));
  await rm(work, { recursive: true, force: true });
});

/** Each kind of page, at its address in a site whose month addresses are `months`. */
const PAGE_KINDS: readonly { readonly name: string; readonly url: (months: string[]) => string }[] = [
  { name: "home", url: () => "/" },
  { name: "month", url: (m) => m[5]! },
  { name: "day", url: (m) => `${m[5]}12/` },
  { name: "empty-day", url: (m) => `${m[5]}13/` },
  { name: "event", url: () => "/events/singapore-summit/" },
  { name: "calendar", url: () => "/calendar/" },
  { name: "years", url: () => "/years/" },
  { name: "year", url: () => "/years/2018/" },
  { name: "topics", url: () => "/topics/" },
  { name: "topic", url: () => "/topics/diplomacy/" },
  { name: "credits", url: () => "/credits/" },
  { name: "search", url: () => "/search/" },
  { name: "random", url: () => "/random/" },
  { name: "not-found", url: () => "/no-such-page/" },
];

/**
 * The pages also photographed at desktop width, where a right-to-left layout
 * differs most (the year column, the pager, the photo credits); every kind is
 * photographed at 390 px, and page-quality.test.ts photographs every kind in
 * English at both widths. A load and a screenshot cost seconds each in CI.
 */
const WIDE_SHOTS = new Set(["home", "day", "event"]);

describe.each(LANGUAGES)("the fixture archive in %s", (language) => {
  const site = () => sites.get(language)!;

  describe.each(PAGE_KINDS)("its $name page", (kind) => {
    // The random page leaves for an event page at once: axe would read a page being replaced.
    // The schemes are CSS alone, so one load serves both (as in page-quality.test.ts).
    if (kind.name !== "random") {
      it("has no WCAG 2.2 AA violations in the light and dark schemes", { timeout: 60_000 }, async () => {
        const { page } = await openPage(browser, site(), kind.url(site().months), {
          width: 1280,
          scheme: "light",
          injectsScript: true,
        });
        expect(await page.locator("html").getAttribute("dir")).toBe(language === "ar" ? "rtl" : "ltr");
        expect.soft(await axeViolations(page), "light scheme").toEqual([]);
        await page.emulateMedia({ colorScheme: "dark" });
        expect.soft(await axeViolations(page), "dark scheme").toEqual([]);
        await page.close();
      });
    }

    it(`breaks no Content-Security-Policy rule, does not shift, and is photographed at 390 px (light, dark)${WIDE_SHOTS.has(kind.name) ? " and 1280 px" : ""}`, {
      timeout: 60_000,
    }, async () => {
      const shoot = async (page: Page, width: number, scheme: "light" | "dark") => {
        await page.emulateMedia({ colorScheme: scheme });
        const file = path.join(SCREENSHOT_DIR, `languages-${language}-${kind.name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
      };
      const narrow = await openPage(browser, site(), kind.url(site().months), { width: 390, scheme: "light" });
      if (kind.name === "random") await narrow.page.waitForURL(/\/events\/[a-z0-9-]+\/$/);
      else expect(await layoutShift(narrow.page)).toBe(0);
      // The 404 page is itself served with status 404, which the console reports.
      expect(narrow.errors.filter((e) => kind.name !== "not-found" || !e.includes("404"))).toEqual([]);
      await loadLazyImages(narrow.page);
      await shoot(narrow.page, 390, "light");
      await shoot(narrow.page, 390, "dark");
      await narrow.page.close();
      if (!WIDE_SHOTS.has(kind.name)) return;
      const wide = await openPage(browser, site(), kind.url(site().months), { width: 1280, scheme: "light" });
      if (kind.name === "random") await wide.page.waitForURL(/\/events\/[a-z0-9-]+\/$/);
      await loadLazyImages(wide.page);
      await shoot(wide.page, 1280, "light");
      await wide.page.close();
    });
  });

  describe("a reader", () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openPage(browser, site(), "/", { width: 390, scheme: "light" }));
    });
    afterAll(() => page.close());
    const at = () => new URL(page.url()).pathname;
    const heading = () => page.locator("h1").innerText();

    it("goes from the home page to a month, a day and an event", async () => {
      const june = page.locator(".month-grid a").nth(5);
      const monthName = await june.locator(".month-name").innerText();
      await june.click();
      expect(at()).toBe(site().months[5]);
      expect(await heading()).toBe(monthName);
      await page.locator(".day-grid a", { has: page.locator(".day-number", { hasText: /^12$/ }) }).click();
      expect(at()).toBe(`${site().months[5]}12/`);
      await page.getByRole("link", { name: "Donald Trump Meets Kim Jong-Un" }).first().click();
      expect(at()).toBe("/events/singapore-summit/");
      expect(await heading()).toBe("Donald Trump Meets Kim Jong-Un");
    });

    it("walks from the last day of the year to the first and back", async () => {
      const [january, december] = [site().months[0]!, site().months[11]!];
      await page.goto(`${site().origin}${december}31/`);
      await page.locator('.pager a[rel="next"]').click();
      expect(at()).toBe(`${january}1/`);
      await page.locator('.pager a[rel="prev"]').click();
      expect(at()).toBe(`${december}31/`);
    });
  });

  it("searches with Pagefind's UI in the site's language, its filters named in it", async () => {
    const { t } = messagesFor(language);
    const { page } = await openPage(browser, site(), "/search/", { width: 1280, scheme: "light" });
    const input = page.locator(".pagefind-ui__search-input");
    expect(await input.getAttribute("placeholder")).not.toBe("Search");
    await input.fill("summit");
    await expect.poll(() => page.locator(".pagefind-ui__result").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator(".pagefind-ui__message").innerText()).not.toMatch(/result/i);
    // Pagefind's UI shows the filters once the index has loaded them.
    const filterNames = async () =>
      (await page.locator(".pagefind-ui__filter-name").allInnerTexts()).map((name) => name.toLowerCase()).sort();
    const names = [t("search.filterKind"), t("search.filterCentury"), t("search.filterTopic")];
    await expect.poll(filterNames, { timeout: 10_000 }).toEqual(names.map((name) => name.toLowerCase()).sort());
    expect(await page.locator(".pagefind-ui").evaluate((ui) => getComputedStyle(ui).direction)).toBe(
      language === "ar" ? "rtl" : "ltr",
    );
    await page.close();
  });
});
