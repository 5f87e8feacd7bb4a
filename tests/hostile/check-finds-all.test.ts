// Issue 18 tried `npm run check` as an editor would, and each of these passed
// or hid behind another problem. The command must now name them all in one
// run: the exit status, then each line as the editor reads it.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/build-site.ts";
import { REPO_ROOT, runCli } from "../support/commands.ts";

const ENTRY = (title: string, extra = "") =>
  `---\ntitle: ${title}\ndate: 1865-04-15\nsummary: One line.\n${extra}sources:\n  - title: A book\n---\nBody.\n`;

let content: string;
let run: Awaited<ReturnType<typeof runCli>>;
const shown = (relative: string) => path.relative(REPO_ROOT, path.join(content, ...relative.split("/")));

beforeAll(async () => {
  content = await tempDir("check-finds-all");
  const write = async (relative: string, text: string) => {
    await mkdir(path.dirname(path.join(content, relative)), { recursive: true });
    await writeFile(path.join(content, relative), text);
  };
  await write("site.json", "{}");
  await write("events/battle.md", ENTRY("A battle", "kind: battle\nrelated:\n  - event: no-such-entry\n"));
  await write("events/death-of-abraham-lincoln.md", ENTRY("Death of Abraham Lincoln"));
  await write("events/lincoln-dies.md", ENTRY("Death of US President Abraham Lincoln"));
  await write("events/tabs.md", ENTRY("Tabs", "photo:\n\talt: A photo\n"));
  await write("events/unclosed.md", "---\ntitle: Unclosed\ndate: 1865-04-15\nsummary: S.\n\nThe body starts here.\n");
  await write("events/saved-as.markdown", ENTRY("Saved with the wrong extension"));
  await write("stray.md", ENTRY("Put beside events/"));
  await write("events/.gitkeep", "");
  await write("README.md", "# Our archive\n");
  run = await runCli("src/cli/check.ts", { CONTENT_DIR: content });
}, 60_000);
afterAll(() => rm(content, { recursive: true, force: true }));

describe("npm run check on what reviewers miss", () => {
  it("exits 1 and names every problem, errors and warnings, in one run", () => {
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      `${shown("events/battle.md")}:5: kind: "battle" is not allowed (use one of: event, birth, death, holiday)`,
      `${shown("events/battle.md")}:7: related[0].event: there is no entry "no-such-entry" (no file ${shown("events/no-such-entry.md")}) (check the spelling of the slug, or write the related event as date: and text:)`,
      `${shown("events/lincoln-dies.md")}: warning: title: looks like a duplicate of ${shown("events/death-of-abraham-lincoln.md")} ("Death of Abraham Lincoln", same day and year) (merge the two entries, or make the titles say how the events differ)`,
      `${shown("events/saved-as.markdown")}: warning: is not read: only files ending in .md are entries (rename it to saved-as.md if it is an entry)`,
      `${shown("events/tabs.md")}:6: YAML syntax error: Tabs are not allowed as indentation (indent with spaces, not tabs: replace each tab at the start of the line by two spaces)`,
      `${shown("events/unclosed.md")}:1: the front-matter has no closing '---' line (add a line '---' after the last field, between the fields and the body)`,
      `${shown("stray.md")}: warning: is outside the events folder, so it is never read (move it to ${shown("events/stray.md")} if it is an entry)`,
      "",
      "4 errors, 3 warnings.",
      "",
    ]);
  });
});
