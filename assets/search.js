// @ts-check
// The search page: Pagefind's UI over the index the build wrote, with filters
// for kind, topic and century. Pagefind finds its index next to its own script,
// so this works under any path prefix.
(() => {
  const container = document.getElementById("search");
  const PagefindUI = /** @type {any} */ (window).PagefindUI;
  if (!container || !PagefindUI) return;
  container.replaceChildren();
  new PagefindUI({ element: "#search", showSubResults: false, showImages: false, resetStyles: false, autofocus: true });
})();
