// The programmatic API of Eleventy that the build and serve commands use,
// including what Eleventy 3.1 has but does not declare: setIgnoreInitial,
// watch() returning its rebuild function; and its HTML base plugin.
declare module "@11ty/eleventy" {
  type EleventyConfig = import("./types.ts").EleventyConfig;
  interface EleventyOptions {
    /** false: no configuration file, only `config`. */
    configPath?: string | false;
    /** Configures Eleventy before its configuration file would. */
    config?: (eleventyConfig: EleventyConfig) => void;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    source?: "cli" | "script";
    pathPrefix?: string;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    setIgnoreInitial(ignore: boolean): void;
    watch(): Promise<(file: string) => Promise<void>>;
    serve(port?: number): void;
  }
  /** Applies the path prefix to every address in the HTML pages. */
  export function HtmlBasePlugin(eleventyConfig: EleventyConfig, options: { baseHref?: string }): void;
}

// Eleventy's dev server, for what npm start changes in it (src/eleventy/dev-server.ts).
declare module "@11ty/eleventy-dev-server" {
  export default class EleventyDevServer {
    readonly server: import("node:http").Server;
    _serverListen(port: number): void;
  }
}
