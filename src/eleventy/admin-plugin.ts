// The web editor at /admin/ (src/cms/): its page and configuration are single
// pages (layouts/admin.njk, layouts/admin-config.njk) given their data here,
// and Decap's prebuilt bundle is copied from node_modules beside them.
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { repositoryRoot } from "../archive/repository-links.ts";
import { adminContentSecurityPolicy, adminSettingsFromEnv, copyAdminFiles } from "../cms/admin-page.ts";
import { decapConfigYaml } from "../cms/decap-config.ts";
import type { BuildConfig } from "../config.ts";
import type { EleventyConfig } from "./types.ts";

export function adminPlugin(eleventyConfig: EleventyConfig, { config }: { config: BuildConfig }): void {
  const settings = adminSettingsFromEnv();
  const { repository } = config.site;
  eleventyConfig.addGlobalData("admin", {
    configYaml: decapConfigYaml({
      site: config.site,
      eventsFolder: path.relative(repositoryRoot(config.contentDir), path.join(config.contentDir, "events")),
      localPort: settings.localPort,
      authUrl: settings.authUrl,
    }),
    pageContentSecurityPolicy: adminContentSecurityPolicy(repository, { localPort: settings.localPort, local: true }),
    headerContentSecurityPolicy: adminContentSecurityPolicy(repository, {
      localPort: settings.localPort,
      local: false,
    }),
    repository,
  });
  // After each run, as its pages are written: copied only when changed, never removed meanwhile.
  eleventyConfig.on("eleventy.after", ({ directories }) => copyAdminFiles(directories.output));
}

/**
 * npm start's live reload would reload the editor after every rebuild, its own
 * saves' included, losing what is being typed and catching its files midway.
 * Eleventy's dev server adds its reload script only to navigations (requests
 * with Sec-Fetch-Mode: navigate), so /admin/'s page is asked for as if fetched.
 */
export function adminWithoutLiveReload(req: IncomingMessage, _res: ServerResponse, next: () => void): void {
  if (/\/admin\/(index\.html)?(\?|$)/.test(req.url ?? "")) req.headers["sec-fetch-mode"] = "same-origin";
  next();
}
