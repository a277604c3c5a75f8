import assert from "node:assert/strict";
import { it } from "node:test";
import { toCsv } from "./csv.js";

it("quotes separators, quotes and line breaks (RFC 4180)", () => {
  const csv = toCsv(
    [
      { header: "id", value: (r: { id: number; text: string }) => r.id },
      { header: "text", value: (r) => r.text },
    ],
    [
      { id: 1, text: 'a, "b"\nc' },
      { id: 2, text: "plain" },
    ],
  );
  assert.equal(csv, 'id,text\r\n1,"a, ""b""\nc"\r\n2,plain\r\n');
});

it("disarms spreadsheet formulas in text cells, not in numbers", () => {
  const csv = toCsv(
    [{ header: "v", value: (r: { v: string | number | null }) => r.v }],
    [{ v: "=HYPERLINK(1)" }, { v: "+1" }, { v: "@x" }, { v: -3 }, { v: null }],
  );
  assert.equal(csv, "v\r\n'=HYPERLINK(1)\r\n'+1\r\n'@x\r\n-3\r\n\r\n");
});
