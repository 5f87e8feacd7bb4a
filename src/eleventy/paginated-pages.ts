// The pages made one per item of the render plan: events, days, months,
// the pages of years and topics, from layouts/event.njk, day.njk, month.njk,
// year.njk and topic.njk. Each is a virtual JavaScript template that paginates its list and
// renders that file through Eleventy's own Nunjucks environment, which
// compiles each file once. (A paginated .njk template is compiled again for
// every page by Eleventy 3.1: 0.5 s of 10,000 event pages, and garbage to
// collect.) Eleventy itself ignores those files, which have no page of their
// own; it still watches them, as every file in the input folder.
import path from "node:path";
import type { RenderPlan } from "./archive-plugin.ts";
import type { EleventyConfig, NunjucksEnvironment } from "./types.ts";

/** Each paginated list of the plan: the template that renders one item, and the item's name there. */
const PAGES: Record<keyof Omit<RenderPlan, "singles">, { template: string; alias: string }> = {
  events: { template: "event", alias: "event" },
  days: { template: "day", alias: "day" },
  months: { template: "month", alias: "month" },
  // One page of a year's or a topic's events (src/archive/list-pages.ts): `list.of` is the year or topic.
  years: { template: "year", alias: "list" },
  topics: { template: "topic", alias: "list" },
};

export function paginatedPagesPlugin(eleventyConfig: EleventyConfig): void {
  let nunjucks: NunjucksEnvironment | undefined;
  eleventyConfig.amendLibrary("njk", (environment) => {
    nunjucks = environment;
  });
  // Eleventy makes its Nunjucks environment only for a run with a Nunjucks
  // template, and a later run of a large build writes no other page. No
  // configuration API asks for it (Eleventy 3.1 makes each engine on first
  // use); the supported alternative, setLibrary("njk", …) with an environment
  // of our own, would make nunjucks our dependency and its loader and options
  // ours to keep like Eleventy's. So an empty template, written nowhere, makes it.
  eleventyConfig.addTemplate("nunjucks.njk", "", { permalink: false, eleventyExcludeFromCollections: true });
  for (const [list, { template: name, alias }] of Object.entries(PAGES)) {
    // Relative to the working folder, where Eleventy's Nunjucks loader looks after _includes/.
    const template = path.join(eleventyConfig.directories.input, `${name}.njk`);
    eleventyConfig.ignores.add(template);
    eleventyConfig.addTemplate(`${name}.11ty.js`, {
      data: {
        pagination: { data: `render.${list}`, size: 1, alias },
        permalink: (data: Record<string, { url: string }>) => data[alias]!.url,
      },
      render: (data: object) =>
        new Promise<string>((resolve, reject) => {
          nunjucks!.render(template, data, (error, html) => (error ? reject(error) : resolve(html!)));
        }),
    });
  }
}
