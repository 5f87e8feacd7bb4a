// The part of Eleventy's configuration API this project uses. Eleventy ships
// its types as JSDoc in JavaScript, which strict TypeScript cannot read.
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void, options: O): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** Runs on every page Eleventy writes, with its path in the output folder (false when it writes none). */
  addTransform(name: string, transform: (content: string, outputPath: unknown) => string): void;
  on(
    event: "eleventy.before" | "eleventy.after",
    handler: (event: { directories: { output: string } }) => unknown,
  ): void;
  on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => unknown): void;
  setInputDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  setServerOptions(options: Record<string, unknown>): void;
  setWatchThrottleWaitTime(ms: number): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  readonly directories: { readonly input: string; readonly output: string };
  readonly ignores: { add(glob: string): void };
  /** Undeclared: Eleventy's timings of filters and plugins, which quiet mode does not silence (3.1). */
  readonly benchmarks: { readonly config: { setIsVerbose(verbose: boolean): void } };
  amendLibrary(engine: "njk", amend: (environment: NunjucksEnvironment) => void): void;
  /** A virtual template; for a ".11ty.js" path, `content` is the module: its data and render function. */
  addTemplate(
    path: string,
    content: string | { data: object; render: (data: object) => Promise<string> },
    data?: object,
  ): void;
}

/** The part of a Nunjucks Environment this project uses. */
export interface NunjucksEnvironment {
  render(name: string, context: object, callback: (error: Error | null, html: string | null) => void): void;
}
