// The README and docs/ as a reader meets them: every YAML example parses, every
// workflow example would run on GitHub Actions, and every relative link and
// #anchor leads somewhere.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { actionlint } from "../support/actionlint.ts";
import { retiredActions } from "../support/retired-actions.ts";

const ROOT = path.join(import.meta.dirname, "../..");

const MARKDOWN_FILES = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

interface Fence {
  readonly info: string;
  readonly text: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

interface Markdown {
  readonly fences: readonly Fence[];
  /** The text with fenced blocks blanked out (line numbers kept). */
  readonly prose: string;
}

const cache = new Map<string, Markdown>();

function read(file: string): Markdown {
  const known = cache.get(file);
  if (known) return known;
  const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
  const fences: Fence[] = [];
  const prose: string[] = [];
  let open: { marker: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
        fences.push({ info: open.info, text: `${open.body.join("\n")}\n`, line: open.line });
        open = undefined;
      } else {
        open.body.push(line);
      }
      prose.push("");
      return;
    }
    const start = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (start?.[1]) {
      open = { marker: start[1], info: (start[2] ?? "").toLowerCase(), line: index + 1, body: [] };
      prose.push("");
      return;
    }
    prose.push(line);
  });
  if (open) throw new Error(`${file}:${open.line}: a code fence is never closed`);
  const result = { fences, prose: prose.join("\n") };
  cache.set(file, result);
  return result;
}

/** GitHub's heading anchors (github-slugger): lowercase, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // a link shows its text
    .replace(/[`*]/g, "") // code and emphasis markers
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
}

function anchors(file: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of read(file).prose.split("\n")) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!heading?.[1]) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

interface Link {
  readonly text: string;
  readonly target: string;
  readonly line: number;
}

function links(file: string): Link[] {
  const found: Link[] = [];
  read(file)
    .prose.split("\n")
    .forEach((raw, index) => {
      // A code span holds no link (its text may be a link's text, though).
      const line = raw.replace(/`[^`]*`/g, "code");
      for (const match of line.matchAll(/\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        found.push({ text: match[1] ?? "", target: match[2] ?? "", line: index + 1 });
      }
    });
  return found;
}

function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//");
}

type Job = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What is wrong with a workflow's jobs, as lines; none for a workflow that would run. */
function workflowProblems(workflow: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const jobs = workflow.jobs;
  if (!isRecord(jobs) || Object.keys(jobs).length === 0) return ["jobs: is not a map of jobs"];
  for (const [name, value] of Object.entries(jobs)) {
    if (!isRecord(value)) {
      problems.push(`jobs.${name}: is not a map`);
      continue;
    }
    const job: Job = value;
    if (typeof job.uses === "string") continue; // a reusable workflow: no runner, no steps
    if (typeof job["runs-on"] !== "string" && !Array.isArray(job["runs-on"]) && !isRecord(job["runs-on"])) {
      problems.push(`jobs.${name}: has no runs-on`);
    }
    const steps = job.steps;
    if (!Array.isArray(steps) || steps.length === 0) {
      problems.push(`jobs.${name}.steps: is not a list of steps`);
      continue;
    }
    steps.forEach((step: unknown, index) => {
      const where = `jobs.${name}.steps[${index}]`;
      if (!isRecord(step)) problems.push(`${where}: is not a map`);
      else if (typeof step.uses === "string") {
        if (!/^[^@\s]+@[^@\s]+$/.test(step.uses) && !step.uses.startsWith("./")) {
          problems.push(`${where}.uses: "${step.uses}" names no version (owner/action@v1)`);
        }
      } else if (typeof step.run !== "string") problems.push(`${where}: has neither uses nor run`);
    });
  }
  return problems;
}

describe("the slug of a heading (GitHub's rule)", () => {
  it.each([
    ["The site's address", "the-sites-address"],
    ["`npm start`", "npm-start"],
    ['What "today" means', "what-today-means"],
    ["Site configuration: `content/site.json`", "site-configuration-contentsitejson"],
    ["`--format csv`: a spreadsheet", "--format-csv-a-spreadsheet"],
  ])("%s → #%s", (heading, expected) => {
    expect(slug(heading)).toBe(expected);
  });
});

