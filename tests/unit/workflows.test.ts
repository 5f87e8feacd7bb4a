// The GitHub workflows run on GitHub as they are: actionlint's checks, no
// release GitHub has retired, Node from the project's own pin, and the same
// commands the README gives and .ci/run runs.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionlint } from "../support/actionlint.ts";
import { REPO_ROOT } from "../support/commands.ts";
import { retiredActions } from "../support/retired-actions.ts";

const WORKFLOWS = path.join(REPO_ROOT, ".github/workflows");
const workflows = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: `.github/workflows/${f}`, text: readFileSync(path.join(WORKFLOWS, f), "utf8") }));
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");

interface Workflow {
  jobs: Record<string, { steps?: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
}
const steps = (text: string) => Object.values((parse(text) as Workflow).jobs).flatMap((job) => job.steps ?? []);
interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe("the GitHub workflows", () => {
  it("are there", () => {
    expect(workflows.map((w) => w.file).sort()).toEqual([".github/workflows/ci.yml", ".github/workflows/deploy.yml"]);
  });

  it.each(workflows)("$file passes actionlint", async ({ file, text }) => {
    const problems = await actionlint(text, file);
    expect(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it("actionlint finds what it should (the check is live)", async () => {
    const broken =
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ steps.nothing.outputs.x }}\n";
    const problems = await actionlint(broken, "broken.yml");
    expect(problems.map((p) => [p.line, p.kind])).toEqual([[6, "expression"]]);
  });

  it.each(workflows)("$file names no action release GitHub has retired", ({ file, text }) => {
    expect(retiredActions(text).map((r) => `${file}:${r.line}: ${r.message}`)).toEqual([]);
  });

  it("names the file's line and the action of a retired release, and passes current ones", () => {
    const text = [
      "on: push",
      "jobs:",
      "  a:",
      "    runs-on: ubuntu-24.04",
      "    steps:",
      "      - uses: actions/cache@v4.1.2",
      "      - uses: actions/cache@v4",
      "      - uses: actions/cache@v4.2.0",
      "      - uses: actions/cache@v3.3",
      "      - uses: actions/upload-artifact@v3",
      "      - uses: actions/upload-pages-artifact@v2.0.0",
      "      - uses: actions/cache@0400d5f644dc74513175e3cd8d07132dd4860809",
      "      - uses: actions/cache@v6",
    ].join("\n");
    expect(retiredActions(text).map((r) => [r.line, r.uses])).toEqual([
      [6, "actions/cache@v4.1.2"],
      [9, "actions/cache@v3.3"],
      [10, "actions/upload-artifact@v3"],
      [11, "actions/upload-pages-artifact@v2.0.0"],
    ]);
    expect(retiredActions(text)[0]!.message).toBe(
      "actions/cache@v4.1.2 is a release GitHub has retired, and the step fails: use actions/cache@v4.2.0 or later (the current major is best)",
    );
  });

  it("take Node from the project's pin, which hosts read too", () => {
    const pkg = JSON.parse(read("package.json")) as { engines: { node: string }; dependencies: Record<string, string> };
    const major = /\d+/.exec(pkg.dependencies.node!)![0];
    expect(pkg.engines.node).toBe(`>=${major}`);
    // Netlify and Cloudflare Pages read .node-version.
    expect(read(".node-version").trim()).toBe(major);
    for (const { file, text } of workflows) {
      const setups = steps(text).filter((s) => s.uses?.startsWith("actions/setup-node@"));
      expect(setups.length, file).toBe(1);
      expect(setups[0]!.with, file).toEqual(expect.objectContaining({ "node-version-file": "package.json" }));
      expect(setups[0]!.with?.["node-version"], file).toBeUndefined();
    }
    expect(read("netlify.toml")).not.toMatch(/NODE_VERSION/);
  });

  it("run the README's quick start and what .ci/run runs, on pull requests", () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(read("README.md"))![1]!;
    const commands = (text: string) =>
      text
        .split("\n")
        .map((line) => line.replace(/#.*/, "").trim())
        .flatMap((line) => line.split("&&").map((c) => c.trim()))
        .filter((c) => c.startsWith("npm "))
        .map((c) => c.replace(/ --no-audit --no-fund$/, ""));
    const ci = steps(workflows.find((w) => w.file.endsWith("ci.yml"))!.text).flatMap((s) =>
      s.run ? commands(s.run) : [],
    );
    const wanted = [...commands(quickStart), ...commands(read(".ci/run"))];
    expect(wanted).toEqual(
      expect.arrayContaining([
        "npm ci",
        "npm run lint",
        "npm run build",
        "npm test",
        "npm run test:heavy",
        "npm run test:e2e",
      ]),
    );
    for (const command of wanted) expect(ci, command).toContain(command);
  });

  it("check pull requests with exactly the README's commands, and keep the site", () => {
    const ci = parse(workflows.find((w) => w.file.endsWith("ci.yml"))!.text) as Workflow & {
      on: Record<string, unknown>;
    };
    expect(Object.keys(ci.on)).toContain("pull_request");
    const all = steps(workflows.find((w) => w.file.endsWith("ci.yml"))!.text) as (Step & { name?: string })[];
    // The steps with a name compare the pull request's pages with its base's (the next test).
    expect(all.filter((s) => s.run && !s.name).map((s) => s.run)).toEqual([
      "npm ci",
      "npm run lint",
      "npm run check -- --format github",
      "npm test",
      "npm run test:heavy",
      "npm run test:e2e",
      "npm run build",
    ]);
    expect(all.some((s) => s.uses?.startsWith("actions/upload-artifact@") && s.with?.path === "_site")).toBe(true);
  });

  it("build a pull request's base for the same day and list the pages it changes in the job summary, with the site's download", () => {
    const all = steps(workflows.find((w) => w.file.endsWith("ci.yml"))!.text) as Step[];
    const named = all.filter((s) => s.name);
    expect(named.map((s) => s.name)).toEqual([
      "The day both builds show as today",
      "Build the pull request's base",
      "List the pages the pull request changes",
    ]);
    const [day, base, list] = named as [Step, Step, Step];
    expect(day.run).toBe('echo "BUILD_DATE=$(date -u +%F)" >> "$GITHUB_ENV"');
    expect(all.indexOf(day)).toBe(all.findIndex((s) => s.run === "npm run build") - 1);
    for (const step of [base, list]) expect(step.if).toBe("github.event_name == 'pull_request'");
    // The merge commit's first parent is the base; its site goes beside this one.
    expect(base.run).toContain('git worktree add --detach "$RUNNER_TEMP/base" HEAD^1\n');
    expect(base.run).toContain(
      'OUTPUT_DIR="$RUNNER_TEMP/base-site" CACHE_DIR="$RUNNER_TEMP/base-cache" npm run build\n',
    );
    const upload = all.find((s) => s.uses?.startsWith("actions/upload-artifact@") && s.with?.path === "_site")!;
    expect(list.env).toEqual({
      ARTIFACT_URL: `\${{ steps.${upload.id}.outputs.artifact-url }}`,
      BASE_BUILT: `\${{ steps.${base.id}.outcome }}`,
    });
    expect(list.run).toContain(
      'npm run --silent diff -- "$RUNNER_TEMP/base-site" _site --format markdown --artifact-url "$ARTIFACT_URL" >> "$GITHUB_STEP_SUMMARY"\n',
    );
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts.diff).toBe("node --import ./src/cli/require-node.js src/cli/diff.ts");
  });

  it("publish main to GitHub Pages daily and on push, at the address configure-pages reports, keeping the image cache", () => {
    const text = workflows.find((w) => w.file.endsWith("deploy.yml"))!.text;
    expect(Object.keys((parse(text) as { on: Record<string, unknown> }).on).sort()).toEqual([
      "push",
      "schedule",
      "workflow_dispatch",
    ]);
    const all = steps(text) as {
      id?: string;
      uses?: string;
      run?: string;
      with?: Record<string, string>;
      env?: Record<string, string>;
    }[];
    const pages = all.find((s) => s.uses?.startsWith("actions/configure-pages@"))!;
    // base_url carries the repository's folder on a project page; the build takes it as the prefix.
    expect(all.find((s) => s.run === "npm run build")!.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.base_url }}`,
    });
    expect(all.some((s) => s.uses?.startsWith("actions/cache@") && s.with?.path === ".cache")).toBe(true);
    expect(all.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });

  it("name every action by a release tag: a current major (v7) or an exact release (v7.0.1)", () => {
    for (const { file, text } of workflows) {
      for (const step of steps(text))
        if (step.uses) expect(step.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+(\.\d+\.\d+)?$/);
    }
  });
});
