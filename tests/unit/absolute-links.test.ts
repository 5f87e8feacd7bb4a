import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/content/markdown.ts";
import { absoluteLinks } from "../../src/eleventy/absolute-links.ts";

const BASE = "https://example.org/history/events/caesar/";
const ROOT = "https://example.org/history/";

describe("absoluteLinks (the feed's entry bodies)", () => {
  it("resolves every link of a rendered body against the entry's address, and one from the root under the path prefix, query and fragment kept", () => {
    const html = renderMarkdown(
      '[year](/years/44-bc/) [note](#n) [next](../vesuvius/?a=1&b=2 "The \\"next\\"") [here](here/) [mail](mailto:a@example.org)',
    );
    expect(absoluteLinks(html, BASE, ROOT)).toBe(
      '<p><a href="https://example.org/history/years/44-bc/">year</a> <a href="https://example.org/history/events/caesar/#n">note</a> ' +
        '<a href="https://example.org/history/events/vesuvius/?a=1&amp;b=2" title="The &quot;next&quot;">next</a> ' +
        '<a href="https://example.org/history/events/caesar/here/">here</a> <a href="mailto:a@example.org">mail</a></p>\n',
    );
  });

  it("writes absolute links as the URL standard does, and leaves text and code alone", () => {
    const html = renderMarkdown('[a](HTTPS://Example.ORG/A_(b)) `<a href="/code">` and href="/text"');
    expect(absoluteLinks(html, BASE, ROOT)).toBe(
      '<p><a href="https://example.org/A_(b)">a</a> <code>&lt;a href=&quot;/code&quot;&gt;</code> and href=&quot;/text&quot;</p>\n',
    );
  });

  it("leaves a link that is no address as it is", () => {
    expect(absoluteLinks('<a href="http://[bad">x</a>', BASE, ROOT)).toBe('<a href="http://[bad">x</a>');
  });
});
