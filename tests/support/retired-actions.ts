// GitHub's own actions whose releases GitHub has retired: a workflow that
// names one fails on GitHub before it does anything. actionlint does not
// know this, so the tests check every `uses:` against this list.
//   actions/cache: the cache service moved on 2025-03-01; every release below
//     3.4.0, and 4.x below 4.2.0, fails ("This request has been automatically
//     failed because it uses a deprecated version of actions/cache"; see the
//     actions/cache README and actions/cache discussion #1510).
//   upload-artifact / download-artifact v1–v3: stopped working on 2025-01-30
//     (GitHub changelog, 2024-04-16, "Deprecation notice: v3 of the artifact
//     actions"); upload-pages-artifact below v3 calls upload-artifact v3, and
//     deploy-pages below v4 only reads what those upload.
import { isPair, isScalar, LineCounter, parseDocument, visit } from "yaml";

type Version = readonly [number, number, number];

/** Half-open ranges [from, to) of retired releases, per action. */
const RETIRED: Readonly<Record<string, readonly (readonly [Version, Version])[]>> = {
  "actions/cache": [
    [
      [0, 0, 0],
      [3, 4, 0],
    ],
    [
      [4, 0, 0],
      [4, 2, 0],
    ],
  ],
  "actions/upload-artifact": [
    [
      [0, 0, 0],
      [4, 0, 0],
    ],
  ],
  "actions/download-artifact": [
    [
      [0, 0, 0],
      [4, 0, 0],
    ],
  ],
  "actions/upload-pages-artifact": [
    [
      [0, 0, 0],
      [3, 0, 0],
    ],
  ],
  "actions/deploy-pages": [
    [
      [0, 0, 0],
      [4, 0, 0],
    ],
  ],
};

export interface RetiredUse {
  readonly line: number;
  readonly uses: string;
  readonly message: string;
}

/** Every `uses:` in a workflow's text that names a retired release, with its line. */
export function retiredActions(text: string): RetiredUse[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const found: RetiredUse[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "uses" || !isScalar(pair.value)) return;
      const uses = String(pair.value.value);
      const problem = retirement(uses);
      if (problem) found.push({ line: lines.linePos(pair.value.range?.[0] ?? 0).line, uses, message: problem });
    },
  });
  return found;
}

/** Why `owner/name@ref` fails on GitHub, if it does. A commit SHA or a branch is not judged. */
export function retirement(uses: string): string | undefined {
  const [name, ref = ""] = uses.split("@");
  const ranges = RETIRED[name!.toLowerCase()];
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(ref);
  if (!ranges || !match) return undefined;
  // A ref without a minor or patch ("v4") follows that major's newest release.
  const version: Version = [
    Number(match[1]),
    match[2] === undefined ? Infinity : Number(match[2]),
    match[3] === undefined ? Infinity : Number(match[3]),
  ];
  const retired = ranges.find(([from, to]) => compare(version, from) >= 0 && compare(version, to) < 0);
  if (!retired) return undefined;
  return `${uses} is a release GitHub has retired, and the step fails: use ${name}@v${retired[1].join(".")} or later (the current major is best)`;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
