// A file's modification time and size as one string: a file whose stamp is
// unchanged is taken to be unchanged ("missing" when there is no file).
import { statSync } from "node:fs";

export function fileStamp(file: string): string {
  try {
    const { mtimeMs, size } = statSync(file);
    return `${mtimeMs} ${size}`;
  } catch {
    return "missing";
  }
}
