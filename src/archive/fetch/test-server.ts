/**
 * Test support only: a real HTTP server on 127.0.0.1 that records every request it receives, so tests can
 * assert how many requests (if any) reached it.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A running loopback server. */
export interface TestServer {
  port: number;
  /** Absolute URL of `path` on this server. */
  url(path: string): string;
  /** Request paths in arrival order. */
  hits: string[];
  /** How many requests asked for `path`. */
  count(path: string): number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with an ephemeral port. */
export async function startServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    count: (path) => hits.filter((hit) => hit === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Bytes of a fixture page (real Open Terms Archive captures, see fixtures/README.md). */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}
