// The event pages' "Edit this entry" and "Report an error" addresses, from
// site.json's repository, for GitHub and GitLab; none for other hosts.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryLinksFor, repositoryHost, repositoryRoot } from "../../src/archive/repository-links.ts";
import { makeTempDir } from "../support/helpers.ts";

const ROOT = path.resolve("/srv/archive");
const site = (url: string, branch = "main", pathPrefix = "/") => ({
  url: "https://history.example.net",
  pathPrefix,
  repository: { url, branch },
});
const entry = {
  file: path.join(ROOT, "content/events/1969-07-20-apollo-11.md"),
  url: "/events/1969-07-20-apollo-11/",
  title: "Apollo 11 lands on the Moon",
};
const query = (address: string) => Object.fromEntries(new URL(address).searchParams);

describe("repositoryHost", () => {
  it.each([
    ["https://github.com/owner/archive", "github"],
    ["https://GitHub.com/owner/archive", "github"],
    ["https://octo.ghe.com/owner/archive", "github"],
    ["https://github.example.org/owner/archive", "github"],
    ["https://gitlab.com/group/sub/archive", "gitlab"],
    ["https://gitlab.gnome.org/owner/archive", "gitlab"],
    ["https://codeberg.org/owner/archive", undefined],
    ["https://bitbucket.org/owner/archive", undefined],
    ["https://notgithub.com/owner/archive", undefined],
  ])("%s is %s", (url, host) => {
    expect(repositoryHost(url)).toBe(host);
  });
});

describe("entryLinksFor", () => {
  it("on GitHub: the file in the web editor, and the correction form with the page and its file filled in", () => {
    const links = entryLinksFor(site("https://github.com/owner/archive"), ROOT)!(entry);
    expect(links.edit).toBe("https://github.com/owner/archive/edit/main/content/events/1969-07-20-apollo-11.md");
    expect(links.report.startsWith("https://github.com/owner/archive/issues/new?")).toBe(true);
    expect(query(links.report)).toEqual({
      template: "correction.yml",
      title: "Correction: Apollo 11 lands on the Moon",
      page: "https://history.example.net/events/1969-07-20-apollo-11/",
      file: "content/events/1969-07-20-apollo-11.md",
    });
  });

  it("on GitLab: its editor, and a new issue whose description asks what the form asks", () => {
    const links = entryLinksFor(site("https://gitlab.com/group/sub/archive", "release/2026"), ROOT)!(entry);
    expect(links.edit).toBe(
      "https://gitlab.com/group/sub/archive/-/edit/release/2026/content/events/1969-07-20-apollo-11.md",
    );
    expect(links.report.startsWith("https://gitlab.com/group/sub/archive/-/issues/new?issue%5Btitle%5D=")).toBe(true);
    const { "issue[title]": title, "issue[description]": description, ...rest } = query(links.report);
    expect(rest).toEqual({});
    expect(title).toBe("Correction: Apollo 11 lands on the Moon");
    expect(description!.split("\n").slice(0, 2)).toEqual([
      "**Page:** https://history.example.net/events/1969-07-20-apollo-11/",
      "**Entry file:** `content/events/1969-07-20-apollo-11.md`",
    ]);
    expect(description).toContain("### What is wrong?");
    expect(description).toContain("### Sources");
  });

  it("gives no links without a repository, or on another host", () => {
    expect(entryLinksFor({ url: "https://x.org", pathPrefix: "/" }, ROOT)).toBeUndefined();
    expect(entryLinksFor(site("https://codeberg.org/owner/archive"), ROOT)).toBeUndefined();
  });

  it("puts the page under the site's folder", () => {
    const links = entryLinksFor(site("https://github.com/o/a", "main", "/history/"), ROOT)!(entry);
    expect(query(links.report).page).toBe("https://history.example.net/history/events/1969-07-20-apollo-11/");
  });

  it("takes a file the loader shows relative to the working folder", () => {
    const cwd = process.cwd();
    const relative = { ...entry, file: "content/events/x.md" };
    const links = entryLinksFor(site("https://github.com/o/a"), cwd)!(relative);
    expect(links.edit).toBe("https://github.com/o/a/edit/main/content/events/x.md");
  });

  it("encodes each part of the path and every query value; no control character or lone surrogate gets through", () => {
    const odd = {
      file: path.join(ROOT, "content/events/été 1914/a#b?c%d.md"),
      url: "/events/x/",
      title: "Line\none\u0007 & <two>\ud800 \"quoted\" 'single'",
    };
    const links = entryLinksFor(site("https://github.com/o/a", "feature/x"), ROOT)!(odd);
    expect(links.edit).toBe(
      "https://github.com/o/a/edit/feature/x/content/events/%C3%A9t%C3%A9%201914/a%23b%3Fc%25d.md",
    );
    for (const address of [links.edit, links.report]) {
      expect(address).toMatch(/^[\x21-\x7e]+$/);
      expect(address).not.toMatch(/[<>"'\s]/);
    }
    expect(query(links.report).title).toBe("Correction: Line one & <two> \"quoted\" 'single'");
    expect(query(links.report).file).toBe("content/events/été 1914/a#b?c%d.md");
  });

  it("cuts a long title, keeping whole characters", () => {
    const long = { ...entry, title: `${"😀".repeat(150)}` };
    const title = query(entryLinksFor(site("https://github.com/o/a"), ROOT)!(long).report).title!;
    expect(title).toBe(`Correction: ${"😀".repeat(119)}…`);
  });
});

describe("repositoryRoot", () => {
  it("is the project folder (package.json) that holds the content, else the content folder itself", async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, "project/archive/content"), { recursive: true });
    await mkdir(path.join(dir, "alone/content"), { recursive: true });
    await writeFile(path.join(dir, "project/package.json"), "{}");
    expect(repositoryRoot(path.join(dir, "project/archive/content"))).toBe(path.join(dir, "project"));
    expect(repositoryRoot(path.join(dir, "alone/content"))).toBe(path.join(dir, "alone/content"));
  });
});
