// Most tests run real commands (check, build, npm start, Chromium), which take
// seconds each and more on a busy 2-core machine: vitest's 5-second default
// would fail them for being slow, not wrong. Tests that need longer say so.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
