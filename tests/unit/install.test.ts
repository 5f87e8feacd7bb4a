// Hosts install the way `npm ci --omit=dev` does (Netlify with
// NODE_ENV=production, Cloudflare, Docker images): the build must find every
// package it imports, and the Node it needs, among the dependencies; on an
// older Node every command stops with one line.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NEEDED, nodeProblem } from "../../src/cli/require-node.js";
import { REPO_ROOT } from "../support/commands.ts";

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  engines: { node: string };
};

/** The packages a source file imports by name ("luxon", "@11ty/eleventy"), without Node's own. */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"|import\("([^"]+)"\)/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:") && !builtinModules.includes(s))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    );
}

describe("installing as hosts do", () => {
  it("lists every package the build, the server and the commands import among the dependencies", () => {
    const files = [
      path.join(REPO_ROOT, ".eleventy.ts"),
      ...readdirSync(path.join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith(`bench${path.sep}`))
        .map((f) => path.join(REPO_ROOT, "src", f)),
    ];
    const missing = files.flatMap((file) =>
      importedPackages(file)
        .filter((p) => !(p in pkg.dependencies))
        .map((p) => `${path.relative(REPO_ROOT, file)}: ${p}`),
    );
    expect(missing).toEqual([]);
    expect(files.length).toBeGreaterThan(40);
  });

  it("pins Node among the dependencies, so that `npm ci --omit=dev` installs it too", () => {
    expect(pkg.dependencies.node).toMatch(new RegExp(`^\\^${NEEDED}\\.`));
    expect(pkg.engines.node).toBe(`>=${NEEDED}`);
  });

  it("loads the Node check before every command that runs TypeScript", () => {
    const commands = Object.entries(pkg.scripts).filter(([, command]) => /\bnode\b.*\.ts\b/.test(command));
    expect(commands.map(([name]) => name).sort()).toEqual([
      "bench",
      "build",
      "check",
      "diff",
      "import",
      "new",
      "start",
    ]);
    for (const [name, command] of commands)
      expect(command, name).toMatch(
        /^node (--expose-gc )?--import \.\/src\/cli\/require-node\.js src\/cli\/[a-z-]+\.ts$/,
      );
    // The commands that write pages in runs collect the garbage after each (write-pages.ts).
    expect(commands.filter(([, command]) => command.includes("--expose-gc")).map(([name]) => name)).toEqual([
      "build",
      "start",
    ]);
  });

  it("says in one line which Node is needed and how to get it", () => {
    const line = nodeProblem("20.20.2", "/usr/bin/node")!;
    expect(line).toBe(
      "This project needs Node.js 24 or later, and this is Node.js 20.20.2 (/usr/bin/node). " +
        '`npm ci` installs Node 24 for the project (the "node" package; install scripts must be allowed), or install Node 24 yourself (e.g. `nvm install 24`).',
    );
    expect(line).not.toContain("\n");
    expect(nodeProblem("24.0.0", "/x/node")).toBeUndefined();
    expect(nodeProblem("26.1.0", "/x/node")).toBeUndefined();
  });
});
