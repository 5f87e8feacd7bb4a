import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive/archive.ts";
import { htmlToText, searchRecord } from "../../src/search/search-index.ts";
import { loadedEntry, ymd } from "./helpers.ts";

describe("search records", () => {
  it("index an event by its title, date, summary and context, filtered by kind, century and topic", () => {
    const archive = buildArchive(
      [
        loadedEntry("ides", ymd(-43, 3, 15), {
          title: "Caesar is assassinated",
          kind: "death",
          summary: "Stabbed in the Theatre of Pompey.",
          topics: ["Rome", "politics"],
          body: "The **Ides** of March & after: <b>raw</b>.\n",
        }),
      ],
      { buildDate: ymd(2024, 3, 15) },
    );
    expect(searchRecord(archive.bySlug.get("ides")!, "en")).toEqual({
      url: "/events/ides/",
      content: "Caesar is assassinated. 15 March 44 BC. Stabbed in the Theatre of Pompey.\nThe Ides of March & after: <b>raw</b>.",
      language: "en",
      meta: { title: "Caesar is assassinated" },
      filters: { kind: ["Death"], century: ["1st century BC"], topic: ["Rome", "politics"] },
    });
  });

  it("turn rendered Markdown into text, decoding only what markdown-it escapes", () => {
    expect(htmlToText("<p>A &amp; B &lt;i&gt; &quot;q&quot; &#39;s&#39;</p>\n<ul><li>x</li></ul>")).toBe(`A & B <i> "q" 's' x`);
  });
});
