import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import type { RangeSelector } from "../../model/archive.js";
import {
  BinaryContentError,
  ContentTooLargeError,
  EmptyContentError,
  type ExtractInput,
  extract,
  MAX_CONTENT_BYTES,
  SelectorError,
  UnsupportedTypeError,
} from "./index.js";

interface FixtureDocument {
  file: string;
  location: string;
  declaration: {
    select?: string | Array<string | RangeSelector>;
    remove?: string | Array<string | RangeSelector>;
  };
  otaVersionFile: string;
}

const fixtures = new URL("./fixtures/", import.meta.url);
const index: { documents: FixtureDocument[] } = JSON.parse(
  readFileSync(new URL("index.json", fixtures), "utf8"),
);

function fixture(prefix: string): FixtureDocument & { bytes: Buffer; ota: string } {
  const doc = index.documents.find((d) => d.file.startsWith(`html/${prefix}_`));
  assert.ok(doc, `fixture ${prefix} is listed in fixtures/index.json`);
  return {
    ...doc,
    bytes: readFileSync(new URL(doc.file, fixtures)),
    ota: readFileSync(new URL(doc.otaVersionFile, fixtures), "utf8"),
  };
}

function declared(doc: ReturnType<typeof fixture>, bytes: Uint8Array = doc.bytes): ExtractInput {
  return {
    bytes,
    mimeType: "text/html",
    url: doc.location,
    select: doc.declaration.select,
    remove: doc.declaration.remove,
  };
}

/** Share of the reference's words (counted with multiplicity) that the candidate also has. */
function wordRecall(reference: string, candidate: string): number {
  const counts = new Map<string, number>();
  for (const w of candidate.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = reference.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let found = 0;
  for (const w of words) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      found++;
      counts.set(w, n - 1);
    }
  }
  return found / words.length;
}

