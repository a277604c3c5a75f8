import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { normalizeText } from "./normalize-text.js";
import { parseHtml } from "./parse-html.js";

function md(html: string, base = "https://example.org/legal/privacy"): string {
  return normalizeText(htmlToMarkdown(parseHtml(html).children, { baseUrl: new URL(base) }));
}

describe("htmlToMarkdown", () => {
  it("writes levels 1–2 as setext headings and deeper ones as ATX, like OTA's Turndown", () => {
    assert.equal(
      md("<h1>Privacy Policy</h1><h2>1. Data we collect</h2><h3>Cookies</h3><p>Text.</p>"),
      "Privacy Policy\n==============\n\n1\\. Data we collect\n-------------------\n\n### Cookies\n\nText.",
    );
  });

  it("indents nested lists by four spaces and numbers ordered lists from their start", () => {
    assert.equal(
      md("<ul><li>Account data<ul><li>name</li><li>e-mail</li></ul></li><li>Usage data</li></ul>"),
      "*   Account data\n    *   name\n    *   e-mail\n*   Usage data",
    );
    assert.equal(md('<ol start="3"><li>Retention</li><li>Deletion</li></ol>'), "3.  Retention\n4.  Deletion");
  });

  it("separates list items with a blank line when they hold paragraphs", () => {
    assert.equal(md("<ul><li><p>First.</p></li><li><p>Second.</p></li></ul>"), "*   First.\n\n*   Second.");
  });

  it("moves the spaces inside emphasis outside its markers", () => {
    assert.equal(
      md("<p>We<strong> do not </strong>sell your <em>personal</em> data.</p>"),
      "We **do not** sell your _personal_ data.",
    );
  });

  it("collapses whitespace, no-break and zero-width spaces", () => {
    assert.equal(md("<p>  Last\n\t updated:\u00a0June\u200b 15,   2023 </p>"), "Last updated: June 15, 2023");
  });

  it("resolves links against the page, keeps anchors, drops links that lead nowhere", () => {
    assert.equal(
      md(
        '<p><a href="../cookies">Cookie Policy</a>, <a href="#rights">your rights</a>, <a href="javascript:void(0)">Manage</a>, <a href="/x"></a>end</p>',
      ),
      "[Cookie Policy](https://example.org/cookies), [your rights](#rights), Manage, end",
    );
  });

  it("keeps a link around block content without breaking it", () => {
    assert.equal(
      md('<a href="/terms"><div>Terms of Service</div></a>'),
      "[Terms of Service](https://example.org/terms)",
    );
  });

  it("keeps images that have alternative text only", () => {
    assert.equal(
      md('<p><img src="/logo.png"><img alt="Data flow diagram" src="flow.png"></p>'),
      "![Data flow diagram](https://example.org/legal/flow.png)",
    );
  });

  it("renders data tables as GFM tables, padding colspans and escaping pipes", () => {
    const html =
      "<table><thead><tr><th>Category</th><th>Collected</th><th>Sold</th></tr></thead>" +
      '<tbody><tr><td>Identifiers<p>name | e-mail</p></td><td colspan="2">Yes</td></tr></tbody></table>';
    assert.equal(
      md(html),
      "| Category | Collected | Sold |\n| --- | --- | --- |\n| Identifiers<br><br>name \\| e-mail | Yes |  |",
    );
  });

  it("renders layout tables (one column) as ordinary blocks", () => {
    assert.equal(
      md("<table><tr><td><h2>Terms</h2></td></tr><tr><td><p>Body.</p></td></tr></table>"),
      "Terms\n-----\n\nBody.",
    );
  });

  it("turns <br> into line breaks, two of them into a paragraph break", () => {
    assert.equal(
      md("<p>GitHub, Inc<br>Attn: DMCA Agent<br><br>San Francisco</p>"),
      "GitHub, Inc\nAttn: DMCA Agent\n\nSan Francisco",
    );
  });

  it("escapes text that Markdown would read as syntax", () => {
    assert.equal(
      md("<p>1. Scope</p><p>- not a list *really* [1] snake_case</p>"),
      "1\\. Scope\n\n\\- not a list \\*really\\* \\[1\\] snake\\_case",
    );
  });

  it("quotes blockquotes and fences preformatted text", () => {
    assert.equal(md("<blockquote><p>Quoted.</p><p>Again.</p></blockquote>"), "> Quoted.\n>\n> Again.");
    assert.equal(md("<pre><code>line 1\n  line 2</code></pre>"), "```\nline 1\n  line 2\n```");
  });

  it("leaves out scripts, styles, forms controls and SVG", () => {
    assert.equal(
      md(
        '<p>Kept<script>var x = 1;</script><style>p{}</style><svg><title>icon</title></svg><input value="v"></p>',
      ),
      "Kept",
    );
  });
});
