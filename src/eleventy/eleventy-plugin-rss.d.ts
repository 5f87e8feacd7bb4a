declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: unknown;
  export default rssPlugin;
}
