// The parts of discovery that need a browser: search through Pagefind's UI,
// the home page's switch to the reader's own "today", and "Random event".
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSitesInBrowser } from "./sites.ts";

const env = useSitesInBrowser();

describe("search", () => {
  async function search(query: string): Promise<string[]> {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${env.sites.example.origin}/search/`);
    await page.locator(".pagefind-ui__search-input").fill(query);
    await page.locator(".pagefind-ui__result-link").first().waitFor();
    const links = await page
      .locator(".pagefind-ui__result-link")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Pagefind's WebAssembly and worker run under the site's Content-Security-Policy.
    expect(errors).toEqual([]);
    await page.close();
    return links;
  }

  it("finds the Singapore summit by a word of its text", async () => {
    expect(await search("Singapore")).toContain("/events/trump-kim-singapore-summit/");
  });

  it("finds a BCE event", async () => {
    expect(await search("Caesar")).toContain("/events/assassination-of-julius-caesar/");
  });
});

describe("the home page's today", () => {
  // The example archive is built with BUILD_DATE=2026-06-12.
  async function homeAt(instant: string, timezoneId: string): Promise<Page> {
    const context = await env.browser.newContext({ timezoneId });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(instant));
    await page.goto(`${env.sites.example.origin}/`);
    return page;
  }
  const heading = (page: Page) => page.locator("#today h1").innerText();
  const titles = (page: Page) => page.locator("#today .event-title").allInnerTexts();

  it("stays on the build date where the reader's date is the same", async () => {
    const page = await homeAt("2026-06-12T12:00:00Z", "UTC");
    await page.waitForLoadState("networkidle");
    expect(await heading(page)).toBe("On this day: June 12");
    expect(await titles(page)).toEqual(["Donald Trump Meets Kim Jong-Un"]);
  });

  it("shows tomorrow's events where it is already tomorrow (UTC+14)", async () => {
    const page = await homeAt("2026-06-12T12:00:00Z", "Pacific/Kiritimati");
    await expect.poll(() => heading(page)).toBe("On this day: June 13");
    expect(await titles(page)).toEqual(["The Supreme Court decides Miranda v. Arizona"]);
    expect(await page.locator("#today h1 a").getAttribute("href")).toBe("/june/13/");
  });

  it("shows yesterday's day, and its empty state, where it is still yesterday (Adak)", async () => {
    const page = await homeAt("2026-06-12T05:00:00Z", "America/Adak");
    await expect.poll(() => heading(page)).toBe("On this day: June 11");
    expect(await page.locator("#today .empty-state").innerText()).toBe(
      "Nothing is recorded for June 11 yet. Browse the calendar.",
    );
  });

  it("offers 29 February's events on 28 February of a common year", async () => {
    const page = await homeAt("2027-02-28T12:00:00Z", "UTC");
    await expect.poll(() => heading(page)).toBe("On this day: February 28");
    expect(await titles(page)).toEqual(["The Hanoi summit ends without an agreement"]);
    expect(await page.locator("#today .leap-day-note").innerText()).toBe(
      "This year has no 29 February: see what happened on February 29 (1 entry).",
    );
  });

  it("leaves the built page as it is without JavaScript", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, timezoneId: "Pacific/Kiritimati" });
    const page = await context.newPage();
    await page.goto(`${env.sites.example.origin}/`);
    expect(await heading(page)).toBe("On this day: June 12");
    await context.close();
  });
});

describe("random event", () => {
  it("goes to an event page with JavaScript, and offers one without", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.sites.example.origin}/random/`);
    await page.waitForURL(/\/events\/[a-z0-9-]+\/$/);
    expect(await page.locator("article.event h1").count()).toBe(1);
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(`${env.sites.example.origin}/random/`);
    expect(await still.locator("#random a").getAttribute("href")).toMatch(/^\/events\/[a-z0-9-]+\/$/);
    await context.close();
  });
});
