// Loaded first by every npm script (node --import): on a Node too old to run
// TypeScript, say so in one line and stop, instead of a stack trace about the
// ".ts" extension. Plain JavaScript, so that old Node can read it.
import module from "node:module";

export const NEEDED = 24;

/**
 * The one line to print on Node `version`, or undefined where it can run the project.
 * @param {string} version
 * @param {string} executable
 * @returns {string | undefined}
 */
export function nodeProblem(version, executable) {
  if (Number(version.split(".")[0]) >= NEEDED) return undefined;
  return (
    `This project needs Node.js ${NEEDED} or later, and this is Node.js ${version} (${executable}). ` +
    `\`npm ci\` installs Node ${NEEDED} for the project (the "node" package; install scripts must be allowed), ` +
    `or install Node ${NEEDED} yourself (e.g. \`nvm install ${NEEDED}\`).`
  );
}

const problem = nodeProblem(process.versions.node, process.execPath);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

// Node keeps the code it compiled, TypeScript stripped included, in a cache
// (os.tmpdir()/node-compile-cache, keyed by each file's contents): every
// command after the first starts about 0.3 s sooner. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();
