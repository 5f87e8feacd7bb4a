// The web editor at /admin/ (src/cms/): its page and configuration are single
// pages (layouts/admin.njk, layouts/admin-config.njk) given their data here,
// and Decap's prebuilt bundle is copied from node_modules beside them.
import path from "node:path";
import { repositoryRoot } from "../archive/repository-links.ts";
import {
  adminContentSecurityPolicy,
  adminSettingsFromEnv,
  BROWSER_FOLDER,
  bundleFiles,
  bundleFolder,
} from "../cms/admin-page.ts";
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
  // Passthrough copy takes paths from the project's folder.
  const folder = path.relative(process.cwd(), bundleFolder());
  for (const file of bundleFiles()) {
    eleventyConfig.addPassthroughCopy({ [path.join(folder, file)]: `admin/${file}` });
  }
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), BROWSER_FOLDER)]: "admin" });
}
