import assert from "node:assert/strict";
import { it } from "node:test";
import { InlineText, plainInline } from "./inline-text.js";
import { blockHtml, plainText } from "./markdown.js";

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
  // Runs that emphasise nothing are markup a converter broke, not words: gone, and nothing turned bold.
  assert.equal(await html("a ** b ** c"), "a  b  c");
});

it("drops emphasis runs the parser leaves as text, in blocks and plain text alike", async () => {
  // Seen in the demo: bold broken around spaces by page converters, and bold cut open where a provision was split.
  const broken = "Hugging Face (“we”), and** You**, whether; we may modify ,** suspend**, or** discontinue**";
  assert.doesNotMatch(await html(broken), /\*/);
  assert.doesNotMatch(blockHtml(broken), /\*/);
  assert.equal(plainText("**Zoom does not use any of your audio"), "Zoom does not use any of your audio");
});

it("reads a nested list item cut out of its list as a list, not as code", () => {
  const item = "    * **Account Usage:**\n        * **Product Usage:** how users interact with their account";
  const out = blockHtml(item);
  assert.match(out, /<li><strong>Account Usage:<\/strong>/);
  assert.doesNotMatch(out, /<pre|<code|\*/);
  assert.equal(plainText(item), "Account Usage: Product Usage: how users interact with their account");
});

it("marks the highlighted span and ignores spans outside the text", async () => {
  assert.equal(await html("we sell data", { start: 3, end: 7 }), "we <mark>sell</mark> data");
  assert.equal(await html("short", { start: 2, end: 99 }), "short");
});

it("reduces headings, list markers, images and links to plain text", () => {
  assert.equal(plainInline("## 3. **Sharing** [data](https://x.y) ![logo](a.png)"), "3. Sharing data");
  assert.equal(plainInline("* item"), "item");
});
