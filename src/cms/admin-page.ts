// What the web editor's page at /admin/ needs beyond its configuration: the
// Decap bundle, copied from node_modules into the site (no CDN), and the
// Content-Security-Policy of /admin/ alone. Decap is a React application:
// emotion injects its styles inline, ajv compiles the configuration's schema
// with `new Function`, and the GitHub backend talks to api.github.com. No
// reader's page loads any of it, and every other page keeps the strict policy
// of src/site.ts.
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, rename, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { backendFor, DEFAULT_CMS_PORT, type Repository } from "./decap-config.ts";

/** The page's folder in the site. */
export const ADMIN_FOLDER = "admin";

/** Decap's standalone bundle (React inside): decap-cms-app's own needs React as a global, which React 19 no longer ships. */
export const BUNDLE = "decap-cms.js";

/** Our own scripts for /admin/, loaded after the bundle: the widgets Decap lacks. */
export const BROWSER_FOLDER = path.join(import.meta.dirname, "browser");

/** The folder of the prebuilt bundle in node_modules. */
export function bundleFolder(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");
}

/**
 * The files /admin/ serves from the bundle's folder: the bundle, the chunks it
 * loads on demand (beside itself), its WebAssembly and its license notice. Not
 * the source maps, nor the second copy of everything named cms.js.
 */
export function bundleFiles(folder = bundleFolder()): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter(
    (name) =>
      name === BUNDLE ||
      /^\d+\.decap-cms\.js$/.test(name) ||
      name.endsWith(".wasm") ||
      name === `${BUNDLE}.LICENSE.txt`,
  );
}

/** Each file the build copies into /admin/, from where: the bundle's and ours; its page and configuration are Eleventy's. */
function adminSources(): [source: string, name: string][] {
  const folder = bundleFolder();
  return [
    ...bundleFiles(folder).map((name): [string, string] => [path.join(folder, name), name]),
    ...readdirSync(BROWSER_FOLDER).map((name): [string, string] => [path.join(BROWSER_FOLDER, name), name]),
  ];
}

/** Whether the editor's page is in the site (written by this run or an earlier one). */
export function hasAdminPage(outputDir: string): boolean {
  return existsSync(path.join(outputDir, ADMIN_FOLDER, "index.html"));
}

/** The files the build copies into /admin/, as site paths. */
export function copiedAdminFiles(): string[] {
  return adminSources().map(([, name]) => `${ADMIN_FOLDER}/${name}`);
}

/**
 * Copies them into the site, each file only when it is missing or older than
 * its source, and each into place by a rename: npm start rebuilds every few
 * seconds, and Eleventy's passthrough copy wrote all of them again each time,
 * so that /admin/ (reloaded by the rebuild) found its bundle missing.
 */
export async function copyAdminFiles(outputDir: string): Promise<void> {
  const folder = path.join(outputDir, ADMIN_FOLDER);
  // Beside the editor's page only: a shard of a split build that writes no single page gets none.
  if (!hasAdminPage(outputDir)) return;
  await mkdir(folder, { recursive: true });
  await Promise.all(
    adminSources().map(async ([source, name]) => {
      const target = path.join(folder, name);
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
      if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return;
      const temporary = `${target}.${process.pid}.partial`;
      await copyFile(source, temporary);
      await rename(temporary, target);
    }),
  );
}

export interface AdminSettings {
  /** decap-server's port under npm start (CMS_PORT, default 8081). */
  readonly localPort: number;
  /** An OAuth proxy for the backend off Netlify (DECAP_AUTH_URL). */
  readonly authUrl: string | undefined;
}

export function adminSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AdminSettings {
  const port = Number(env.CMS_PORT);
  return {
    localPort: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_CMS_PORT,
    authUrl: env.DECAP_AUTH_URL?.trim() || undefined,
  };
}

/**
 * /admin/'s policy. `local` adds decap-server on localhost, for the page's
 * meta tag (npm start's server sends no headers); hosts send the header
 * without it.
 */
export function adminContentSecurityPolicy(
  repository: Repository | undefined,
  { localPort, local }: { localPort: number; local: boolean },
): string {
  const backend = backendFor(repository);
  const api = !backend
    ? []
    : [
        new URL(
          String(backend.api_root ?? (backend.name === "github" ? "https://api.github.com" : "https://gitlab.com")),
        ).origin,
      ];
  // Decap reads its own blob: URLs (media previews, the entry being saved) with fetch.
  const connect = ["'self'", "blob:", ...api, ...(local ? [`http://localhost:${localPort}`] : [])];
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    // Avatars, and the previews of photos not yet merged (read through the API as blobs).
    "img-src 'self' data: blob: https://avatars.githubusercontent.com",
    `connect-src ${connect.join(" ")}`,
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}
