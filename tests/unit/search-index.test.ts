import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive.ts";
import {
  addWords,
  searchBundles,
  searchDocument,
  VOCABULARY_FILTER,
  vocabularyDocument,
} from "../../src/search/search-index.ts";
import { loadedEntry, ymd } from "../support/helpers.ts";

describe("search documents", () => {
  it("index an event by its title, date, summary and context, filtered by kind, century and topic", () => {
    const archive = buildArchive(
      [
        loadedEntry("ides", ymd(-43, 3, 15), {
          title: 'Caesar is "assassinated" <here>',
          kind: "death",
          summary: "Stabbed in the Theatre of Pompey & more.",
          topics: ["Rome", "politics"],
          body: "The **Ides** of March & after: <b>raw</b>.\n",
        }),
      ],
      { buildDate: ymd(2024, 3, 15) },
    );
    const $ = load(searchDocument(archive.bySlug.get("ides")!, "en"));
    const values = (selector: string) =>
      $(selector)
        .map((_, el) => $(el).attr("content"))
        .get();
    expect($("html").attr("lang")).toBe("en");
    expect(values('meta[data-pagefind-meta="title[content]"]')).toEqual(['Caesar is "assassinated" <here>']);
    expect(values('meta[data-pagefind-filter="kind[content]"]')).toEqual(["Death"]);
    expect(values('meta[data-pagefind-filter="century[content]"]')).toEqual(["1st century BC"]);
    expect(values('meta[data-pagefind-filter="topic[content]"]')).toEqual(["Rome", "politics"]);
    expect($("h1").text()).toBe('Caesar is "assassinated" <here>');
    expect($("body").text().replace(/\s+/g, " ").trim()).toBe(
      'Caesar is "assassinated" <here> 15 March 44 BC. Stabbed in the Theatre of Pompey & more. The Ides of March & after: <b>raw</b>.',
    );
    expect($("b")).toHaveLength(0);
  });
});

describe("search bundles", () => {
  it("are one bundle up to a shard's size, then one more for each further shard", () => {
    expect(searchBundles(0, 100)).toEqual(["pagefind/"]);
    expect(searchBundles(100, 100)).toEqual(["pagefind/"]);
    expect(searchBundles(101, 100)).toEqual(["pagefind/", "pagefind-2/"]);
    expect(searchBundles(250, 100)).toEqual(["pagefind/", "pagefind-2/", "pagefind-3/"]);
  });
});

describe("a shard's vocabulary page", () => {
  it("holds each word once, lowercased, split at block tags, and both ways where a tag is inside a word", () => {
    const words = new Set<string>();
    addWords(
      words,
      "<h1>The Ides</h1><p>15 March. The <strong>Ides</strong> of Mar<em>ch</em>,<br>(again) &amp; “after”!</p><ul><li>one</li><li>two</li></ul>",
    );
    addWords(words, "<p>THE ides; Caesar's &lt;b&gt;; &#39;</p>");
    expect([...words]).toEqual([
      "the",
      "ides",
      "15",
      "march",
      "of",
      "mar",
      "ch",
      "again",
      "&amp;",
      "after",
      "one",
      "two",
      "caesar's",
      "&lt;b&gt;",
      "&#39;",
    ]);
  });

  it("is one page marked by the vocabulary filter, its words as they were written", () => {
    const $ = load(vocabularyDocument(["ides", "&amp;", "caesar's"], "de"));
    expect($("html").attr("lang")).toBe("de");
    expect($(`meta[data-pagefind-filter="${VOCABULARY_FILTER}[content]"]`).attr("content")).toBe("all");
    expect($("meta[data-pagefind-meta]")).toHaveLength(0);
    expect($("body").text()).toBe("ides & caesar's");
  });
});
