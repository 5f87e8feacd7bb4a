// The parts of npm run diff that need no build: the line diff and its
// excerpt, a page's visible text, the order of addresses, and the reports'
// escaping and size.
import { describe, expect, it } from "vitest";
import { pageText } from "../../src/build/page-text.ts";
import { addressOf, compareAddresses, type SiteDiff } from "../../src/build/site-diff.ts";
import { markdownReport, textReport } from "../../src/build/site-diff-report.ts";
import { diffExcerpt, diffLines } from "../../src/util/line-diff.ts";

const render = (script: { op: string; text?: string; lines?: number }[]) =>
  script.map((l) => (l.op === "gap" ? `…${l.lines}` : `${l.op}${l.text}`));

describe("diffLines", () => {
  it("keeps the common lines and marks the rest removed, then added", () => {
    expect(render(diffLines(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]))).toEqual([
      "=a",
      "-b",
      "+x",
      "=c",
      "=d",
      "+e",
    ]);
    expect(render(diffLines([], ["a"]))).toEqual(["+a"]);
    expect(render(diffLines(["a"], []))).toEqual(["-a"]);
    expect(render(diffLines(["a", "b"], ["a", "b"]))).toEqual(["=a", "=b"]);
  });

  it("finds a longest common subsequence in the middle", () => {
    const script = diffLines(["1", "x", "2", "y", "3", "z"], ["0", "1", "2", "3", "w"]);
    expect(script.filter((l) => l.op === "=").map((l) => l.text)).toEqual(["1", "2", "3"]);
    // Applying the script gives both texts back.
    expect(script.filter((l) => l.op !== "+").map((l) => l.text)).toEqual(["1", "x", "2", "y", "3", "z"]);
    expect(script.filter((l) => l.op !== "-").map((l) => l.text)).toEqual(["0", "1", "2", "3", "w"]);
  });

  it("excerpts the changes with a line of context, and counts what it leaves out", () => {
    const before = ["a", "b", "c", "d", "e", "f", "g", "h"];
    const after = ["a", "B", "c", "d", "e", "f", "G", "h"];
    expect(render(diffExcerpt(diffLines(before, after)))).toEqual([
      "=a",
      "-b",
      "+B",
      "=c",
      "…2",
      "=f",
      "-g",
      "+G",
      "=h",
    ]);
    expect(diffExcerpt(diffLines(before, before))).toEqual([]);
  });
});

describe("pageText", () => {
  it("reads the title, the first heading and each block's text; not scripts, styles or hidden parts", () => {
    const html = `<!doctype html><html><head><title>Apollo · Site</title><style>p{}</style></head><body>
      <nav><ul><li><a href="/">Home</a></li><li>Apollo</li></ul></nav>
      <h1>Apollo <em>11</em></h1><p>Lands &amp; returns.<br>Second line</p>
      <script>var x = "<p>no</p>";</script><div hidden>secret</div><template><p>later</p></template>
      <figure><img src="a.jpg" alt="The Moon"><figcaption>Photo</figcaption></figure>
      <table><tr><th>Mon</th><td>1</td><td>2</td></tr></table><svg><title>icon</title></svg></body></html>`;
    expect(pageText(html)).toEqual({
      title: "Apollo · Site",
      heading: "Apollo 11",
      lines: [
        "Home",
        "Apollo",
        "Apollo 11",
        "Lands & returns.",
        "Second line",
        "[image: The Moon]",
        "Photo",
        "Mon 1 2",
        "icon",
      ],
    });
  });
});

describe("addresses", () => {
  it("are where a static host serves each file", () => {
    expect(["index.html", "events/x/index.html", "404.html", "june/12/index.html"].map(addressOf)).toEqual([
      "/",
      "/events/x/",
      "/404.html",
      "/june/12/",
    ]);
  });

  it("come events first, then days and months in calendar order, years, topics and the rest", () => {
    const addresses = [
      "/",
      "/topics/space/",
      "/years/1969/",
      "/july/",
      "/december/1/",
      "/july/20/",
      "/july/4/",
      "/events/b/",
      "/events/a/",
      "/search/",
    ];
    expect(addresses.sort(compareAddresses)).toEqual([
      "/events/a/",
      "/events/b/",
      "/july/4/",
      "/july/20/",
      "/december/1/",
      "/july/",
      "/years/1969/",
      "/topics/space/",
      "/",
      "/search/",
    ]);
  });
});

