// npm start's watcher of the content folders: one fs.watch per folder, not
// Eleventy's chokidar, which reads the whole 100,000-file events folder again
// at every change (a second and more before it reports the edit), nor Node's
// recursive mode, which on Linux walks and watches every file. Links are not
// followed, as the loader does not follow them (entry-files.ts).
import { type FSWatcher, watch } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

/** How long a file must stay quiet before it is reported: editors write a file in one go or two. */
const SETTLE_MS = 50;

export interface ContentWatcher {
  /** Resolves once every folder that existed at the start is watched. */
  readonly ready: Promise<void>;
  close(): void;
}

/** Calls `changed` with the absolute path of every file added, changed or removed under `folders`, once it settles. */
export function watchContent(folders: readonly string[], changed: (file: string) => void): ContentWatcher {
  const watchers = new Map<string, FSWatcher>();
  const settling = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const report = (file: string) => {
    clearTimeout(settling.get(file));
    settling.set(
      file,
      setTimeout(() => {
        settling.delete(file);
        if (!closed) changed(file);
      }, SETTLE_MS),
    );
  };

  const watchFolder = (folder: string) => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true });
    } catch {
      return; // gone already, or not a folder
    }
    watchers.set(folder, watcher);
    watcher.on("change", (_kind, name) => {
      if (name === null) return;
      const file = path.join(folder, name.toString());
      // A folder made (or moved in) is watched with what it holds; its files count as added.
      void subfolders(file).then((found) => {
        if (found) for (const sub of found.folders) watchFolder(sub);
        if (found) for (const inside of found.files) report(inside);
        else report(file);
      });
    });
    // The folder removed: its watcher ends; its files were reported one by one.
    watcher.on("error", () => unwatch(folder));
  };

  const unwatch = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  const ready = Promise.all(
    folders.map(async (folder) => {
      const found = await subfolders(folder);
      if (!found) return;
      for (const sub of found.folders) watchFolder(sub);
    }),
  ).then(() => undefined);

  return {
    ready,
    close() {
      closed = true;
      for (const folder of [...watchers.keys()]) unwatch(folder);
      for (const timer of settling.values()) clearTimeout(timer);
    },
  };
}

/** The folder and every folder under it (links not followed), and the files in them; undefined if it is not a folder. */
async function subfolders(folder: string): Promise<{ folders: string[]; files: string[] } | undefined> {
  try {
    if (!(await lstat(folder)).isDirectory()) return undefined; // a file, or a link, not followed
    const found = await readdir(folder, { recursive: true, withFileTypes: true });
    const full = (d: (typeof found)[number]) => path.join(d.parentPath, d.name);
    return {
      folders: [folder, ...found.filter((d) => d.isDirectory()).map(full)],
      files: found.filter((d) => !d.isDirectory()).map(full),
    };
  } catch {
    return undefined;
  }
}
