// FNV-1a over a string's UTF-16 code units: a stable, well-spread number for
// choices a build must make the same way every time (a random pick, a tie).
export function stableHash(seed: string): number {
  let hash = 2166136261;
  for (const ch of seed) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}