describe("extract, HTML with Open Terms Archive declarations", () => {
  it("extracts a Brevo page whose <head> holds <noscript><iframe/></noscript>", async () => {
    const doc = fixture("004");
    assert.match(
      doc.bytes.toString("utf8"),
      /<noscript><iframe[^>]*\/><\/noscript>/,
      "the fixture has the hard case",
    );
    const result = await extract(declared(doc));
    assert.equal(result.method, "selectors");
    assert.deepEqual(result.warnings, []);
    assert.match(result.markdown, /^Privacy Policy Personal Data Protection\n=+\n/);
    assert.match(result.markdown, /Brevo has appointed a Data Protection Officer who can be contacted/);
    assert.doesNotMatch(
      result.markdown,
      /Brevo vs Mailchimp|Marketing Platform/,
      "header and footer are outside <main>",
    );
    assert.ok(wordRecall(doc.ota, result.markdown) >= 0.95);
  });

  it("decodes Cloudflare-protected e-mail addresses instead of keeping their per-fetch tokens", async () => {
    const result = await extract(declared(fixture("004")));
    assert.match(result.markdown, /\[support@brevo\.com\]\(mailto:support@brevo\.com\)/);
    assert.doesNotMatch(result.markdown, /email-protection|email protected/);
  });

  it("re-parses a page swallowed by an unclosed <iframe> in the head", async () => {
    const doc = fixture("004");
    const unclosed = doc.bytes.toString("utf8").replace(/(<noscript><iframe[^>]*?)\s*\/>/, "$1>");
    assert.notEqual(unclosed, doc.bytes.toString("utf8"));
    const result = await extract(declared(doc, Buffer.from(unclosed)));
    assert.equal(result.markdown, (await extract(declared(doc))).markdown);
  });

  it("joins a list of selectors in declaration order and renders tables", async () => {
    const doc = fixture("041");
    const { markdown } = await extract(declared(doc));
    const privacy = markdown.indexOf("Privacy Policy\n");
    const retention = markdown.indexOf("Data Retention Notice");
    assert.ok(privacy >= 0 && retention > privacy, "the privacy section comes before the data retention one");
    assert.match(
      markdown,
      /\n\| Category \| We Collect \| We Disclose \| We Sell \| .* \|\n\|( --- \|){5}\n\| A\. Identifiers/,
    );
    assert.doesNotMatch(
      markdown,
      /DMCA Takedown Policy/,
      "sections of the legal page that were not selected",
    );
    assert.ok(wordRecall(doc.ota, markdown) >= 0.99);
  });

  it("applies a range selector and removes what `remove` designates", async () => {
    const doc = fixture("185");
    assert.deepEqual(doc.declaration, {
      fetch: doc.location,
      select: { startBefore: "h1", endBefore: "#toc-heading" },
      remove: "details",
    });
    const { markdown, method } = await extract(declared(doc));
    assert.equal(method, "selectors");
    assert.match(markdown, /^Privacy Questions and Answers\n=+\n\nThis notice describes how \[npm, Inc\.\]/);
    assert.match(markdown, /You can review the history of changes in \[the Git repository/);
    assert.doesNotMatch(markdown, /Table of contents/, "the range ends before #toc-heading");
    assert.ok(wordRecall(doc.ota, markdown) >= 0.99);
  });

  it("makes relative links absolute against the page URL and keeps in-page anchors", async () => {
    const { markdown } = await extract(declared(fixture("185")));
    assert.match(
      markdown,
      /\[but not of other dependencies, like Git dependencies\]\(https:\/\/docs\.npmjs\.com\/cli\/audit\)/,
    );
    assert.match(markdown, /\[What's most important\?\]\(#whats-most-important\)/);
  });

  it("falls back to main-content detection, with a warning, when the declared selector no longer matches", async () => {
    const doc = fixture("169");
    const result = await extract(declared(doc));
    assert.equal(result.method, "main-content");
    assert.ok(result.warnings.some((w) => w.includes('select "main" matched nothing')));
    assert.match(
      result.markdown,
      /^Copyright - DMCA Takedown Policy\n=+\n\nThis policy describes how we at npm, Inc\./,
    );
    assert.doesNotMatch(
      result.markdown,
      /Creating a strong password|Site navigation/,
      "the docs sidebar is navigation",
    );
    assert.ok(wordRecall(doc.ota, result.markdown) >= 0.95);
  });

  it("is deterministic: the same bytes give the same Markdown", async () => {
    const doc = fixture("155");
    const first = await extract(declared(doc));
    const second = await extract(declared(doc, Buffer.from(doc.bytes)));
    assert.equal(first.markdown, second.markdown);
    assert.doesNotMatch(
      first.markdown,
      /[ \t]$|\n{3}|\u00a0/m,
      "no trailing spaces, no double blank lines, no NBSP",
    );
  });
});

describe("extract, main-content detection without a declaration", () => {
  for (const prefix of ["004", "155", "127"]) {
    it(`finds the declared content of fixture ${prefix} without chrome`, async () => {
      const doc = fixture(prefix);
      const withDeclaration = await extract(declared(doc));
      const auto = await extract({ bytes: doc.bytes, mimeType: "text/html", url: doc.location });
      assert.equal(auto.method, "main-content");
      assert.ok(wordRecall(withDeclaration.markdown, auto.markdown) >= 0.97, "keeps the declared text");
      assert.ok(wordRecall(auto.markdown, withDeclaration.markdown) >= 0.97, "adds no chrome");
    });
  }

  it("drops the navigation, header and footer of an UptimeRobot page", async () => {
    const doc = fixture("155");
    const { markdown } = await extract({ bytes: doc.bytes, mimeType: "text/html", url: doc.location });
    assert.match(markdown, /It is UptimeRobot's policy to respect your privacy/);
    assert.doesNotMatch(markdown, /Join more than 2,700,000\+ happy users|Cron job monitoring/);
  });
});

describe("extract, charsets", () => {
  const doc = fixture("004");
  const utf8 = doc.bytes.toString("utf8");

  it("detects windows-1252 bytes that declare no charset", async () => {
    const undeclared = utf8.replace('<meta charSet="utf-8"/>', "");
    assert.ok(!/<meta[^>]*charset/i.test(undeclared), "no charset declaration left in the markup");
    const legacy = iconv.encode(undeclared, "windows-1252");
    const result = await extract(declared(doc, legacy));
    assert.ok(["windows-1252", "iso-8859-1"].includes(result.charset), result.charset);
    assert.equal(result.markdown, (await extract(declared(doc))).markdown);
  });

  it("follows the Content-Type header, reading latin-1 labels as windows-1252", async () => {
    const legacy = iconv.encode(utf8, "windows-1252");
    const result = await extract({ ...declared(doc, legacy), contentType: "text/html; charset=ISO-8859-1" });
    assert.equal(result.charset, "windows-1252");
    assert.match(result.markdown, /referred to as\*\* “\*\*Brevo\*\*,”/);
  });
});

describe("extract, other content types", () => {
  const ota = fixture("155").ota;

  it("passes Markdown through, normalised", async () => {
    const messy = `\n\n${ota.replace(/\n/g, "  \r\n")}\n\n\n`;
    const result = await extract({
      bytes: Buffer.from(messy),
      mimeType: "text/markdown",
      url: "https://uptimerobot.com/privacy.md",
    });
    assert.equal(result.method, "markdown");
    assert.equal(
      result.markdown,
      ota
        .replace(/[ \t]+$/gm, "")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    );
  });

  it("drops the YAML front matter of a Markdown page", async () => {
    const page = `---\ntitle: 'UptimeRobot privacy policy'\ndate: '2024-05-01'\ntags:\n- name: privacy\n---\n\n${ota}`;
    const result = await extract({
      bytes: Buffer.from(page),
      mimeType: "text/markdown",
      url: "https://uptimerobot.com/privacy.md",
    });
    assert.equal(
      result.markdown,
      ota
        .replace(/[ \t]+$/gm, "")
        .replace(/\n{3,}/g, "\n\n")
        .trim(),
    );
  });

  it("passes plain text through with \\n line endings and no trailing spaces", async () => {
    const text = "Privacy policy.   \r\nUptimeRobot operates several websites.\t\r\n\r\n\r\n\r\nContact us.";
    const result = await extract({
      bytes: Buffer.from(text),
      mimeType: "text/plain; charset=utf-8",
      url: "https://example.org/p.txt",
    });
    assert.equal(result.method, "text");
    assert.equal(result.markdown, "Privacy policy.\nUptimeRobot operates several websites.\n\nContact us.");
  });

  it("sniffs HTML served without a useful media type", async () => {
    const doc = fixture("127");
    const result = await extract({ ...declared(doc), mimeType: "application/octet-stream" });
    assert.equal(result.method, "selectors");
  });
});

describe("extract, errors", () => {
  it("rejects a PNG image, even labelled text/html", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await assert.rejects(
      extract({ bytes: png, mimeType: "text/html", url: "https://example.org/" }),
      (error) => {
        assert.ok(error instanceof BinaryContentError);
        assert.equal(error.code, "BINARY_CONTENT");
        assert.match(error.message, /PNG image/);
        return true;
      },
    );
  });

  it("rejects random bytes", async () => {
    let seed = 42;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed >> 23;
    });
    await assert.rejects(
      extract({ bytes: noise, mimeType: "text/html", url: "https://example.org/" }),
      BinaryContentError,
    );
  });

  it("rejects media types it cannot extract", async () => {
    const json = Buffer.from('{"policy":"We collect data."}');
    await assert.rejects(
      extract({ bytes: json, mimeType: "application/json", url: "https://example.org/" }),
      UnsupportedTypeError,
    );
  });

  it("throws EmptyContentError for a page without text", async () => {
    const doc = fixture("127");
    const head = doc.bytes
      .toString("utf8")
      .replace(/<body[\s\S]*<\/body>/, "<body><div><p> </p></div></body>");
    await assert.rejects(
      extract({ bytes: Buffer.from(head), mimeType: "text/html", url: doc.location }),
      (error) => {
        assert.ok(error instanceof EmptyContentError);
        assert.equal(error.code, "EMPTY_CONTENT");
        return true;
      },
    );
  });

  it("names the invalid selector in SelectorError", async () => {
    const doc = fixture("127");
    await assert.rejects(extract({ ...declared(doc), select: ["main", "div[class="] }), (error) => {
      assert.ok(error instanceof SelectorError);
      assert.equal(error.selector, "div[class=");
      return true;
    });
  });

  it("refuses content over the size limit", async () => {
    const huge = new Uint8Array(MAX_CONTENT_BYTES + 1);
    await assert.rejects(
      extract({ bytes: huge, mimeType: "text/html", url: "https://example.org/" }),
      ContentTooLargeError,
    );
  });
});

describe("extract, malformed HTML", () => {
  const doc = fixture("155");
  const html = doc.bytes.toString("utf8");

  it("extracts a truncated page stripped of its closing tags", async () => {
    const start = html.indexOf("It is UptimeRobot");
    const broken = html.slice(0, start + 2000).replace(/<\/(p|div|li|ul|main|section|a)>/g, "");
    const result = await extract({ bytes: Buffer.from(broken), mimeType: "text/html", url: doc.location });
    assert.match(result.markdown, /It is UptimeRobot's policy to respect your privacy/);
  });

  it("survives nesting far deeper than the call stack allows", async () => {
    const start = html.indexOf("<main");
    const deep = `${html.slice(0, start)}${"<div>".repeat(5_000)}${html.slice(start)}`;
    const result = await extract({ bytes: Buffer.from(deep), mimeType: "text/html", url: doc.location });
    assert.match(result.markdown, /It is UptimeRobot's policy to respect your privacy/);
  });
});
