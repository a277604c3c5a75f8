import assert from "node:assert/strict";
import { it } from "node:test";
import { reextractionOf } from "./commit-kinds.js";

it("names the Open Terms Archive commits that re-extract a capture, and only those", () => {
  assert.equal(reextractionOf("Refilter"), "Open Terms Archive “Refilter”");
  assert.equal(
    reextractionOf("Apply technical or declaration upgrade"),
    "Open Terms Archive “Apply technical or declaration upgrade”",
  );
  for (const kind of ["Update", "Record new changes", "First record", null])
    assert.equal(reextractionOf(kind), null);
});
