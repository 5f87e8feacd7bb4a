// Eleventy's dev server as npm start runs it: on the loopback interface
// unless HOST says otherwise, and answering a malformed or traversing path
// with 400 instead of dying. Eleventy's dev server (2.1) listens on every
// interface with no option to change it, and throws on "/%" or "/%2e%2e%2f"
// outside any handler, after which the process serves nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import EleventyDevServer from "@11ty/eleventy-dev-server";

export const DEFAULT_HOST = "127.0.0.1";

/** Binds every dev server this process starts to `host`. */
export function listenOn(host: string): void {
  EleventyDevServer.prototype._serverListen = function (this: EleventyDevServer, port: number) {
    this.server.listen({ port, host });
  };
}

/** Server middleware: a path that does not decode, or that climbs out with "..", gets 400 and goes no further. */
export function refuseMalformedPaths(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (isServablePath(req.url ?? "/")) return next();
  res.statusCode = 400;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end("Bad request: the path is malformed.\n");
}

export function isServablePath(url: string): boolean {
  const pathname = url.split(/[?#]/)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return decoded.startsWith("/") && !/[\u0000\\]/.test(decoded) && !decoded.split("/").includes("..");
}
