import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectCharset } from "./charset.js";
import {
  determineMimeType,
  mimeTypeFromContentType,
  mimeTypeFromExtension,
  sniffMimeType,
} from "./mime-type.js";
import { fixture } from "./test-server.js";

const bytes = (text: string, encoding: BufferEncoding = "utf8"): Uint8Array => Buffer.from(text, encoding);

describe("media types", () => {
  it("reads the essence of a Content-Type", () => {
    assert.equal(mimeTypeFromContentType("Text/HTML; charset=UTF-8"), "text/html");
    assert.equal(mimeTypeFromContentType("application/pdf"), "application/pdf");
    assert.equal(mimeTypeFromContentType("nonsense"), null);
    assert.equal(mimeTypeFromContentType(null), null);
  });

  it("maps extensions", () => {
    assert.equal(mimeTypeFromExtension("/x/Terms.MD"), "text/markdown");
    assert.equal(mimeTypeFromExtension("a.htm"), "text/html");
    assert.equal(mimeTypeFromExtension("a.pdf"), "application/pdf");
    assert.equal(mimeTypeFromExtension("a.docx"), null);
  });

  it("sniffs real HTML, PDF, XML, binary and text", () => {
    assert.equal(sniffMimeType(fixture("ota-imprint.html")), "text/html");
    assert.equal(sniffMimeType(bytes("\ufeff  \n<HTML><body>x")), "text/html");
    assert.equal(sniffMimeType(bytes("<p>Hello")), "text/html");
    assert.equal(sniffMimeType(bytes("<bogus>")), "text/plain");
    assert.equal(sniffMimeType(bytes("junk\n%PDF-1.7\n")), "application/pdf");
    assert.equal(sniffMimeType(bytes('<?xml version="1.0"?><rss/>')), "application/xml");
    assert.equal(
      sniffMimeType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
      "application/octet-stream",
    );
    assert.equal(sniffMimeType(fixture("ota-imprint.md")), "text/plain");
  });

  it("prefers an informative header, then the extension, then sniffing", () => {
    const html = fixture("ota-imprint.html");
    assert.equal(determineMimeType({ bytes: html, contentType: "text/plain" }), "text/plain");
    assert.equal(determineMimeType({ bytes: html, contentType: "application/octet-stream" }), "text/html");
    assert.equal(determineMimeType({ bytes: fixture("ota-imprint.md"), path: "x.md" }), "text/markdown");
    assert.equal(
      determineMimeType({ bytes: bytes("%PDF-1.4"), contentType: "text/html" }),
      "application/pdf",
    );
    assert.equal(determineMimeType({ bytes: bytes("<html>"), path: "fake.pdf" }), "text/html");
  });
});

describe("charsets", () => {
  it("reads the Content-Type parameter, with the labels browsers use", () => {
    const ascii = bytes("<p>plain</p>");
    // Browsers decode pages labelled ISO-8859-1 as windows-1252 (WHATWG Encoding).
    assert.equal(detectCharset(ascii, 'text/html; charset="ISO-8859-1"', "text/html"), "windows-1252");
    assert.equal(detectCharset(ascii, "text/html;charset=utf8", "text/html"), "utf-8");
    assert.equal(detectCharset(ascii, 'text/html; charset="koi8-r"', "text/html"), "koi8-r");
  });

  it("ranks BOM over header over meta tag", () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes("<html>")]);
    assert.equal(detectCharset(withBom, "text/html; charset=iso-8859-15", "text/html"), "utf-8");
    const meta = bytes('<html><head><meta charset="windows-1252"></head>');
    assert.equal(detectCharset(meta, "text/html; charset=utf-8", "text/html"), "utf-8");
    assert.equal(detectCharset(meta, null, "text/html"), "windows-1252");
    const httpEquiv = bytes('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">');
    assert.equal(detectCharset(httpEquiv, null, "text/html"), "shift_jis");
    assert.equal(
      detectCharset(bytes('<?xml version="1.0" encoding="ISO-8859-15"?><a/>'), null, "application/xml"),
      "iso-8859-15",
    );
  });

  it("falls back to UTF-8 validity, then statistics; none for binary types", () => {
    assert.equal(detectCharset(bytes("Plain ASCII"), null, "text/plain"), "utf-8");
    assert.equal(detectCharset(bytes("Übersicht – Datenschutz"), null, "text/markdown"), "utf-8");
    const latin = bytes(
      "Données personnelles traitées par la société, à conserver. Déclaration de confidentialité.",
      "latin1",
    );
    assert.match(detectCharset(latin, null, "text/plain") ?? "", /iso-8859-1|windows-1252/);
    assert.equal(detectCharset(bytes("%PDF-1.4"), null, "application/pdf"), null);
  });
});
