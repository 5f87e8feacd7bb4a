// site.json's `language`: a BCP 47 tag that has a catalogue (src/i18n/catalogues/),
// or a regional form of one; anything else is refused, saying what there is
// and how to add a language.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv } from "../../src/config.ts";
import { makeContentDir } from "../support/helpers.ts";

async function languageOf(language: string): Promise<string> {
  const dir = await makeContentDir({ "site.json": JSON.stringify({ language }) });
  return configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" }).site.language;
}

async function refusal(language: string): Promise<string> {
  const dir = await makeContentDir({ "site.json": JSON.stringify({ language }) });
  const file = path.relative(process.cwd(), path.join(dir, "site.json"));
  try {
    configFromEnv({ CONTENT_DIR: dir, BUILD_DATE: "2018-06-12" });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message.replace(file, "site.json");
  }
  throw new Error(`language ${language} was accepted`);
}

describe("site.json language", () => {
  it("takes each bundled language, and a regional form of one, canonical", async () => {
    for (const language of ["en", "fr", "de", "es", "ar"]) expect(await languageOf(language)).toBe(language);
    expect(await languageOf("FR-ca")).toBe("fr-CA");
    expect(await languageOf("es-419")).toBe("es-419");
    expect(await languageOf("ar-EG")).toBe("ar-EG");
  });

  it("refuses a valid tag without a catalogue, naming it, the languages there are and how to add one", async () => {
    const message = await refusal("pt-BR");
    expect(message).toBe(
      'site.json: language: has no catalogue for "pt-BR": the languages are ar, de, en, es, fr; ' +
        "to add one, copy src/i18n/catalogues/en.json to src/i18n/catalogues/<language>.json and translate it " +
        '(README: "Languages")',
    );
    expect(await refusal("ko")).toContain('"ko"');
  });

  it("refuses what is not a language tag, naming the rule, before looking for a catalogue", async () => {
    expect(await refusal("en_GB")).toBe("site.json: language: must be a BCP 47 language tag, e.g. en, fr or fr-CA");
    expect(await refusal("fr/../x")).toBe("site.json: language: must be a BCP 47 language tag, e.g. en, fr or fr-CA");
  });
});
