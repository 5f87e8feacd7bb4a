// A line diff for the short texts of pages: the edit script from the longest
// common subsequence, after the common start and end are set aside, and the
// excerpt of it a reviewer reads (the changed lines, a line of context each side).

export interface DiffLine {
  /** "=" kept, "-" only before, "+" only after. */
  readonly op: "=" | "-" | "+";
  readonly text: string;
}

/** Kept lines left out of an excerpt between two changes. */
export interface DiffGap {
  readonly op: "gap";
  readonly lines: number;
}

/** Past this many cells of the table (about 16 MB) the middle is shown as removed, then added. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const kept = (lines: readonly string[]) => lines.map((text): DiffLine => ({ op: "=", text }));
  return [
    ...kept(before.slice(0, start)),
    ...middle(before.slice(start, endBefore), after.slice(start, endAfter)),
    ...kept(before.slice(endBefore)),
  ];
}

function middle(a: readonly string[], b: readonly string[]): DiffLine[] {
  const removed = (text: string): DiffLine => ({ op: "-", text });
  const added = (text: string): DiffLine => ({ op: "+", text });
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) return [...a.map(removed), ...b.map(added)];
  // common[i * width + j]: the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const common = new Int32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j]
          ? common[(i + 1) * width + j + 1]! + 1
          : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const script: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      script.push({ op: "=", text: a[i++]! });
      j++;
    } else if (common[(i + 1) * width + j]! >= common[i * width + j + 1]!) script.push(removed(a[i++]!));
    else script.push(added(b[j++]!));
  }
  return [...script, ...a.slice(i).map(removed), ...b.slice(j).map(added)];
}

/** The changed lines with `context` kept lines around each, and a gap where kept lines are left out. */
export function diffExcerpt(script: readonly DiffLine[], context = 1): (DiffLine | DiffGap)[] {
  const near = new Array<boolean>(script.length).fill(false);
  script.forEach((line, i) => {
    if (line.op === "=") return;
    for (let k = Math.max(0, i - context); k <= Math.min(script.length - 1, i + context); k++) near[k] = true;
  });
  const excerpt: (DiffLine | DiffGap)[] = [];
  let gap = 0;
  script.forEach((line, i) => {
    if (!near[i]) return void gap++;
    if (gap && excerpt.length) excerpt.push({ op: "gap", lines: gap });
    gap = 0;
    excerpt.push(line);
  });
  return excerpt;
}
