/** Runs the web app on Node's HTTP server. */
import { serve } from "@hono/node-server";
import type { Store } from "../store/index.js";
import { type AppOptions, createApp } from "./create-app.js";
import { ChromiumPdfRenderer } from "./pdf/pdf-renderer.js";

export interface ServerOptions extends AppOptions {
  port: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  host?: string;
}

/** A running server: its base URL and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts listening (port 0 picks a free port); `close` stops the server and the PDF browser. */
export async function startServer(store: Store, options: ServerOptions): Promise<RunningServer> {
  const pdf = options.pdf ?? new ChromiumPdfRenderer();
  const app = createApp(store, { ...options, pdf });
  const host = options.host ?? "127.0.0.1";
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info) => {
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ("closeAllConnections" in server && typeof server.closeAllConnections === "function")
              server.closeAllConnections();
          });
          await pdf.close();
        },
      });
    });
    server.once("error", reject);
  });
}
