import assert from "node:assert/strict";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { decodeText } from "./decode-text.js";

// A sentence of Brevo's privacy policy (fixtures/ota-versions/004_…): curly quotes and a section sign.
const SENTENCE =
  "This is the Privacy Notice for Sendinblue SAS (collectively referred to as “Brevo,” “us”) § 2.";
const html = (head: string) => `<html><head>${head}</head><body><p>${SENTENCE}</p></body></html>`;

describe("decodeText", () => {
  it("takes the charset from the Content-Type header", () => {
    const decoded = decodeText(iconv.encode(html(""), "windows-1252"), "text/html; charset=windows-1252");
    assert.equal(decoded.charset, "windows-1252");
    assert.ok(decoded.text.includes(SENTENCE));
  });

  it("reads ISO-8859-1 and ASCII labels as windows-1252, as browsers do", () => {
    const bytes = iconv.encode(html(""), "windows-1252");
    assert.equal(decodeText(bytes, 'text/html; charset="ISO-8859-1"').text.includes("“Brevo,”"), true);
    assert.equal(decodeText(bytes, "text/html; charset=us-ascii").charset, "windows-1252");
  });

  it("falls back to <meta charset> and to http-equiv when the header has none", () => {
    const meta = decodeText(iconv.encode(html('<meta charset="windows-1252">'), "windows-1252"), "text/html");
    assert.equal(meta.charset, "windows-1252");
    assert.ok(meta.text.includes(SENTENCE));
    const equiv = html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">');
    assert.equal(decodeText(iconv.encode(equiv, "iso-8859-15")).charset, "iso-8859-15");
  });

  it("skips a label it does not know and uses the next source", () => {
    const bytes = iconv.encode(html('<meta charset="windows-1252">'), "windows-1252");
    assert.equal(decodeText(bytes, "text/html; charset=x-unknown-thing").charset, "windows-1252");
  });

  it("lets a byte-order mark override every label", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html(""))]);
    const decoded = decodeText(utf8, "text/html; charset=windows-1252");
    assert.equal(decoded.charset, "utf-8");
    assert.ok(decoded.text.startsWith("<html>"), "the BOM is not part of the text");
    const utf16 = iconv.encode(html(""), "utf-16le", { addBOM: true });
    assert.equal(decodeText(utf16).charset, "utf-16le");
    assert.ok(decodeText(utf16).text.includes(SENTENCE));
  });

  it("detects UTF-8, and legacy bytes that are not UTF-8, without any declaration", () => {
    assert.equal(decodeText(Buffer.from(html(""))).charset, "utf-8");
    const legacy = decodeText(iconv.encode(html(SENTENCE.repeat(20)), "windows-1252"));
    assert.notEqual(legacy.charset, "utf-8");
    assert.ok(legacy.text.includes(SENTENCE));
  });

  it("never throws on undecodable bytes", () => {
    const decoded = decodeText(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x80]), "text/html; charset=utf-8");
    assert.equal(decoded.text, "<p>\ufffd\ufffd\ufffd");
  });
});
