import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { closeBrowser } from "./browser-pool.js";
import { findChromium } from "./chromium-path.js";
import { HttpError, PrivateNetworkError } from "./errors.js";
import { fetchDocument } from "./fetch-document.js";
import type { FetchOptions } from "./fetch-options.js";
import { fixture, startServer, type TestServer } from "./test-server.js";

const chromiumPath = findChromium();
const skip = chromiumPath === null ? "no chromium on PATH (apt-get install chromium)" : false;

// A real policy page whose body is emptied and rebuilt by a script from a JSON endpoint.
const imprint = fixture("ota-imprint.html").toString("utf8");
const scriptedPage = imprint.replace(
  "</body>",
  `<script>
    document.querySelector("main, body").innerHTML = "<p id=loading>Loading…</p>";
    fetch("/clauses.json").then((r) => r.json()).then((data) => {
      const section = document.createElement("section");
      section.id = "rendered";
      section.textContent = data.text;
      document.body.append(section);
      document.getElementById("loading").remove();
    });
  </script></body>`,
);

describe("fetchDocument with executeClientScripts", { skip }, () => {
  let server: TestServer;
  let secretServer: TestServer;

  before(async () => {
    secretServer = await startServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain", "access-control-allow-origin": "*" });
      response.end("internal secret");
    });
    server = await startServer((request, response) => {
      const path = request.url ?? "";
      if (path === "/scripted") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "x-origin": "test" });
        response.end(scriptedPage);
      } else if (path === "/clauses.json") {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ text: "We never sell your personal data." }));
      } else if (path === "/moved") {
        response.writeHead(302, { location: "/scripted" });
        response.end();
      } else if (path === "/exfiltrate") {
        // The page tries the internal server directly and through a redirect on an allowed origin.
        response.writeHead(200, { "content-type": "text/html" });
        response.end(`<html><body><p id=status>pending</p><script>
          const secret = "http://localhost:${secretServer.port}/";
          Promise.allSettled([fetch(secret), fetch("/bounce")]).then((results) => {
            document.getElementById("status").textContent =
              results.map((r) => r.status).join(",");
          });
        </script></body></html>`);
      } else if (path === "/bounce") {
        response.writeHead(302, { location: `http://localhost:${secretServer.port}/via-redirect` });
        response.end();
      } else if (path === "/gone") {
        response.writeHead(410, { "content-type": "text/html" });
        response.end("<p>gone</p>");
      } else {
        response.writeHead(404);
        response.end();
      }
    });
  });

  after(async () => {
    await closeBrowser();
    await server.close();
    await secretServer.close();
  });

  // Only the test server's literal address is reachable; "localhost" (the secret server) is not.
  const options: FetchOptions = {
    executeClientScripts: true,
    allowPrivateNetwork: false,
    isAddressAllowed: (_classification, host) => host === "127.0.0.1",
    retries: 0,
    timeoutMs: 15_000,
  };

  it("returns the DOM as rendered by the page's scripts, with the HTTP provenance", async () => {
    const result = await fetchDocument(server.url("/moved"), { ...options, waitForSelector: "#rendered" });
    const html = Buffer.from(result.bytes).toString("utf8");
    assert.match(html, /<section id="rendered">We never sell your personal data\.<\/section>/);
    assert.doesNotMatch(html, /Loading…/);
    assert.equal(result.method, "browser");
    assert.equal(result.mimeType, "text/html");
    assert.equal(result.charset, "utf-8");
    assert.equal(result.status, 200);
    assert.equal(result.url, server.url("/scripted"));
    assert.deepEqual(result.redirects, [server.url("/moved")]);
    assert.equal(result.headers["x-origin"], "test");
    // Fetched once by our client and handed to the page, not fetched again by the browser.
    assert.equal(server.count("/scripted"), 1);
  });

  it("blocks the page's requests to disallowed addresses, redirects included (waiting for network idle)", async () => {
    const result = await fetchDocument(server.url("/exfiltrate"), options);
    const html = Buffer.from(result.bytes).toString("utf8");
    assert.match(html, /<p id="status">rejected,rejected<\/p>/);
    assert.equal(server.count("/bounce"), 1);
    assert.deepEqual(secretServer.hits, []);
  });

  it("refuses a disallowed first address before starting the browser", async () => {
    await assert.rejects(
      fetchDocument(`http://localhost:${secretServer.port}/`, options),
      PrivateNetworkError,
    );
    assert.deepEqual(secretServer.hits, []);
  });

  it("reports an error status of the main document as HttpError", async () => {
    await assert.rejects(fetchDocument(server.url("/gone"), options), (error: unknown) => {
      assert.ok(error instanceof HttpError);
      assert.equal(error.status, 410);
      return true;
    });
  });
});
