// Loading and building the archive must give the same days in every time
// zone: dates are plain integers, never a JavaScript Date. Each run is a fresh
// Node process, because TZ is read when the process starts.
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { makeContentDir, validEntry } from "../support/helpers.ts";

const run = promisify(execFile);
const loadArchiveUrl = pathToFileURL(path.resolve(import.meta.dirname, "../../src/archive/load-archive.ts")).href;

const SCRIPT = `
import { loadArchive } from ${JSON.stringify(loadArchiveUrl)};
const { archive, problems } = await loadArchive(process.env.FIXTURE_DIR, { buildDate: { year: 2024, month: 3, day: 15 } });
if (!archive) throw new Error(JSON.stringify(problems));
console.log(JSON.stringify({
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  events: archive.events.map((e) => ({ slug: e.slug, dateIso: e.dateIso, day: e.day.key })),
  today: archive.today.key,
}));
`;

async function loadIn(timeZone: string, dir: string): Promise<{ timeZone: string; events: unknown; today: string }> {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", SCRIPT], {
    env: { ...process.env, TZ: timeZone, FIXTURE_DIR: dir },
  });
  return JSON.parse(stdout) as { timeZone: string; events: unknown; today: string };
}

describe("time zones", () => {
  it("loads the same dates and days in UTC+14 (Pacific/Kiritimati) and UTC-10 (America/Adak)", async () => {
    const dir = await makeContentDir({
      "events/singapore-summit.md": validEntry({ date: "2018-06-12" }),
      "events/ides-of-march.md": validEntry({ date: "-0043-03-15" }),
      "events/vesuvius.md": validEntry({ date: "0079-08-24" }),
      "events/leap-day.md": validEntry({ date: "2020-02-29" }),
    });
    const [east, west] = await Promise.all([loadIn("Pacific/Kiritimati", dir), loadIn("America/Adak", dir)]);

    // The child processes really ran in those zones.
    expect(east.timeZone).toBe("Pacific/Kiritimati");
    expect(west.timeZone).toBe("America/Adak");

    const expected = [
      { slug: "ides-of-march", dateIso: "-0043-03-15", day: "03-15" },
      { slug: "vesuvius", dateIso: "0079-08-24", day: "08-24" },
      { slug: "singapore-summit", dateIso: "2018-06-12", day: "06-12" },
      { slug: "leap-day", dateIso: "2020-02-29", day: "02-29" },
    ];
    expect(east.events).toEqual(expected);
    expect(west.events).toEqual(east.events);
    expect(east.today).toBe("03-15");
    expect(west.today).toBe("03-15");
  }, 20_000);
});
