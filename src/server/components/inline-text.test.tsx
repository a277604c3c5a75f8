import assert from "node:assert/strict";
import { it } from "node:test";
import { InlineText, plainInline } from "./inline-text.js";

const html = async (text: string, highlight?: { start: number; end: number }) =>
  String(await (<InlineText text={text} highlight={highlight ?? null} />));

it("escapes markup written into archived text", async () => {
  const out = await html(`a <script>alert("x")</script> <img src=x onerror='y'> & b`);
  assert.equal(
    out,
    "a &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=&#39;y&#39;&gt; &amp; b",
  );
});

it("links only web URLs, marked as untrusted; other schemes keep their text only", async () => {
  assert.equal(
    await html("see [the policy](https://example.com/p?a=1&b=(2)) and [x](javascript:alert(1))"),
    'see <a href="https://example.com/p?a=1&amp;b=(2)" class="ext" rel="nofollow noopener noreferrer ugc">the policy</a> and x',
  );
});

it("renders strong emphasis but leaves underscores inside words and identifiers alone", async () => {
  assert.equal(await html("**Data** we __collect__"), "<strong>Data</strong> we <strong>collect</strong>");
  assert.equal(await html("window.__name = 1; snake__case__x"), "window.__name = 1; snake__case__x");
  assert.equal(await html("a ** b ** c"), "a ** b ** c");
});

it("marks the highlighted span and ignores spans outside the text", async () => {
  assert.equal(await html("we sell data", { start: 3, end: 7 }), "we <mark>sell</mark> data");
  assert.equal(await html("short", { start: 2, end: 99 }), "short");
});

it("reduces headings, list markers, images and links to plain text", () => {
  assert.equal(plainInline("## 3. **Sharing** [data](https://x.y) ![logo](a.png)"), "3. Sharing data");
  assert.equal(plainInline("* item"), "item");
});
