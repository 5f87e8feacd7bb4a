// `npm run check` and `npm run build` on entries whose file name, field names
// and values carry terminal escapes: what they print has no control character.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasControl } from "../../src/util/visible.ts";
import { buildSite, tempDir } from "../support/build-site.ts";
import { runCli } from "../support/commands.ts";

let work: string;
let content: string;

beforeAll(async () => {
  work = await tempDir("terminal");
  content = path.join(work, "content");
  await mkdir(path.join(content, "events"), { recursive: true });
  await writeFile(
    path.join(content, "events", "escape.md"),
    ["---", 'title: "Title \\e]0;PWNED\\a"', 'date: "\\e]0;PWNED\\a\\e[2J"', '"bell\\afield": x', "---", "Body."].join(
      "\n",
    ),
  );
  await writeFile(
    path.join(content, "events", "name-\u001b[31m-red.md"),
    "---\ntitle: A title\ndate: 2019-02-30\n---\nBody.\n",
  );
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe("what the commands print", () => {
  it.each([
    ["check", () => runCli("src/cli/check.ts", { CONTENT_DIR: content })],
    ["build", () => buildSite(content, path.join(work, "site"))],
  ])("%s names every problem with its controls made visible, and exits 1", async (_, run) => {
    const { code, stdout, stderr } = await run();
    expect(code).toBe(1);
    expect(hasControl((stdout + stderr).replaceAll("\n", ""))).toBe(false);
    expect(stderr).toContain('date: "\\x1b]0;PWNED\\x07\\x1b[2J"');
    expect(stderr).toContain("name-\\x1b[31m-red.md:3: date:");
    expect(stderr).toContain("bell\\x07field");
  });
});
