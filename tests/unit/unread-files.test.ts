// Files under the content folder that no command reads are named as
// warnings: an entry saved without .md, as .markdown or .md.txt, or beside
// events/ instead of in it. Photos, site.json and what people and systems
// leave (README, .gitkeep, hidden folders) are not.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEntries } from "../../src/content/load.ts";
import type { ContentProblem } from "../../src/content/problems.ts";
import { makeContentDir, tinyJpeg, validEntry } from "../support/helpers.ts";

const ENTRY = validEntry({ extra: ["sources:", "  - title: A book"] });

async function warningsFor(
  files: Record<string, string | Buffer>,
): Promise<{ dir: string; warnings: ContentProblem[] }> {
  const dir = await makeContentDir({ "events/kept.md": ENTRY, ...files });
  const { entries, problems } = await loadEntries(dir);
  expect(entries.map((e) => e.slug)).toEqual(["kept"]);
  return { dir, warnings: problems };
}

const shown = (dir: string, relative: string) => path.relative(process.cwd(), path.join(dir, ...relative.split("/")));

describe("files that are never read", () => {
  it("names an entry without .md, as .markdown or .md.txt, with the name to give it", async () => {
    const { dir, warnings } = await warningsFor({
      "events/moon-landing": ENTRY,
      "events/1969/moon.markdown": ENTRY,
      "events/apollo.md.txt": ENTRY,
    });
    const fix = (name: string) => `rename it to ${name} if it is an entry`;
    const message = "is not read: only files ending in .md are entries";
    expect(warnings).toEqual([
      { file: shown(dir, "events/1969/moon.markdown"), message, fix: fix("moon.md"), severity: "warning" },
      { file: shown(dir, "events/apollo.md.txt"), message, fix: fix("apollo.md"), severity: "warning" },
      { file: shown(dir, "events/moon-landing"), message, fix: fix("moon-landing.md"), severity: "warning" },
    ]);
  });

  it("names an entry put in the content folder instead of events/, and where it belongs", async () => {
    const { dir, warnings } = await warningsFor({ "stray.md": ENTRY, "drafts/later.txt": ENTRY });
    expect(warnings).toEqual([
      {
        file: shown(dir, "drafts/later.txt"),
        message: "is outside the events folder, so it is never read",
        fix: `move it to ${shown(dir, "events/later.md")} if it is an entry`,
        severity: "warning",
      },
      {
        file: shown(dir, "stray.md"),
        message: "is outside the events folder, so it is never read",
        fix: `move it to ${shown(dir, "events/stray.md")} if it is an entry`,
        severity: "warning",
      },
    ]);
  });

  it("names any other file that nothing reads", async () => {
    const { dir, warnings } = await warningsFor({ "events/notes.pdf": "%PDF", "data/export.csv": "a,b\n" });
    expect(warnings.map((w) => [w.file, w.message])).toEqual([
      [shown(dir, "data/export.csv"), "is not an entry, a photo or site.json: nothing reads it"],
      [shown(dir, "events/notes.pdf"), "is not an entry, a photo or site.json: nothing reads it"],
    ]);
  });

  it("leaves photos, site.json, notes for people, hidden files and folders alone", async () => {
    const jpeg = await tinyJpeg();
    const { warnings } = await warningsFor({
      "site.json": "{}",
      "events/photos/moon.jpg": jpeg,
      "events/Moon.JPEG": jpeg,
      "uploads/scan.png": jpeg,
      "README.md": "# Our archive\n",
      "events/LICENSE.txt": "CC BY-SA\n",
      ".gitkeep": "",
      "events/.gitkeep": "",
      "events/.DS_Store": "",
      "events/.obsidian/workspace.json": "{}",
      ".git/HEAD": "ref: refs/heads/main\n",
      "events/Thumbs.db": "",
      "node_modules/x/index.js": "",
    });
    expect(warnings).toEqual([]);
  });
});
