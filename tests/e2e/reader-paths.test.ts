// A reader's paths through the site in a real browser, by mouse and by keyboard.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useSitesInBrowser } from "./sites.ts";

const env = useSitesInBrowser();
let page: Page;

/** A reader on the build date, so the home page keeps the events it was built with. */
async function readerPage(width: number, height: number): Promise<Page> {
  const context = await env.browser.newContext({ viewport: { width, height }, timezoneId: "UTC" });
  const opened = await context.newPage();
  await opened.clock.setFixedTime(new Date(`${env.sites.example.buildDate}T12:00:00Z`));
  return opened;
}

const path = () => new URL(page.url()).pathname + new URL(page.url()).hash;
const heading = () => page.locator("h1").innerText();

describe("a reader with a mouse", () => {
  beforeAll(async () => {
    page = await readerPage(1280, 900);
  });

  it("goes from the home page to a month, a day and an event", async () => {
    await page.goto(`${env.sites.example.origin}/`);
    expect(await heading()).toBe("On this day: June 12");
    await page.locator(".month-grid").getByRole("link", { name: /June/ }).click();
    expect(path()).toBe("/june/");
    expect(await heading()).toBe("June");
    await page.locator(".day-grid").getByRole("link", { name: /^12\b/ }).click();
    expect(path()).toBe("/june/12/");
    expect(await heading()).toBe("June 12");
    await page.getByRole("link", { name: "Donald Trump Meets Kim Jong-Un" }).click();
    expect(path()).toBe("/events/trump-kim-singapore-summit/");
    expect(await heading()).toBe("Donald Trump Meets Kim Jong-Un");
  });

  it("follows a related event, finds the link back, and goes back", async () => {
    await page.goto(`${env.sites.example.origin}/events/trump-kim-singapore-summit/`);
    await page
      .locator(".related-list")
      .getByRole("link", { name: /Hanoi summit/ })
      .click();
    expect(path()).toBe("/events/hanoi-summit/");
    await expect
      .poll(() => page.locator(".related-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      .toContain("/events/trump-kim-singapore-summit/");
    await page.goBack();
    expect(path()).toBe("/events/trump-kim-singapore-summit/");
    expect(await heading()).toBe("Donald Trump Meets Kim Jong-Un");
  });

  it("walks the calendar day by day, across the end of the year and through 29 February", async () => {
    await page.goto(`${env.sites.example.origin}/december/31/`);
    await page.locator('.pager a[rel="next"]').click();
    expect(path()).toBe("/january/1/");
    await page.locator('.pager a[rel="prev"]').click();
    expect(path()).toBe("/december/31/");
    await page.goto(`${env.sites.example.origin}/february/28/`);
    await page.locator('.pager a[rel="next"]').click();
    expect(path()).toBe("/february/29/");
    expect(await page.locator(".event-title").allInnerTexts()).toEqual(["Birth of Gioachino Rossini"]);
    await page.locator('.pager a[rel="next"]').click();
    expect(await heading()).toBe("March 1");
  });
});

describe("a reader with only a keyboard", () => {
  beforeAll(async () => {
    page = await readerPage(390, 844);
  });

  /** Presses Tab until the focused element's text matches, checking that focus is always visible. */
  async function tabTo(name: RegExp, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          text: el?.innerText.trim() ?? "",
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : "",
        };
      });
      if (name.test(focused.text)) {
        expect(focused.outline, `focus on "${focused.text}" must be visible`).toMatch(/^(solid|auto) [1-9]/);
        return;
      }
    }
    throw new Error(`no focusable element matching ${name} within ${limit} presses of Tab`);
  }

  it("skips to the content, then reaches a month, a day and an event with Tab and Enter", async () => {
    await page.goto(`${env.sites.example.origin}/`);
    await tabTo(/^Skip to content$/);
    await page.keyboard.press("Enter");
    expect(path()).toBe("/#main");
    await tabTo(/^June 12$/); // the first link in the main content: today's day page
    await tabTo(/^June\s/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/june/");
    await tabTo(/^30\b/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/june/30/");
    await tabTo(/^Trump steps into North Korea$/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/events/trump-steps-into-north-korea/");
    expect(await heading()).toBe("Trump steps into North Korea");
    await tabTo(/Donald Trump Meets Kim Jong-Un/);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/events/trump-kim-singapore-summit/");
  });
});
