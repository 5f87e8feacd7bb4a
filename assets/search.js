// @ts-check
// The search page: Pagefind's UI over the index the build wrote, with filters
// for kind, topic and century. Result links are put under the site's path
// prefix, found from this script's own address.
(() => {
  const container = document.getElementById("search");
  const script = document.currentScript;
  const PagefindUI = /** @type {any} */ (window).PagefindUI;
  if (!container || !PagefindUI || !(script instanceof HTMLScriptElement)) return;
  container.replaceChildren();
  new PagefindUI({
    element: "#search",
    baseUrl: new URL("../", script.src).pathname,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    autofocus: true,
  });
})();
