import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { findMainContent } from "./main-content.js";
import { normalizeText } from "./normalize-text.js";
import { parseHtml } from "./parse-html.js";

const POLICY =
  "<p>We collect the information you provide when you create an account, such as your name and e-mail address.</p>" +
  "<p>We keep it for as long as your account exists and delete it within thirty days after you close it.</p>";

function main(body: string): string {
  return normalizeText(
    htmlToMarkdown(findMainContent(parseHtml(`<html><body>${body}</body></html>`)), { baseUrl: null }),
  );
}

describe("findMainContent", () => {
  it("drops navigation, site header and footer, cookie banners, skip links and search forms", () => {
    const text = main(
      '<a href="#main">Skip to content</a><header><a href="/">Home</a> <a href="/pricing">Pricing</a></header>' +
        '<div id="onetrust-banner-sdk"><p>We use cookies.</p><button>Accept all</button></div>' +
        '<form role="search"><input name="q"><button>Search</button></form>' +
        `<div class="page"><h1>Privacy Policy</h1>${POLICY}</div>` +
        '<footer><p>© 2025 Example</p></footer><nav><a href="/a">A</a></nav>',
    );
    assert.equal(
      text,
      `Privacy Policy\n==============\n\n${normalizeText(htmlToMarkdown(parseHtml(POLICY).children, { baseUrl: null }))}`,
    );
  });

  it("keeps policy sections named like furniture and headers inside the article", () => {
    const text = main(
      `<article><header><h2>Cookies</h2><p>Last updated June 2025</p></header><section id="cookies">${POLICY}</section>` +
        '<div id="personal-information-collected-from-social-media-accounts"><p>From social media accounts we receive your public profile.</p></div></article>',
    );
    assert.match(text, /^Cookies\n-------\n\nLast updated June 2025\n\nWe collect the information/);
    assert.match(text, /From social media accounts we receive your public profile\.$/);
  });

  it("prefers <main> when it holds a fair share of the text", () => {
    const text = main(
      `<div class="intro"><p>${"Our products and plans. ".repeat(5)}</p></div><main>${POLICY}</main>`,
    );
    assert.ok(text.startsWith("We collect") && !text.includes("Our products"));
  });

  it("descends into the block that holds most of the text outside links", () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">Product number ${i}</a>`).join(" ");
    const text = main(`<div><div>${links}</div><div class="x">${POLICY}${POLICY}</div></div>`);
    assert.ok(text.startsWith("We collect") && !text.includes("Product number"));
  });

  it("never removes a wrapper holding most of the page, even hidden by a captured modal", () => {
    const text = main(
      `<div id="root" aria-hidden="true">${POLICY}</div><div role="dialog"><p>Sign up!</p></div>`,
    );
    assert.ok(text.startsWith("We collect") && !text.includes("Sign up"));
  });
});
