// An entry's former slugs (front-matter `aliases`) keep its old addresses
// alive: the build writes a redirect page at each, and a 301 rule in
// `_redirects`. So an alias must be no other page's address: not another
// entry's slug (its page would be replaced), not another entry's alias (one
// address cannot lead to two pages), and not the entry's own slug.
import { readFileSync } from "node:fs";
import type { LoadedEntry } from "./load.ts";
import { lineOfField } from "./parse-entry.ts";
import { type ContentProblem, fieldPath } from "./problems.ts";

/**
 * Cloudflare Pages applies at most 2,000 static rules of a `_redirects` file
 * (and 100 dynamic ones): "A project is limited to 2,000 static redirects and
 * 100 dynamic redirects, for a combined total of 2,100 redirects"
 * (developers.cloudflare.com/pages/configuration/redirects/, "Per file").
 * Netlify publishes no fixed number, but advises other means from 10,000
 * (docs.netlify.com/routing/redirects/).
 */
export const CLOUDFLARE_STATIC_REDIRECTS = 2_000;

type AliasedEntry = Pick<LoadedEntry, "slug" | "file" | "path" | "aliases">;

/** Aliases that name another page, or the entry's own; and a warning past Cloudflare's number of rules. */
export function aliasProblems(entries: readonly AliasedEntry[]): ContentProblem[] {
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  const byAlias = new Map<string, AliasedEntry>();
  const problems: ContentProblem[] = [];
  let count = 0;
  for (const entry of entries) {
    for (const [i, alias] of (entry.aliases ?? []).entries()) {
      const at = (message: string, fix: string, severity: ContentProblem["severity"] = "error") =>
        problems.push({ ...placeOf(entry, i), message, fix, severity });
      const owner = bySlug.get(alias);
      const earlier = byAlias.get(alias);
      if (alias === entry.slug) {
        at(
          "is this entry's own slug",
          "remove it: an alias is a former slug, and this entry's page is at that address",
        );
      } else if (owner) {
        at(
          `"${alias}" is the slug of ${owner.file}, whose page is at that address`,
          `an alias is a former slug of this entry: remove it here, or rename ${owner.file} if the address should lead to this entry`,
        );
      } else if (earlier === entry) {
        at(`"${alias}" is listed twice`, "remove one of the two");
      } else if (earlier) {
        at(
          `"${alias}" is also an alias of ${earlier.file}`,
          "an old address can lead to one entry only: remove it from one of the two files",
        );
      } else {
        byAlias.set(alias, entry);
        if (++count === CLOUDFLARE_STATIC_REDIRECTS + 1) {
          at(
            `is alias number ${count.toLocaleString("en-US")} of the archive: Cloudflare Pages applies only the first ${CLOUDFLARE_STATIC_REDIRECTS.toLocaleString("en-US")} rules of _redirects`,
            "the later old addresses still lead on through their redirect pages, without a 301; drop aliases that nothing links to any more",
            "warning",
          );
        }
      }
    }
  }
  return problems;
}

/** Where the alias is written: looked up only for a problem, which is rare. */
function placeOf(entry: AliasedEntry, index: number): Pick<ContentProblem, "file" | "line" | "field"> {
  const path = ["aliases", index];
  return { file: entry.file, line: lineOfField(readFileSync(entry.path, "utf8"), path), field: fieldPath(path) };
}
