// @ts-check
// Progressive enhancement for the home page. The build shows the events of its
// own date; a reader whose clock and time zone say another day sees that day's
// events instead, from the per-day JSON the build wrote. Without JavaScript,
// or if anything fails, the page stays as built. Its sentences are the page's
// (#today-words, in the site's language), with {day} and {link} where they go.
(() => {
  const found = document.getElementById("today");
  const script = document.currentScript;
  const wordsBlock = document.getElementById("today-words");
  if (!found || !wordsBlock || !(script instanceof HTMLScriptElement)) return;
  const root = found;
  /** @type {{ title: string, empty: string, calendar: string, leapDay: string, leapDayLink: string }} */
  const words = JSON.parse(wordsBlock.textContent ?? "");
  // The site may live under a sub-path: find its root from this script's own URL.
  const siteRoot = new URL("../", script.src);
  const at = (/** @type {string} */ path) => new URL(path.replace(/^\//, ""), siteRoot).href;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");

  const now = new Date();
  const key = `${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const year = now.getFullYear();
  const commonYear = !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  if (key === root.dataset.day) return;

  /** @param {string} dayKey */
  const fetchDay = (dayKey) =>
    fetch(at(`/api/v1/days/${dayKey}.json`)).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));

  Promise.all([fetchDay(key), key === "02-28" && commonYear ? fetchDay("02-29") : null])
    .then(([day, leapDay]) => render(day, leapDay))
    .catch(() => {});

  /**
   * Paths in the documents are root-relative and already under the site's path prefix.
   * @typedef {{ path: string, title: string, summary: string, year: string, thumbnail?: { src: string, srcset: string, width: number, height: number } }} EventDoc
   * @typedef {{ key: string, label: string, path: string, count: number, sections: { kind: string, heading: string, events: EventDoc[] }[] }} DayDoc
   * @param {DayDoc} day
   * @param {DayDoc | null} leapDay
   */
  function render(day, leapDay) {
    root.dataset.day = day.key;
    const heading = root.querySelector("h1 a");
    if (heading instanceof HTMLAnchorElement) {
      heading.href = day.path;
      heading.textContent = day.label;
    }
    document.title = words.title.replace("{day}", () => day.label);
    const events = root.querySelector(".today-events");
    if (events) events.replaceChildren(...(day.count ? day.sections.map(section) : [emptyState(day)]));
    root.querySelector(".leap-day-note")?.remove();
    if (leapDay) root.append(leapDayNote(leapDay));
  }

  /** @param {{ kind: string, heading: string, events: EventDoc[] }} s */
  function section(s) {
    const id = `${s.kind}-heading`;
    const list = el("ol", { class: "event-list" }, s.events.map(item));
    return el("section", { class: "kind-section", "aria-labelledby": id }, [el("h2", { id }, [s.heading]), list]);
  }

  /** @param {EventDoc} e */
  function item(e) {
    const text = el("div", { class: "event-text" }, [
      el("h3", { class: "event-title" }, [el("a", { href: e.path }, [e.title])]),
      el("p", {}, [e.summary]),
    ]);
    const children = [el("span", { class: "event-year" }, [e.year]), text];
    if (e.thumbnail) {
      const img = el("img", {
        src: e.thumbnail.src,
        srcset: e.thumbnail.srcset,
        sizes: "5rem",
        width: String(e.thumbnail.width),
        height: String(e.thumbnail.height),
        alt: "",
        loading: "lazy",
        decoding: "async",
      });
      children.push(el("div", { class: "event-thumbnail" }, [img]));
    }
    return el("li", { class: e.thumbnail ? "event-item has-thumbnail" : "event-item" }, children);
  }

  /** @param {DayDoc} day */
  function emptyState(day) {
    const link = el("a", { href: at("/calendar/") }, [words.calendar]);
    const text = words.empty.replace("{day}", () => day.label);
    return el("p", { class: "empty-state" }, sentence(text, link));
  }

  /** The build wrote the note's count: 29 February's entries are the same in the page and in its JSON. @param {DayDoc} leapDay */
  function leapDayNote(leapDay) {
    const link = el("a", { href: leapDay.path }, [words.leapDayLink]);
    return el("p", { class: "leap-day-note" }, sentence(words.leapDay, link));
  }

  /** A sentence of the page's words with a link where its {link} is. @param {string} text @param {Node} link */
  function sentence(text, link) {
    const [before = "", after = ""] = text.split("{link}");
    return [before, link, after];
  }

  /**
   * Text is always set as text, never parsed as HTML.
   * @param {string} tag @param {Record<string, string>} attributes @param {(Node | string)[]} children
   */
  function el(tag, attributes, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }
})();
