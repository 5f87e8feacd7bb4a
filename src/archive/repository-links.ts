// "Edit this entry" and "Report an error" on every event page: addresses on
// the host of the archive's repository (site.json's `repository`). Only
// GitHub and GitLab get them: another host's addresses differ (Gitea's and
// Forgejo's editor is at /_edit/…, Bitbucket's issues take no prefilled
// fields), and a link that leads to an error page is worse than none.
import { existsSync } from "node:fs";
import path from "node:path";
import { absoluteUrl, type SiteInfo } from "../site.ts";
import { withoutUnwritable } from "../util/unwritable.ts";

export type Repository = NonNullable<SiteInfo["repository"]>;
export type RepositoryHost = "github" | "gitlab";

export interface EntryLinks {
  /** The entry's file in the host's web editor. */
  readonly edit: string;
  /** A new issue about the entry, with its address and title filled in. */
  readonly report: string;
}

/** What the links need of an event: its file (as the loader shows it), its page and its title. */
export interface LinkedEntry {
  readonly file: string;
  readonly url: string;
  readonly title: string;
}

/**
 * The issue form the report link opens on GitHub (.github/ISSUE_TEMPLATE/),
 * and the ids of the fields it fills: GitHub fills an issue form's field from
 * the query parameter named after its id.
 */
export const CORRECTION_FORM = { template: "correction.yml", fields: { page: "page", file: "file" } } as const;

/** An issue's title names the entry; a longer one is cut, so the address stays short. */
const TITLE_LIMIT = 120;

/**
 * GitHub: github.com, GitHub Enterprise Cloud (*.ghe.com) and servers named
 * github.*; GitLab: gitlab.com and servers named gitlab.* (gitlab.gnome.org).
 * Any other host gets no links.
 */
export function repositoryHost(url: string): RepositoryHost | undefined {
  const host = new URL(url).hostname.toLowerCase();
  if (host === "github.com" || host.endsWith(".ghe.com") || host.startsWith("github.")) return "github";
  if (host === "gitlab.com" || host.startsWith("gitlab.")) return "gitlab";
  return undefined;
}

/**
 * The folder the repository holds at its root: the project's (where
 * package.json is) that contains the content folder; the content folder itself
 * when no project contains it (an archive kept in a repository of its own).
 */
export function repositoryRoot(contentDir: string): string {
  const start = path.resolve(contentDir);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/**
 * The links of each event, or undefined when the site has no repository or
 * its host is neither GitHub nor GitLab. `root` is repositoryRoot's answer.
 */
export function entryLinksFor(
  site: Pick<SiteInfo, "url" | "pathPrefix" | "repository">,
  root: string,
): ((entry: LinkedEntry) => EntryLinks) | undefined {
  const repository = site.repository;
  const host = repository && repositoryHost(repository.url);
  if (!repository || !host) return undefined;
  const branch = encodePath(repository.branch);
  return (entry) => {
    const file = withoutUnwritable(path.relative(root, path.resolve(entry.file)).split(path.sep).join("/"));
    const report = { file, address: absoluteUrl(site, entry.url), title: issueTitle(entry.title) };
    return host === "github"
      ? { edit: `${repository.url}/edit/${branch}/${encodePath(file)}`, report: githubIssue(repository, report) }
      : { edit: `${repository.url}/-/edit/${branch}/${encodePath(file)}`, report: gitlabIssue(repository, report) };
  };
}

interface Report {
  readonly file: string;
  readonly address: string;
  readonly title: string;
}

/** GitHub's issue form, each field filled from the query parameter named after its id. */
function githubIssue(repository: Repository, report: Report): string {
  const query = new URLSearchParams({
    template: CORRECTION_FORM.template,
    title: report.title,
    [CORRECTION_FORM.fields.page]: report.address,
    [CORRECTION_FORM.fields.file]: report.file,
  });
  return `${repository.url}/issues/new?${query}`;
}

/** GitLab has no issue forms: the description asks what the form asks. */
function gitlabIssue(repository: Repository, report: Report): string {
  const description = [
    `**Page:** ${report.address}`,
    `**Entry file:** \`${report.file}\``,
    "",
    "### What is wrong?",
    "",
    "### What should it say?",
    "",
    "### Sources",
    "A book, article or page that confirms the correction.",
    "",
  ].join("\n");
  const query = new URLSearchParams({ "issue[title]": report.title, "issue[description]": description });
  return `${repository.url}/-/issues/new?${query}`;
}

function issueTitle(title: string): string {
  const line = withoutUnwritable(title).replace(/\s+/g, " ").trim();
  const chars = [...line];
  const cut =
    chars.length > TITLE_LIMIT
      ? `${chars
          .slice(0, TITLE_LIMIT - 1)
          .join("")
          .trimEnd()}…`
      : line;
  return `Correction: ${cut}`;
}

/** Each segment of a path percent-encoded, the slashes kept. */
function encodePath(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
