import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { editDistance, isTypoPair, onlyTypoEdits } from "./typos.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    assert.equal(editDistance("receive", "recieve"), 1);
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("abc", "abc"), 0);
    assert.equal(editDistance("short", "a much longer word", 2), 3);
  });
});

describe("isTypoPair", () => {
  it("accepts misspellings and spelling variants", () => {
    assert.ok(isTypoPair("organisation", "organization"));
    assert.ok(isTypoPair("recieve", "receive"));
  });

  it("refuses numbers, short words and different words", () => {
    assert.ok(!isTypoPair("30", "60"));
    assert.ok(!isTypoPair("not", "now"));
    assert.ok(!isTypoPair("included", "excluded"));
    assert.ok(!isTypoPair("lawful", "unlawful"));
  });
});

describe("onlyTypoEdits", () => {
  it("accepts typo fixes, split or joined words, articles and renumbered cross-references", () => {
    assert.ok(onlyTypoEdits("we recieve your e mail", "we receive your email"));
    assert.ok(onlyTypoEdits("you can delete account", "you can delete the account"));
    assert.ok(onlyTypoEdits("as set out in section 13 9 below", "as set out in section 13 10 below"));
  });

  it("refuses changes of meaning", () => {
    assert.ok(!onlyTypoEdits("we sell your data", "we do not sell your data"));
    assert.ok(!onlyTypoEdits("keep it for 30 days", "keep it for 60 days"));
    assert.ok(!onlyTypoEdits("share with partners", "share with advertisers"));
  });
});
