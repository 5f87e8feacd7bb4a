// The part of Eleventy's configuration API this project uses. Eleventy ships
// its types as JSDoc in JavaScript, which strict TypeScript cannot read.
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  on(event: "eleventy.before" | "eleventy.after", handler: (event: { directories: { output: string } }) => unknown): void;
  on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setWatchThrottleWaitTime(ms: number): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  readonly directories: { readonly input: string; readonly output: string };
  readonly ignores: { add(glob: string): void };
}
