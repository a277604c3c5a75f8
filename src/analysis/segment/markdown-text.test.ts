/**
 * Emphasis taken out of provisions for matching, offsets kept. Fragments quoted verbatim from the Open Terms Archive
 * "contrib" collection (attribution: Open Terms Archive contributors, ODC-By 1.0).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutEmphasis } from "./markdown-text.js";

/** Whether every character of the text without emphasis comes from where it says (a space from a marker). */
function mapsBack(source: string): boolean {
  const plain = withoutEmphasis(source);
  return [...plain.text].every((c, i) => {
    const from = source[plain.original(i)];
    return from === c || (c === " " && from !== undefined && /[*_~]/.test(from));
  });
}

describe("withoutEmphasis", () => {
  it("takes out bold markers, each character mapped to its place in the source (Bluesky's privacy policy)", () => {
    const source = "**Request Restriction of or Object to** our processing of your personal information;";
    const plain = withoutEmphasis(source);
    assert.equal(
      plain.text,
      "Request Restriction of or Object to our processing of your personal information;",
    );
    assert.ok(mapsBack(source));
    const at = plain.text.indexOf("Object to");
    assert.equal(
      source.slice(plain.original(at), plain.original(at + "Object to".length - 1) + 1),
      "Object to",
    );
    assert.equal(plain.original(plain.text.length), source.length);
  });

  it("keeps two words apart when the marker was all that separated them (Microsoft's privacy policy)", () => {
    const source =
      "**Required diagnostic data**is the minimum amount of data that we need to help keep Surface devices, " +
      "Surface accessories, and the Surface application secure, up-to-date, and performing as expected.";
    assert.ok(withoutEmphasis(source).text.startsWith("Required diagnostic data is the minimum"));
    assert.ok(mapsBack(source));
  });

  it("takes out nested emphasis (OkCupid's terms)", () => {
    const source = "**_By using our Services, you accept the Terms of this Agreement._**";
    assert.equal(
      withoutEmphasis(source).text,
      "By using our Services, you accept the Terms of this Agreement.",
    );
    assert.ok(mapsBack(source));
  });

  it("leaves escaped and in-word underscores alone (Twitter's trackers policy)", () => {
    for (const source of ["\\_\\_stripe\\_sid", "bouncer\\_reset\\_cookie"]) {
      assert.equal(withoutEmphasis(source).text, source);
    }
  });
});