describe.each(MARKDOWN_FILES)("%s", (file) => {
  it("has YAML examples that parse without errors", () => {
    const problems = read(file)
      .fences.filter((fence) => fence.info === "yaml" || fence.info === "yml")
      .flatMap((fence) =>
        parseAllDocuments(fence.text, { uniqueKeys: true }).flatMap((document) =>
          [...document.errors, ...document.warnings].map((error) => `${file}:${fence.line}: ${error.message}`),
        ),
      );
    expect(problems).toEqual([]);
  });

  it("has workflow examples in which every job has a runner and steps that use or run something", () => {
    const problems = read(file)
      .fences.filter((fence) => fence.info === "yaml" || fence.info === "yml")
      .flatMap((fence) =>
        parseAllDocuments(fence.text).flatMap((document) => {
          const value: unknown = document.toJS();
          if (!isRecord(value) || !("jobs" in value)) return [];
          return workflowProblems(value).map((problem) => `${file}:${fence.line}: ${problem}`);
        }),
      );
    expect(problems).toEqual([]);
  });

  it("has workflow examples that pass actionlint and name no release GitHub has retired", async () => {
    const problems: string[] = [];
    for (const fence of read(file).fences.filter(
      (f) => (f.info === "yaml" || f.info === "yml") && /^jobs:/m.test(f.text),
    )) {
      for (const p of await actionlint(fence.text, file))
        problems.push(`${file}:${fence.line + p.line}: ${p.message} [${p.kind}]`);
      for (const r of retiredActions(fence.text)) problems.push(`${file}:${fence.line + r.line}: ${r.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("links only to files and headings that exist", () => {
    const problems: string[] = [];
    for (const link of links(file).filter((candidate) => isRelative(candidate.target))) {
      const [pathPart = "", anchor] = link.target.split("#", 2);
      const target =
        pathPart === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(pathPart)));
      const where = `${file}:${link.line}: [${link.text}](${link.target})`;
      if (target.startsWith("../") || !existsSync(path.join(ROOT, target))) {
        problems.push(`${where}: there is no file ${target}`);
        continue;
      }
      if (anchor !== undefined && target.endsWith(".md") && !anchors(target).has(anchor)) {
        problems.push(`${where}: ${target} has no heading #${anchor}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the docs", () => {
  it("each have a title and a link back to the README", () => {
    for (const file of MARKDOWN_FILES.filter((name) => name.startsWith("docs/"))) {
      expect(read(file).prose, file).toMatch(/^# \S/);
      expect(
        links(file).map((link) => link.target.split("#")[0]),
        file,
      ).toContain("../README.md");
    }
  });

  it("are each linked from the README", () => {
    const linked = new Set(links("README.md").map((link) => link.target.split("#")[0]));
    expect(MARKDOWN_FILES.filter((name) => name.startsWith("docs/") && !linked.has(name))).toEqual([]);
  });

  it("include the sharding workflow, so the workflow checks above check something", () => {
    const workflows = MARKDOWN_FILES.flatMap((file) => read(file).fences).filter(
      (fence) => (fence.info === "yaml" || fence.info === "yml") && /^jobs:/m.test(fence.text),
    );
    expect(workflows.length).toBeGreaterThan(0);
  });

  it("flag a workflow job without a runner or with a step that does nothing", () => {
    expect(workflowProblems({ jobs: { build: { steps: [{ run: "npm ci" }, { with: { a: 1 } }] } } })).toEqual([
      "jobs.build: has no runs-on",
      "jobs.build.steps[1]: has neither uses nor run",
    ]);
    expect(workflowProblems({ jobs: { call: { uses: "./.github/workflows/ci.yml" } } })).toEqual([]);
  });
});
