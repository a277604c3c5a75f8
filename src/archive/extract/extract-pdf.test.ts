import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UnreadablePdfError } from "./errors.js";
import { pagesToMarkdown } from "./extract-pdf.js";
import { extract } from "./index.js";

// tsx turns source maps on, and Node would then parse pdf.js's 3 MB of maps on first load: seconds of
// test time for stack traces nobody reads here.
process.setSourceMapsEnabled(false);

// Paragraphs of UptimeRobot's privacy policy (fixtures/ota-versions/155_…), laid out as a printed page would be.
const PAGES = [
  [
    "UptimeRobot Privacy Policy",
    "Privacy policy.",
    "UptimeRobot (a service by Uptime Robot s. r. o.) operates several websites including",
    "uptimerobot.com, uptimerobot.com/api and blog.uptimerobot.com. It is UptimeRobot's",
    "policy to respect your privacy regarding any information we may collect while oper-",
    "ating our websites.",
    "Page 1 of 3",
  ],
  [
    "UptimeRobot Privacy Policy",
    "Website Visitors",
    "Like most website operators, UptimeRobot collects non-personally-identifying infor-",
    "mation of the sort that web browsers and servers typically make available, such as",
    "the browser type, language preference, referring site, and the date and time of each",
    "visitor request.",
    "Page 2 of 3",
  ],
  [
    "UptimeRobot Privacy Policy",
    "Security",
    "The security of your Personal Information is important to us.",
    "Page 3 of 3",
  ],
];

/** A minimal valid PDF (one Helvetica text object per page), enough for pdf.js to read its text layer. */
function makePdf(pages: string[][]): Uint8Array {
  const escapePdf = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  for (const lines of pages) {
    const stream = `BT /F1 11 Tf 72 740 Td 14 TL ${lines.map((l) => `(${escapePdf(l)}) Tj T*`).join(" ")} ET`;
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentId} 0 R /Resources << /Font << /F1 FONT 0 R >> >> >>`,
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const fontId = objects.length;
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${pages.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body.replace("FONT", String(fontId))}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe("PDF extraction", () => {
  it("joins the text layer into paragraphs without running headers or page numbers", async () => {
    const bytes = makePdf(PAGES);
    const result = await extract({
      bytes,
      mimeType: "application/pdf",
      url: "https://uptimerobot.com/privacy.pdf",
    });
    assert.equal(result.method, "pdf");
    // PDF's standard encoding reads the ASCII apostrophe as a right single quote.
    assert.equal(
      result.markdown,
      [
        "Privacy policy.",
        "UptimeRobot (a service by Uptime Robot s. r. o.) operates several websites including uptimerobot.com, uptimerobot.com/api and blog.uptimerobot.com. It is UptimeRobot’s policy to respect your privacy regarding any information we may collect while operating our websites.",
        "Website Visitors",
        "Like most website operators, UptimeRobot collects non-personally-identifying information of the sort that web browsers and servers typically make available, such as the browser type, language preference, referring site, and the date and time of each visitor request.",
        "Security",
        "The security of your Personal Information is important to us.",
      ].join("\n\n"),
    );
    assert.equal(bytes.byteLength > 0, true, "the caller's bytes are not detached by pdf.js");
  });

  it("reports a corrupt PDF as UnreadablePdfError", async () => {
    const broken = makePdf(PAGES).slice(0, 200);
    await assert.rejects(
      extract({ bytes: broken, mimeType: "application/pdf", url: "https://example.org/p.pdf" }),
      UnreadablePdfError,
    );
  });

  it("drops a line found on every page but keeps one found on a single page", () => {
    const markdown = pagesToMarkdown([
      "Terms of Service\nClause one applies to every user of the service.",
      "Terms of Service\nClause two applies to paid plans only.",
      "Terms of Service\nAnnex",
    ]);
    assert.ok(!markdown.includes("Terms of Service") && markdown.endsWith("Annex"), markdown);
  });
});
