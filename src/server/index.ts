/** The web server: server-rendered pages, the HTTP API under /api/v1, reports and citations. */
export { type AppOptions, createApp } from "./create-app.js";
export { ChromiumPdfRenderer, type PdfRenderer, PdfUnavailableError } from "./pdf/pdf-renderer.js";
export { type RunningServer, type ServerOptions, startServer } from "./start-server.js";
export { forkWebWorkers, type WebWorkers } from "./web-workers.js";
