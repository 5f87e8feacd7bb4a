// Most tests run real commands (check, build, npm start, Chromium), which take
// seconds each and more on a busy 2-core machine: vitest's 5-second default
// would fail them for being slow, not wrong. Tests that need longer say so.
//
// Four projects, so that the edit–test loop stays short:
//   unit         no build, no server (`npm run test:unit`);
//   integration  real builds and servers of small archives (with unit: `npm test`);
//   heavy        the slow cases: hostile builds, megabyte bodies, killed and
//                racing builds, output folders in mount namespaces, servers
//                under hostile input, fuzzing that builds
//                (`npm run test:heavy`; CI runs it after `npm test`);
//   e2e          Chromium, one file at a time as before (`npm run test:e2e`).
// The integration and heavy projects share two builds of tests/fixtures/archive
// per run, plain and as on a host (tests/support/fixture-site.ts).
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

/** Files whose many builds (or servers) take minutes on a 2-core machine. */
const HEAVY = [
  "tests/integration/hostile.test.ts",
  "tests/integration/reproducible.test.ts",
  // 558 pages built, link-checked and validated; e2e's any-valid-archive checks content/ the same way.
  "tests/integration/example-archive.test.ts",
  "tests/integration/serve.test.ts",
  // npm start's whole site after edits, compared with a clean build's.
  "tests/integration/serve-edits.test.ts",
  // Seven builds, each beside a clean one to compare with.
  "tests/integration/update-site.test.ts",
  // Redirects for aliases through a clean build and four updates in place.
  "tests/integration/aliases.test.ts",
  "tests/hostile/killed-build.test.ts",
  "tests/hostile/output-folder.test.ts",
  "tests/hostile/check-implies-build.test.ts",
  "tests/hostile/clear-messages.test.ts",
  "tests/hostile/serve.test.ts",
  "tests/hostile/site-settings.test.ts",
  "tests/hostile/slugs.test.ts",
];

const FIXTURE_SITE = "tests/support/fixture-site.ts";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One worker per core: vitest's default (one per core but one) ran files one
    // after another on 2 cores, and three workers on 2 cores cost more CPU
    // than they saved (npm test, paired runs: 65–83 s against 74–93 s).
    maxWorkers: availableParallelism(),
    projects: [
      // Unit tests mock nothing and set no globals, so one worker may reuse the modules another file imported.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/hostile/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...HEAVY],
          globalSetup: FIXTURE_SITE,
          // Nor do these: a worker keeps the modules one file imported for the next, instead of a new process each.
          isolate: false,
        },
      },
      { extends: true, test: { name: "heavy", include: HEAVY, globalSetup: FIXTURE_SITE } },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"] } },
    ],
  },
});