function diffWith(overrides: Partial<SiteDiff>): SiteDiff {
  return {
    pagesBefore: 10,
    pagesAfter: 10,
    added: [],
    changed: [],
    removed: [],
    markupOnly: [],
    files: [],
    filesUnchanged: 5,
    ...overrides,
  };
}

describe("the reports", () => {
  const hostile = {
    address: "/events/a`b/",
    title: "*Bold* <script>alert(1)</script> [link](x) | pipe\u001b[31m\nnext",
  };

  it("escape page titles and addresses for Markdown and the HTML of <details>", () => {
    const changed = {
      ...hostile,
      linesAdded: 1,
      linesRemoved: 0,
      excerpt: [{ op: "+" as const, text: "a ``` fence </details> <b>" }],
      excerptCut: 0,
    };
    const markdown = markdownReport(diffWith({ added: [hostile], changed: [changed] }));
    expect(markdown).toContain(
      "- `` /events/a`b/ `` \\*Bold\\* \\<script\\>alert\\(1\\)\\</script\\> \\[link\\]\\(x\\) \\| pipe\\[31m next\n",
    );
    expect(markdown).toContain(
      "<summary><code>/events/a`b/</code> *Bold* &#60;script&#62;alert(1)&#60;/script&#62; [link](x) | pipe[31m next (1 line added, 0 removed)</summary>",
    );
    expect(markdown).toContain("\n````diff\n+ a ``` fence </details> <b>\n````\n");
    expect(markdown).not.toContain("\u001b");
    expect(textReport(diffWith({ added: [hostile] }))).toContain(
      "  /events/a`b/  *Bold* <script>alert(1)</script> [link](x) | pipe[31m next\n",
    );
  });

  it("keep the Markdown within its bytes, saying how many pages did not fit", () => {
    const pages = Array.from({ length: 500 }, (_, i) => ({
      address: `/events/event-${i}/`,
      title: `Event ${i} ${"é".repeat(100)}`,
    }));
    const markdown = markdownReport(diffWith({ added: pages, removed: pages }), { maxBytes: 10_000 });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(10_000);
    expect(markdown).toContain("#### Added (500)");
    expect(markdown).toContain("#### Removed (500)");
    const shown = markdown.split("\n").filter((line) => line.startsWith("- `/events/")).length;
    const more = [...markdown.matchAll(/… and (\d+) more\./g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(shown + more).toBe(1000);
    // Without a limit given, the default one (100 KiB, well under GitHub's 1 MiB): at most 200 a list.
    const full = markdownReport(diffWith({ added: pages }));
    expect(full.split("\n").filter((line) => line.startsWith("- `/events/")).length).toBe(200);
    expect(full).toContain("… and 300 more.");
  });

  it("list every changed page's address before they give room to excerpts, and the removed pages before both", () => {
    const changed = Array.from({ length: 150 }, (_, i) => ({
      address: `/events/changed-${i}/`,
      title: `Changed ${i}`,
      linesAdded: 20,
      linesRemoved: 0,
      excerpt: Array.from({ length: 20 }, (_, k) => ({ op: "+" as const, text: `line ${k} ${"x".repeat(150)}` })),
      excerptCut: 0,
    }));
    const removed = [{ address: "/events/gone/", title: "Gone" }];
    const markdown = markdownReport(diffWith({ changed, removed }), { maxBytes: 20_000 });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(20_000);
    expect(markdown.indexOf("- `/events/gone/` Gone")).toBeLessThan(markdown.indexOf("#### Changed (150)"));
    const withExcerpt = [...markdown.matchAll(/<summary><code>\/events\/changed-(\d+)\/<\/code>/g)].map((m) =>
      Number(m[1]),
    );
    const addressOnly = [...markdown.matchAll(/^- `\/events\/changed-(\d+)\/`/gm)].map((m) => Number(m[1]));
    expect(withExcerpt.length).toBeGreaterThan(0);
    expect(addressOnly.length).toBeGreaterThan(0);
    // In order, each once, and all of them.
    expect([...withExcerpt, ...addressOnly]).toEqual(changed.map((_, i) => i));
  });

  it("say when nothing changed, and when the sites were built for different days", () => {
    const none = diffWith({ buildDays: { before: "2024-02-29", after: "2024-03-01" } });
    expect(textReport(none).split("\n").slice(0, 3)).toEqual([
      "No page changes",
      "The site had 10 pages and has 10.",
      "The sites were built for different days (2024-02-29 and 2024-03-01): the home page and /random/ differ for that alone. Build both with the same BUILD_DATE.",
    ]);
    expect(markdownReport(none)).toContain("### No page changes\n");
  });
});
