import { describe, expect, it } from "vitest";
import { dateSentence, eventDateWords } from "../../src/content/date-words.ts";
import { parseEventDate } from "../../src/content/dates.ts";

const words = (edtf: string) => {
  const parsed = parseEventDate(edtf);
  if (!parsed.ok) throw new Error(parsed.problem);
  return eventDateWords(parsed.date);
};

describe("a date leading a sentence", () => {
  it("takes a full stop, unless its own '?' ends it", () => {
    expect(dateSentence(words("1969-07-20"))).toBe("20 July 1969.");
    expect(dateSentence(words("1757?"))).toBe("1757?");
    expect(dateSentence(words("1757-06-12?"))).toBe("12 June 1757?");
    expect(dateSentence(words("1500-05-01~"))).toBe("c. 1 May 1500.");
    expect(dateSentence(words("1863-07-01/1863-07-03"))).toBe("1–3 July 1863.");
  });
});
