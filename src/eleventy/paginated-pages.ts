// The pages made one per item of the render plan: events, days, months,
// years and topics, from layouts/event.njk, day.njk, month.njk, year.njk and
// topic.njk. Each is a virtual JavaScript template that paginates its list and
// renders that file through Eleventy's own Nunjucks environment, which
// compiles each file once. (A paginated .njk template is compiled again for
// every page by Eleventy 3.1: 0.5 s of 10,000 event pages, and garbage to
// collect.) Eleventy itself ignores those files, which have no page of their
// own; it still watches them, as every file in the input folder.
import path from "node:path";
import type { RenderPlan } from "./archive-plugin.ts";
import type { EleventyConfig, NunjucksEnvironment } from "./types.ts";

/** Each paginated list of the plan, and the name its item has in the template. */
const PAGES: Record<keyof Omit<RenderPlan, "singles">, string> = {
  events: "event",
  days: "day",
  months: "month",
  years: "year",
  topics: "topic",
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
  for (const [list, name] of Object.entries(PAGES)) {
    // Relative to the working folder, where Eleventy's Nunjucks loader looks after _includes/.
    const template = path.join(eleventyConfig.directories.input, `${name}.njk`);
    eleventyConfig.ignores.add(template);
    eleventyConfig.addTemplate(`${name}.11ty.js`, {
      data: {
        pagination: { data: `render.${list}`, size: 1, alias: name },
        permalink: (data: Record<string, { url: string }>) => data[name]!.url,
      },
      render: (data: object) =>
        new Promise<string>((resolve, reject) => {
          nunjucks!.render(template, data, (error, html) => (error ? reject(error) : resolve(html!)));
        }),
    });
  }
}
