import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import {
  ContentTooLargeError,
  HttpError,
  InvalidUrlError,
  NetworkError,
  RedirectLoopError,
  TimeoutError,
  TooManyRedirectsError,
} from "./errors.js";
import { fetchDocument } from "./fetch-document.js";
import type { FetchOptions } from "./fetch-options.js";
import { fixture, startServer, type TestServer } from "./test-server.js";

const imprint = fixture("ota-imprint.html");
// Loopback servers need the private network; retries are fast so failing paths stay quick.
const local: FetchOptions = { allowPrivateNetwork: true, backoffMs: 1, timeoutMs: 5_000 };

describe("fetchDocument over HTTP", () => {
  let server: TestServer;
  let flakyCalls = 0;
  let largeBodySent = 0;
  let largeBodyClosed: (finished: boolean) => void = () => undefined;
  const largeBodyFinished = new Promise<boolean>((resolve) => {
    largeBodyClosed = resolve;
  });

  before(async () => {
    server = await startServer((request, response) => {
      const path = request.url ?? "";
      if (path === "/imprint") {
        response.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "x-served-by": "test",
          etag: '"v1"',
        });
        response.end(imprint);
      } else if (path === "/gzip") {
        response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        response.end(gzipSync(imprint));
      } else if (path === "/no-type") {
        response.writeHead(200);
        response.end(imprint);
      } else if (path === "/hop1") {
        response.writeHead(301, { location: "/hop2" });
        response.end();
      } else if (path === "/hop2") {
        response.writeHead(302, { location: server.url("/imprint") });
        response.end("moved");
      } else if (path === "/loop-a") {
        response.writeHead(302, { location: "/loop-b" });
        response.end();
      } else if (path === "/loop-b") {
        response.writeHead(307, { location: "/loop-a#again" });
        response.end();
      } else if (path.startsWith("/chain/")) {
        const n = Number(path.slice("/chain/".length));
        response.writeHead(302, { location: `/chain/${n + 1}` });
        response.end();
      } else if (path === "/to-file") {
        response.writeHead(302, { location: "file:///etc/passwd" });
        response.end();
      } else if (path === "/missing") {
        response.writeHead(404, { "content-type": "text/plain" });
        response.end("not here");
      } else if (path === "/flaky") {
        flakyCalls++;
        if (flakyCalls === 1) {
          response.writeHead(503, { "retry-after": "0" });
          response.end("busy");
        } else {
          response.writeHead(200, { "content-type": "text/html" });
          response.end(imprint);
        }
      } else if (path === "/always-503") {
        response.writeHead(503);
        response.end();
      } else if (path === "/rate-limited-long") {
        response.writeHead(429, { "retry-after": "3600" });
        response.end();
      } else if (path === "/hang") {
        // Never answers: the client's deadline must end the request.
      } else if (path === "/stall-body") {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body>");
      } else if (path === "/huge") {
        // 60 MB produced lazily, chunk by chunk, as the client reads; stops when the client hangs up.
        response.writeHead(200, { "content-type": "text/plain" });
        const chunk = Buffer.alloc(64 * 1024, 97);
        const total = 60 * 1024 * 1024;
        response.on("close", () => largeBodyClosed(response.writableFinished));
        const pump = (): void => {
          while (largeBodySent < total) {
            largeBodySent += chunk.length;
            if (!response.write(chunk)) {
              response.once("drain", pump);
              return;
            }
          }
          response.end();
        };
        pump();
      } else if (path === "/declared-huge") {
        response.writeHead(200, { "content-type": "text/plain", "content-length": String(60 * 1024 * 1024) });
        response.write("a");
      } else if (path === "/gzip-bomb") {
        response.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" });
        response.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
      } else if (path === "/pdf-as-octets") {
        response.writeHead(200, { "content-type": "application/octet-stream" });
        response.end("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
      } else {
        response.writeHead(500);
        response.end();
      }
    });
  });

  after(() => server.close());

  it("returns the bytes exactly as served with lower-cased headers and provenance", async () => {
    const result = await fetchDocument(server.url("/imprint"), local);
    assert.deepEqual(Buffer.from(result.bytes), imprint);
    assert.equal(result.status, 200);
    assert.equal(result.method, "http");
    assert.equal(result.url, server.url("/imprint"));
    assert.equal(result.requestedUrl, server.url("/imprint"));
    assert.deepEqual(result.redirects, []);
    assert.equal(result.headers["x-served-by"], "test");
    assert.equal(result.headers.etag, '"v1"');
    assert.equal(result.contentType, "text/html; charset=utf-8");
    assert.equal(result.mimeType, "text/html");
    assert.equal(result.charset, "utf-8");
    assert.equal(result.contentEncoding, null);
    assert.ok(!Number.isNaN(Date.parse(result.capturedAt)));
  });

  it("removes gzip content-coding and says so", async () => {
    const result = await fetchDocument(server.url("/gzip"), local);
    assert.deepEqual(Buffer.from(result.bytes), imprint);
    assert.equal(result.contentEncoding, "gzip");
    assert.equal(result.headers["content-encoding"], "gzip");
  });

  it("sniffs the media type when there is no Content-Type, and trusts PDF magic over octet-stream", async () => {
    assert.equal((await fetchDocument(server.url("/no-type"), local)).mimeType, "text/html");
    const pdf = await fetchDocument(server.url("/pdf-as-octets"), local);
    assert.equal(pdf.mimeType, "application/pdf");
    assert.equal(pdf.charset, null);
  });

  it("follows relative and absolute redirects and records every hop", async () => {
    const result = await fetchDocument(server.url("/hop1"), local);
    assert.equal(result.url, server.url("/imprint"));
    assert.equal(result.requestedUrl, server.url("/hop1"));
    assert.deepEqual(result.redirects, [server.url("/hop1"), server.url("/hop2")]);
    assert.deepEqual(Buffer.from(result.bytes), imprint);
  });

  it("detects a redirect loop (fragments do not make a URL new)", async () => {
    await assert.rejects(fetchDocument(server.url("/loop-a"), local), (error: unknown) => {
      assert.ok(error instanceof RedirectLoopError);
      assert.equal(error.mayBeTransient, false);
      assert.deepEqual(error.redirects, [server.url("/loop-a"), server.url("/loop-b")]);
      return true;
    });
  });

  it("stops after maxRedirects", async () => {
    await assert.rejects(
      fetchDocument(server.url("/chain/0"), { ...local, maxRedirects: 3 }),
      (error: unknown) => {
        assert.ok(error instanceof TooManyRedirectsError);
        assert.equal(error.redirects.length, 4);
        return true;
      },
    );
    assert.equal(server.count("/chain/4"), 0);
  });

  it("refuses a redirect to a file: URL", async () => {
    await assert.rejects(fetchDocument(server.url("/to-file"), local), InvalidUrlError);
  });

  it("does not retry a 404", async () => {
    await assert.rejects(fetchDocument(server.url("/missing"), local), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 404);
      assert.equal(error.mayBeTransient, false);
      assert.equal(error.code, "HTTP_ERROR");
      assert.match(error.message, /404/);
      return true;
    });
    assert.equal(server.count("/missing"), 1);
  });

  it("retries a 503 and succeeds on the next attempt", async () => {
    const result = await fetchDocument(server.url("/flaky"), local);
    assert.equal(result.status, 200);
    assert.equal(server.count("/flaky"), 2);
  });

  it("gives up after the configured retries with a transient HttpError", async () => {
    await assert.rejects(
      fetchDocument(server.url("/always-503"), { ...local, retries: 2 }),
      (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 503);
        assert.equal(error.mayBeTransient, true);
        return true;
      },
    );
    assert.equal(server.count("/always-503"), 3);
  });

  it("does not wait for a Retry-After beyond the cap", async () => {
    await assert.rejects(fetchDocument(server.url("/rate-limited-long"), local), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.retryAfterMs, 3_600_000);
      assert.equal(error.mayBeTransient, true);
      return true;
    });
    assert.equal(server.count("/rate-limited-long"), 1);
  });

  it("times out a server that never answers", async () => {
    await assert.rejects(
      fetchDocument(server.url("/hang"), { ...local, timeoutMs: 150, retries: 0 }),
      (error: unknown) => {
        assert.ok(error instanceof TimeoutError);
        assert.equal(error.mayBeTransient, true);
        assert.equal(error.code, "TIMEOUT");
        return true;
      },
    );
  });

  it("times out a body that stalls after the headers", async () => {
    await assert.rejects(
      fetchDocument(server.url("/stall-body"), { ...local, timeoutMs: 150, retries: 0 }),
      TimeoutError,
    );
  });

  it("stops reading a body past maxBytes without receiving all of it", async () => {
    await assert.rejects(
      fetchDocument(server.url("/huge"), { ...local, maxBytes: 1024 * 1024 }),
      (error: unknown) => {
        assert.ok(error instanceof ContentTooLargeError);
        assert.equal(error.maxBytes, 1024 * 1024);
        assert.equal(error.mayBeTransient, false);
        return true;
      },
    );
    assert.equal(server.count("/huge"), 1);
    // The client hung up: the server's response closed before it could finish writing the 60 MB.
    assert.equal(await largeBodyFinished, false);
    assert.ok(largeBodySent < 60 * 1024 * 1024, `server wrote ${largeBodySent} bytes`);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    await assert.rejects(fetchDocument(server.url("/declared-huge"), local), ContentTooLargeError);
  });

  it("caps the decoded size of compressed bodies", async () => {
    await assert.rejects(
      fetchDocument(server.url("/gzip-bomb"), { ...local, maxBytes: 1024 * 1024 }),
      ContentTooLargeError,
    );
  });

  it("reports a refused connection as a transient NetworkError", async () => {
    // Reserve a free port, then close it so nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await assert.rejects(
      fetchDocument(`http://127.0.0.1:${port}/`, { ...local, retries: 0 }),
      (error: unknown) => {
        assert.ok(error instanceof NetworkError);
        assert.equal(error.systemCode, "ECONNREFUSED");
        assert.equal(error.mayBeTransient, true);
        assert.match(error.message, /refused/);
        return true;
      },
    );
  });
});
