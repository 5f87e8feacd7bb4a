// @ts-check
// The search page: Pagefind's UI over the index the build wrote, with filters
// for kind, topic and century. Result links are put under the site's path
// prefix, found from this script's own address. A large archive's index comes
// in several bundles (data-bundles), which Pagefind searches as one, through
// search-shards/pagefind.js.
(() => {
  const container = document.getElementById("search");
  const script = document.currentScript;
  const PagefindUI = /** @type {any} */ (window).PagefindUI;
  if (!container || !PagefindUI || !(script instanceof HTMLScriptElement)) return;
  const base = new URL("../", script.src);
  const [, ...more] = (container.dataset.bundles || "").split(" ").filter(Boolean);
  container.replaceChildren();
  new PagefindUI({
    element: "#search",
    bundlePath: more.length ? new URL("search-shards/", script.src).pathname : undefined,
    baseUrl: base.pathname,
    mergeIndex: more.map((bundle) => ({ bundlePath: new URL(bundle, base).pathname, baseUrl: base.pathname })),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    autofocus: true,
  });
})();
