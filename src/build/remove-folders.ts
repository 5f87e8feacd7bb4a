// Deletes the old sites a build swapped out (site-swap.ts), in a process of
// its own that the build does not wait for: on a disk, deleting a large site
// file by file takes longer than the build's every other step after Eleventy.
// Each folder first takes this process's id in its name, so that while this
// runs no build touches it, and a build after a cut-short deletion finishes it.
import { rename, rm } from "node:fs/promises";
import path from "node:path";

for (const folder of process.argv.slice(2)) {
  const mine = path.join(
    path.dirname(folder),
    path.basename(folder).replace(/\.removing-\d+-(\d+-\d+)$/, `.removing-${process.pid}-$1`),
  );
  try {
    await rename(folder, mine);
  } catch {
    continue; // a build took it over when the one that started this ended
  }
  await rm(mine, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
}
