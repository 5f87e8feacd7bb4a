// What a reader sees of a built page, as lines of text: the body's text, one
// line per block (paragraph, heading, list item, table row…), with images'
// alternative text, as a reader without JavaScript meets it; not scripts,
// styles, templates or hidden elements. npm run diff compares pages by it, so
// a change of markup alone shows no difference.
import { Parser } from "htmlparser2";

export interface PageText {
  /** The document's <title>. */
  readonly title: string;
  /** The text of its first <h1>, if it has one: the page's name without the site's. */
  readonly heading?: string;
  readonly lines: readonly string[];
}

/** Their text is never shown. */
const UNSEEN = new Set(["head", "script", "style", "template"]);
/** Each starts a line of its own; any other element runs on in its line. */
const BLOCKS = new Set(
  (
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form " +
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul"
  ).split(" "),
);

export function pageText(html: string): PageText {
  const lines: string[] = [];
  let line = "";
  // The document's first <title> (an <svg> in the body may have its own).
  let title: string | undefined;
  let inTitle = false;
  // The first <h1>'s text, from the line it starts.
  let heading: string | undefined;
  let headingFrom: number | undefined;
  // Depth inside an element whose text is not shown.
  let unseen = 0;
  const breakLine = () => {
    const text = line.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
    line = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "title" && title === undefined) [inTitle, title] = [true, ""];
        if (unseen || UNSEEN.has(name) || "hidden" in attributes) return void unseen++;
        if (BLOCKS.has(name)) breakLine();
        // A table's cells share their row's line.
        if (name === "td" || name === "th") line += " ";
        if (name === "h1") headingFrom ??= lines.length;
        if (name === "img" && attributes.alt?.trim()) line += ` [image: ${attributes.alt.trim()}] `;
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (!unseen) line += text;
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (unseen) return void unseen--;
        if (BLOCKS.has(name)) breakLine();
        if (name === "h1" && headingFrom !== undefined && heading === undefined)
          heading = lines.slice(headingFrom).join(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  breakLine();
  return { title: (title ?? "").replace(/\s+/g, " ").trim(), ...(heading && { heading }), lines };
}
