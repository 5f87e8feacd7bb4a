// @ts-check
// Progressive enhancement for the home page. The build shows the pick of its
// own date (src/archive/front-page-pick.ts); a reader whose clock and time
// zone say another day sees that day's pick instead, with years ago from the
// reader's year, from the per-day JSON the build wrote (its `selected`). The
// page keeps room for it (src/archive/reader-days.ts), so nothing below moves.
// Without JavaScript, or if anything fails, the page stays as built. Its
// sentences are the page's (#today's data-words, in the site's language), with {day}
// and {link} where they go, and "#" for a number in a counted one's forms.
(() => {
  const found = document.getElementById("today");
  const script = document.currentScript;
  if (!found?.dataset.words || !(script instanceof HTMLScriptElement)) return;
  const root = found;
  /** @type {{ title: string, empty: string, calendar: string, leapDay: string, leapDayLink: string, yearsAgo: Record<string, string>, allOfDay: Record<string, string> }} */
  const words = JSON.parse(found.dataset.words);
  // The site may live under a sub-path: find its root from this script's own URL.
  const siteRoot = new URL("../", script.src);
  const at = (/** @type {string} */ path) => new URL(path.replace(/^\//, ""), siteRoot).href;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  // Counts as the build writes them: the page's language, its digits, no grouping.
  const language = document.documentElement.lang || "en";
  const plural = new Intl.PluralRules(language);
  const number = new Intl.NumberFormat(language, { useGrouping: false });
  const counted = (/** @type {Record<string, string>} */ forms, /** @type {number} */ n) =>
    (forms[plural.select(n)] ?? forms.other ?? "").replace("#", number.format(n));

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
   * Paths in the documents are root-relative and already under the site's path prefix; dates are ISO, with astronomical years.
   * @typedef {{ slug: string, path: string, title: string, summary: string, date: string, year: string, thumbnail?: { src: string, srcset: string, width: number, height: number } }} EventDoc
   * @typedef {{ key: string, label: string, path: string, count: number, selected: string[], sections: { kind: string, heading: string, events: EventDoc[] }[] }} DayDoc
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
    const bySlug = new Map(day.sections.flatMap((s) => s.events).map((e) => [e.slug, e]));
    const pick = day.selected.flatMap((slug) => bySlug.get(slug) ?? []);
    /** @type {Node[]} */
    const shown = pick.length
      ? [el("ol", { class: "event-list today-pick" }, pick.map(item)), allOfDay(day)]
      : [emptyState(day)];
    if (leapDay) shown.push(leapDayNote(leapDay));
    root.querySelector(".today-events")?.replaceChildren(...shown);
  }

  /** @param {DayDoc} day */
  function allOfDay(day) {
    const text = counted(words.allOfDay, day.count).replace("{day}", () => day.label);
    return el("p", { class: "today-more" }, [el("a", { href: day.path }, [text])]);
  }

  /** @param {EventDoc} e */
  function item(e) {
    const text = el("div", { class: "event-text" }, [
      el("h3", { class: "event-title" }, [el("a", { href: e.path }, [e.title])]),
      el("p", { class: "years-ago" }, [yearsAgo(e)]),
      el("p", { class: "event-summary" }, [e.summary]),
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

  /** From the reader's year; nothing for an event of this year. @param {EventDoc} e */
  function yearsAgo(e) {
    const years = year - Number.parseInt(e.date, 10);
    return years > 0 ? counted(words.yearsAgo, years) : "";
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
