import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PrivateNetworkError } from "./errors.js";
import { fetchDocument } from "./fetch-document.js";
import { resolveFetchOptions } from "./fetch-options.js";
import { fixture, startServer, type TestServer } from "./test-server.js";

const imprint = fixture("ota-imprint.html");

describe("SSRF guard of HTTP fetches", () => {
  let server: TestServer;

  before(async () => {
    server = await startServer((request, response) => {
      const path = request.url ?? "";
      if (path === "/to-metadata") {
        response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
        response.end();
      } else if (path === "/to-localhost") {
        response.writeHead(302, { location: `http://localhost:${server.port}/secret` });
        response.end();
      } else if (path === "/to-ipv6-loopback") {
        response.writeHead(301, { location: `http://[::1]:${server.port}/secret` });
        response.end();
      } else {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(imprint);
      }
    });
  });

  after(() => server.close());

  const refused = async (location: string): Promise<PrivateNetworkError> => {
    let caught: unknown;
    try {
      await fetchDocument(location, { allowPrivateNetwork: false, retries: 0, timeoutMs: 2_000 });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof PrivateNetworkError, `${location}: ${String(caught)}`);
    assert.equal(caught.mayBeTransient, false);
    assert.equal(caught.code, "PRIVATE_NETWORK");
    return caught;
  };

  it("refuses loopback, private, link-local and metadata targets without sending a request", async () => {
    const port = server.port;
    const targets = [
      `http://127.0.0.1:${port}/secret`,
      `http://localhost:${port}/secret`,
      `http://[::1]:${port}/secret`,
      `http://[::ffff:127.0.0.1]:${port}/secret`,
      `http://2130706433:${port}/secret`,
      `http://0x7f.1:${port}/secret`,
      `http://0.0.0.0:${port}/secret`,
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://metadata.google.internal/computeMetadata/v1/",
    ];
    for (const target of targets) await refused(target);
    assert.equal(server.count("/secret"), 0);
  });

  it("names the host and the kind of address in the message", async () => {
    const error = await refused(`http://localhost:${server.port}/secret`);
    assert.equal(error.host, "localhost");
    assert.match(error.message, /localhost .*loopback/);
  });

  // The only way to reach a first hop on loopback is a custom rule; it admits 127.0.0.1 by literal only.
  const onlyLiteralLoopback = {
    allowPrivateNetwork: false,
    retries: 0,
    isAddressAllowed: (_classification: unknown, host: string) => host === "127.0.0.1",
  };

  it("checks every redirect hop: a redirect to the metadata address is refused", async () => {
    await assert.rejects(fetchDocument(server.url("/to-metadata"), onlyLiteralLoopback), (error: unknown) => {
      assert.ok(error instanceof PrivateNetworkError);
      assert.equal(error.url, "http://169.254.169.254/latest/meta-data/");
      return true;
    });
    assert.equal(server.count("/to-metadata"), 1);
  });

  it("checks the address a redirect's host name resolves to", async () => {
    await assert.rejects(
      fetchDocument(server.url("/to-localhost"), onlyLiteralLoopback),
      PrivateNetworkError,
    );
    await assert.rejects(
      fetchDocument(server.url("/to-ipv6-loopback"), onlyLiteralLoopback),
      PrivateNetworkError,
    );
    assert.equal(server.count("/secret"), 0);
  });

  it("allows the first hop the rule admits", async () => {
    const result = await fetchDocument(server.url("/page"), onlyLiteralLoopback);
    assert.equal(result.status, 200);
  });

  it("reads CLAUSEWATCH_ALLOW_PRIVATE_NETWORK only when the option is not given", () => {
    const saved = process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK;
    try {
      process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK = "1";
      assert.equal(resolveFetchOptions().allowPrivateNetwork, true);
      assert.equal(resolveFetchOptions({ allowPrivateNetwork: false }).allowPrivateNetwork, false);
      delete process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK;
      assert.equal(resolveFetchOptions().allowPrivateNetwork, false);
    } finally {
      if (saved === undefined) delete process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK;
      else process.env.CLAUSEWATCH_ALLOW_PRIVATE_NETWORK = saved;
    }
  });
});
