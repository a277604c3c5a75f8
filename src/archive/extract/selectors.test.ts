import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SelectorError } from "./errors.js";
import { htmlToMarkdown } from "./html-to-markdown.js";
import { normalizeText } from "./normalize-text.js";
import { parseHtml } from "./parse-html.js";
import { compileSelectors, type DeclaredSelector, removeSelected, selectContent } from "./selectors.js";

// The shape of npm's privacy page: the range starts at the title inside one container and ends at the
// table of contents inside another, so both containers are only partly covered.
const PAGE =
  "<body><div><p>Skip</p><h1>Privacy Questions</h1><p>Intro.</p></div>" +
  '<section><p>More.</p><h2 id="toc-heading">Table of contents</h2><p>Outro.</p></section></body>';

function run(select: DeclaredSelector | DeclaredSelector[], remove: DeclaredSelector[] = []) {
  const doc = parseHtml(PAGE);
  removeSelected(doc, compileSelectors(remove));
  const warnings: string[] = [];
  const roots = selectContent(doc, compileSelectors(select), warnings);
  return { text: normalizeText(htmlToMarkdown(roots, { baseUrl: null })).replace(/\n+/g, " | "), warnings };
}

describe("range selectors", () => {
  it("select the content between two anchors across partly covered containers", () => {
    assert.equal(
      run({ startBefore: "h1", endBefore: "#toc-heading" }).text,
      "Privacy Questions | ================= | Intro. | More.",
    );
  });

  it("include or exclude the anchors themselves with the After/Before variants", () => {
    assert.equal(
      run({ startAfter: "h1", endAfter: "#toc-heading" }).text,
      "Intro. | More. | Table of contents | -----------------",
    );
  });

  it("remove what lies between two anchors and keep the rest", () => {
    const { text } = run("body", [{ startAfter: "h1", endBefore: "#toc-heading" }]);
    assert.equal(
      text,
      "Skip | Privacy Questions | ================= | Table of contents | ----------------- | Outro.",
    );
  });

  it("warn and select nothing when an anchor is missing or the end precedes the start", () => {
    assert.deepEqual(run({ startBefore: "h3", endBefore: "#toc-heading" }), {
      text: "",
      warnings: ['range {"startBefore":"h3","endBefore":"#toc-heading"}: its start matches nothing'],
    });
    assert.match(
      run({ startBefore: "#toc-heading", endBefore: "h1" }).warnings[0] ?? "",
      /end comes before its start/,
    );
  });
});

describe("CSS selectors", () => {
  it("keep declaration order and do not repeat an element nested in another selected one", () => {
    assert.equal(
      run(["section", "div", "p"]).text,
      "More. | Table of contents | ----------------- | Outro. | Skip | Privacy Questions | ================= | Intro.",
    );
  });

  it("warn about each selector that matches nothing", () => {
    assert.deepEqual(run(["main", "h1"]).warnings, ['select "main" matched nothing']);
  });

  it("reject invalid CSS and incomplete ranges before touching the page", () => {
    assert.throws(
      () => compileSelectors(["h1", "p:nth-child("]),
      (error) => error instanceof SelectorError && error.selector === "p:nth-child(",
    );
    assert.throws(() => compileSelectors({ startBefore: "h1" }), SelectorError);
  });
});
