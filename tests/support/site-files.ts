// Reads a built site the way a browser meets it: HTML parsed by a real parser,
// links resolved against the files that exist.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";

export function loadPage(outputDir: string, urlPath: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(fileForUrl(outputDir, urlPath)!, "utf8"));
}

/** The file a static host serves for a site-absolute URL path, if it exists. */
export function fileForUrl(outputDir: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const file = path.join(outputDir, ...clean.split("/"), clean.endsWith("/") ? "index.html" : "");
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}

/** Every HTML page of a built site, parsed, by its URL path ("/march/15/", "/404.html"). */
export function parsePages(outputDir: string): Map<string, cheerio.CheerioAPI> {
  return new Map(
    listFiles(outputDir)
      .filter((f) => f.endsWith(".html"))
      .map((file) => [
        `/${file.replace(/index\.html$/, "")}`,
        cheerio.load(readFileSync(path.join(outputDir, file), "utf8")),
      ]),
  );
}

/**
 * Every internal href/src/srcset that does not resolve, as "page -> target".
 * `pages`: the site's pages, if the test has parsed them already.
 */
export function brokenLinks(outputDir: string, pages = parsePages(outputDir)): string[] {
  const broken: string[] = [];
  for (const [pageUrl, $] of pages) {
    const targets = [
      ...$("[href]")
        .map((_, el) => $(el).attr("href")!)
        .get(),
      ...$("[src]")
        .map((_, el) => $(el).attr("src")!)
        .get(),
      ...$("[srcset]")
        .map((_, el) =>
          $(el)
            .attr("srcset")!
            .split(",")
            .map((s) => s.trim().split(/\s+/)[0]!),
        )
        .get()
        .flat(),
    ];
    for (const target of targets) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) continue; // another host, or mailto:
      if (target.startsWith("#")) {
        if (target.length > 1 && $(`[id="${target.slice(1)}"]`).length === 0) broken.push(`${pageUrl} -> ${target}`);
        continue;
      }
      const absolute = new URL(target, `http://site${pageUrl}`).pathname;
      if (!fileForUrl(outputDir, absolute)) broken.push(`${pageUrl} -> ${target}`);
    }
  }
  return broken;
}

/** A digest of every file's path and bytes: equal trees give equal digests. */
export function treeDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const file of listFiles(dir))
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(dir, file)))
      .update("\0");
  return hash.digest("hex");
}
