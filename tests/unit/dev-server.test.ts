import { describe, expect, it } from "vitest";
import { isServablePath } from "../../src/eleventy/dev-server.ts";

describe("the paths npm start's server answers", () => {
  it.each(["/", "/events/caesar/", "/api/v1/days/02-29.json?x=1", "/topics/caf%C3%A9/", "/a%20b/"])(
    "serves %s",
    (url) => {
      expect(isServablePath(url)).toBe(true);
    },
  );

  it.each(["/%", "/%ff%fe/", "/%2e%2e%2fx", "/..%2f..%2fetc/passwd", "/a/../../b", "/%00", "/a%5c..%5cb", "x"])(
    "refuses %s",
    (url) => {
      expect(isServablePath(url)).toBe(false);
    },
  );
});
