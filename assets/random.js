// @ts-check
// "Random event": picks a day that has events, then one of its events, from
// the per-day JSON the build wrote, and goes there. Without JavaScript the page
// offers the event picked when the site was built.
(() => {
  const root = document.getElementById("random");
  const script = document.currentScript;
  if (!root || !(script instanceof HTMLScriptElement)) return;
  const siteRoot = new URL("../", script.src);
  const at = (/** @type {string} */ path) => new URL(path.replace(/^\//, ""), siteRoot).href;
  const days = (root.dataset.days ?? "").split(" ").filter(Boolean);
  if (!days.length) return;
  const pick = /** @type {<T>(list: T[]) => T} */ ((list) => list[Math.floor(Math.random() * list.length)]);
  fetch(at(`/api/v1/days/${pick(days)}.json`))
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((/** @type {{ sections: { events: { path: string }[] }[] }} */ day) => {
      const event = pick(day.sections.flatMap((s) => s.events));
      if (event) location.replace(event.path);
    })
    .catch(() => {});
})();
