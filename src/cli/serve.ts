// npm start: a small supervisor around the server (serve-site.ts).
// - A change to TypeScript under src/ restarts the server, since Node's module
//   cache would otherwise keep the old code. (.eleventy.ts is not watched: npm
//   start gives Eleventy its configuration directly and never loads it.)
// - A change to site.json restarts it with the new settings; an invalid one is
//   reported, and the last good site keeps being served.
// - Stopping npm start (Ctrl-C, SIGTERM or SIGHUP, or npm dying without
//   passing the signal on) stops the server and every watcher with it.
// - Beside the server runs decap-server, the web editor's local backend: /admin/
//   on localhost edits the files on disk through it, and the server rebuilds.
import { type ChildProcess, fork } from "node:child_process";
import { type FSWatcher, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { repositoryRoot } from "../archive/repository-links.ts";
import { adminSettingsFromEnv } from "../cms/admin-page.ts";
import { configFromEnv } from "../config.ts";
import { readSite, SiteConfigError } from "../site.ts";
import { displayPath } from "../util/display-path.ts";
import { isRunning, processInfo } from "../util/processes.ts";
import { visible } from "../util/visible.ts";
import { runCli } from "./run-cli.ts";

const SERVER = path.join(import.meta.dirname, "serve-site.ts");
const EDITOR_BACKEND = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
const SETTLE_MS = 100;
const STOP_GRACE_MS = 5_000;

await runCli(async () => {
  const { contentDir } = configFromEnv();
  const siteFile = path.join(contentDir, "site.json");
  let server: ChildProcess | undefined;
  let lastGoodSite = await readFile(siteFile, "utf8").catch(() => "");
  let stopping = false;

  const start = () => {
    const child = fork(SERVER, process.argv.slice(2), { stdio: "inherit" });
    child.on("exit", (code, signal) => {
      if (server === child) server = undefined;
      if (!stopping && child.exitCode !== null && code !== 0) {
        console.error(
          `The server stopped (exit ${code ?? signal}). Save a change under src/ or to ${displayPath(siteFile)} to start it again.`,
        );
      }
    });
    server = child;
  };

  const restart = async (why: string) => {
    console.log(`${why}: restarting the server.`);
    await stopServer(server);
    if (!stopping) start();
  };

  const onCodeChange = settled(async (file: string) => restart(`${displayPath(file)} changed`));
  const onSiteChange = settled(async () => {
    const text = await readFile(siteFile, "utf8").catch(() => "");
    if (text === lastGoodSite) return;
    try {
      readSite(contentDir, process.env);
    } catch (error) {
      if (!(error instanceof SiteConfigError)) throw error;
      console.error(`${error.message}\nStill serving the site as it was: fix ${displayPath(siteFile)} and save.`);
      return;
    }
    lastGoodSite = text;
    await restart(`${displayPath(siteFile)} changed`);
  });

  const watchers: FSWatcher[] = [
    watch(path.join(import.meta.dirname, ".."), { recursive: true }, (_, name) => {
      if (name && /\.[cm]?[jt]s$/.test(name)) onCodeChange(path.join(import.meta.dirname, "..", name));
    }),
    // The folder, not the file: editors save by writing a new file and renaming it over the old one.
    watch(contentDir, (_, name) => {
      if (name === "site.json") onSiteChange(siteFile);
    }),
  ];

  const { promise: stopped, resolve: stop } = Promise.withResolvers<void>();
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => stop());
  // npm passes SIGINT and SIGTERM on to its shell, but not SIGHUP: when npm dies, so does npm start.
  const ancestors = [process.ppid, processInfo(process.ppid)?.parent].filter(
    (pid): pid is number => pid !== undefined && pid > 1,
  );
  const orphaned = setInterval(() => ancestors.some((pid) => !isRunning(pid)) && stop(), 500);

  start();
  // CMS_PORT=off: no local backend (a second npm start beside a first, or tests).
  const editorBackend = process.env.CMS_PORT?.trim() === "off" ? undefined : startEditorBackend(contentDir);
  await stopped;
  stopping = true;
  clearInterval(orphaned);
  for (const watcher of watchers) watcher.close();
  await Promise.all([stopServer(server), stopServer(editorBackend)]);
  return 0;
});

/**
 * decap-server on loopback only (it writes files for whoever reaches it), in
 * its plain-files mode, serving the folder the editor's paths start from.
 * Should it fail (its port taken), the site is served all the same.
 */
function startEditorBackend(contentDir: string): ChildProcess {
  const { localPort } = adminSettingsFromEnv();
  const child = fork(EDITOR_BACKEND, [], {
    env: {
      ...process.env,
      PORT: String(localPort),
      BIND_HOST: "127.0.0.1",
      MODE: "fs",
      GIT_REPO_DIRECTORY: repositoryRoot(contentDir),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  // Its errors are Node's stack traces: kept back, and said in one line if it stops.
  let said = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    said = (said + chunk.toString("utf8")).slice(-4000);
  });
  child.on("exit", (code) => {
    if (!code) return;
    const why = said.includes("EADDRINUSE")
      ? `port ${localPort} is taken: set CMS_PORT to another, or to off`
      : visible(said.match(/^\w*Error\b.*$/m)?.[0] ?? `exit ${code}`);
    console.error(
      `The web editor's local backend (decap-server) stopped: ${why}. /admin/ cannot save; the site is served all the same.`,
    );
  });
  return child;
}

/** Stops the server and waits until it has gone: SIGTERM, then SIGKILL if it does not go. */
async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** `act` once the changes have settled for a moment: an editor's save is several events. */
function settled(act: (file: string) => Promise<void>): (file: string) => void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  return (file) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => act(file)).catch((error: unknown) => console.error(error));
    }, SETTLE_MS);
  };
}
