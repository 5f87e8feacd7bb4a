// The `edtf` package ships no types: only its parser is used (src/content/dates.ts describes what it returns).
declare module "edtf" {
  export function parse(input: string, constraints?: { level?: number; types?: string[] }): unknown;
}
