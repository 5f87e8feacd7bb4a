// A path as every command shows it: relative to the working folder.
import path from "node:path";

export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
