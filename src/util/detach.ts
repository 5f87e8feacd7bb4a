// Strings cut from a larger one, or joined from many pieces, keep the larger
// one or the pieces alive in V8. An archive keeps its entries' text for the
// whole build, so it keeps flat copies: half the memory per event at 100,000.
export function detach(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
