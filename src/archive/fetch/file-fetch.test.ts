import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ContentTooLargeError, FileReadError, InvalidUrlError, LocalFileRefusedError } from "./errors.js";
import { fetchDocument } from "./fetch-document.js";
import { fixture } from "./test-server.js";

const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

// No real PDF is in the corpus: a minimal valid one-page PDF, enough for media-type detection.
const MINIMAL_PDF = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
  "trailer << /Root 1 0 R >>",
  "%%EOF",
].join("\n");

/** Local files are read only when the operator says so. */
const LOCAL = { allowLocalFiles: true } as const;

describe("fetchDocument on local files", () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "clausewatch-fetch-"));
    await writeFile(join(directory, "terms.pdf"), MINIMAL_PDF, "latin1");
    await writeFile(join(directory, "download.bin"), MINIMAL_PDF, "latin1");
    await writeFile(join(directory, "notes.txt"), "Plain terms.\n");
    await writeFile(join(directory, "latin1.txt"), Buffer.from("Données personnelles traitées\n", "latin1"));
  });

  after(() => rm(directory, { recursive: true, force: true }));

  it("reads an HTML page given as a relative path", async () => {
    const location = `./${relative(process.cwd(), fixturePath("ota-privacy-policy.html"))}`;
    const result = await fetchDocument(location, LOCAL);
    assert.deepEqual(Buffer.from(result.bytes), fixture("ota-privacy-policy.html"));
    assert.equal(result.method, "file");
    assert.equal(result.mimeType, "text/html");
    assert.equal(result.charset, "utf-8");
    assert.equal(result.requestedUrl, location);
    assert.equal(result.url, pathToFileURL(fixturePath("ota-privacy-policy.html")).href);
    assert.equal(result.status, 200);
    assert.deepEqual(result.headers, {});
    assert.deepEqual(result.redirects, []);
    assert.equal(result.contentType, null);
  });

  it("reads Markdown given as a file: URL", async () => {
    const url = pathToFileURL(fixturePath("ota-imprint.md")).href;
    const result = await fetchDocument(url, LOCAL);
    assert.equal(result.mimeType, "text/markdown");
    assert.match(Buffer.from(result.bytes).toString("utf8"), /^Legal notice\n=+/);
  });

  it("ignores executeClientScripts for local files", async () => {
    const result = await fetchDocument(fixturePath("ota-imprint.html"), {
      ...LOCAL,
      executeClientScripts: true,
    });
    assert.equal(result.method, "file");
  });

  it("recognises PDF by extension and by magic bytes", async () => {
    const pdf = await fetchDocument(join(directory, "terms.pdf"), LOCAL);
    assert.equal(pdf.mimeType, "application/pdf");
    assert.equal(pdf.charset, null);
    assert.equal((await fetchDocument(join(directory, "download.bin"), LOCAL)).mimeType, "application/pdf");
  });

  it("detects plain text and its encoding", async () => {
    const text = await fetchDocument(join(directory, "notes.txt"), LOCAL);
    assert.equal(text.mimeType, "text/plain");
    assert.equal(text.charset, "utf-8");
    const latin = await fetchDocument(join(directory, "latin1.txt"), LOCAL);
    assert.notEqual(latin.charset, "utf-8");
    assert.match(latin.charset ?? "", /iso-8859-1|windows-1252/);
  });

  it("refuses files over maxBytes", async () => {
    await assert.rejects(
      fetchDocument(fixturePath("ota-imprint.html"), { ...LOCAL, maxBytes: 1000 }),
      ContentTooLargeError,
    );
  });

  it("explains missing files and directories", async () => {
    await assert.rejects(fetchDocument(join(directory, "absent.html"), LOCAL), (error: unknown) => {
      assert.ok(error instanceof FileReadError);
      assert.equal(error.systemCode, "ENOENT");
      assert.equal(error.mayBeTransient, false);
      assert.match(error.message, /no such file/);
      return true;
    });
    await assert.rejects(fetchDocument(directory, LOCAL), FileReadError);
  });

  it("refuses local paths and file: URLs unless local files are allowed, without reading them", async () => {
    const path = fixturePath("ota-imprint.md");
    for (const location of [
      path,
      pathToFileURL(path).href,
      "file:///etc/passwd",
      "FILE:///etc/passwd",
      "etc/passwd",
    ]) {
      await assert.rejects(fetchDocument(location), (error: unknown) => {
        assert.ok(error instanceof LocalFileRefusedError, location);
        assert.equal(error.code, "LOCAL_FILE_REFUSED");
        assert.equal(error.mayBeTransient, false);
        assert.match(error.message, /only http: and https: URLs/);
        return true;
      });
    }
  });

  it("refuses other schemes and empty locations", async () => {
    for (const location of [
      "ftp://example.com/terms.txt",
      "javascript:alert(1)",
      "data:text/html,hi",
      "  ",
      "http://",
    ]) {
      await assert.rejects(fetchDocument(location), InvalidUrlError, location);
    }
  });
});
