import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Provision } from "../../model/index.js";
import { MAX_PROVISION_CHARS, parseProvisionKey, segment } from "./index.js";
import { lastWords } from "./markdown-text.js";
import { MAX_CONTEXT_CHARS } from "./walk-blocks.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
/** A fixture elsewhere in the repository, by its path from the root. */
const repoFixture = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const EDX = fixture("edx-privacy-policy-2023-06-15.md");
const FCC = fixture("freecodecamp-privacy-qa-2025-02-18.md");
const HF = fixture("ota-hugging-face-privacy-policy-2026-03-18.md");
const ATLASSIAN = fixture("ota-atlassian-privacy-policy-2026-04-21.md");

function containing(provisions: Provision[], needle: string): Provision {
  const found = provisions.find((p) => p.text.includes(needle));
  assert.ok(found, `no provision contains ${JSON.stringify(needle)}`);
  return found;
}

function assertWellFormed(text: string, provisions: Provision[]): void {
  let previousEnd = 0;
  provisions.forEach((p, i) => {
    assert.equal(p.index, i);
    assert.equal(text.slice(p.start, p.end), p.text, `offsets of provision ${i}`);
    assert.ok(p.start >= previousEnd, `provision ${i} overlaps the previous one`);
    assert.equal(p.text, p.text.trim(), `provision ${i} has surrounding whitespace`);
    // (Table cells may start with a list marker: the row text starts after the pipe, not after the marker.)
    if (!p.text.includes("|"))
      assert.doesNotMatch(p.text, /^([*+-]|\d{1,9}[.)])\s/, `provision ${i} keeps its marker`);
    assert.ok(p.text.length <= MAX_PROVISION_CHARS);
    assert.ok(parseProvisionKey(p.key), `key ${p.key}`);
    previousEnd = p.end;
  });
  assert.equal(new Set(provisions.map((p) => p.key)).size, provisions.length, "keys are unique");
}

/** Key → text, to compare two segmentations. */
const byKey = (provisions: Provision[]): Map<string, string> =>
  new Map(provisions.map((p) => [p.key, p.text]));

describe("segment", () => {
  it("returns nothing for empty or blank text", () => {
    assert.deepEqual(segment(""), []);
    assert.deepEqual(segment(" \n\n\t \r\n"), []);
  });

  it("gives exact offsets, ordered and unique keys on every real fixture", () => {
    for (const text of [EDX, FCC, HF, ATLASSIAN]) {
      const provisions = segment(text);
      assert.ok(provisions.length > 20);
      assertWellFormed(text, provisions);
    }
  });

  it("places edX sentences under their heading path, nested list headings included", () => {
    const provisions = segment(EDX);
    const name = containing(
      provisions,
      "we require your name, username, email address and country of residence",
    );
    assert.deepEqual(name.headingPath, [
      "edX Privacy Policy",
      "INFORMATION EDX COLLECTS FROM AND ABOUT YOU (INCLUDING PERSONAL INFORMATION)",
      "Browsing the edX Site and courses, creating an edX account, signing up to receive more information about courses, and communicating with edX",
    ]);
    const security = containing(provisions, "no method of transmission over the Internet");
    assert.deepEqual(security.headingPath, ["edX Privacy Policy", "STORAGE & SECURITY"]);
    // Italic-only lines act as headings.
    const retention = provisions.filter((p) =>
      p.text.startsWith("edX will retain your Personal Information"),
    );
    assert.deepEqual(
      retention.map((p) => p.headingPath.at(-1)),
      ["Data retention", "Data Retention Periods"],
    );
    // A date stamp in bold stays a provision.
    assert.equal(containing(provisions, "Last updated June 15, 2023").text, "**Last updated June 15, 2023**");
    // Setext headings of the footer.
    assert.deepEqual(containing(provisions, "Choose your language").headingPath, ["Legal"]);
  });

  it("makes list items provisions, with the lead-in as context", () => {
    const provisions = segment(EDX);
    const retire = containing(provisions, "retire your username");
    assert.equal(retire.text, "retire your username, and");
    assert.equal(retire.context, "With respect to your edX account, edX will permanently:");
    assert.equal(retire.headingPath.at(-1), "Delete account and Personal Information");
    const sponsor = containing(provisions, "**With employers, government programs");
    assert.match(sponsor.context ?? "", /^edX shares the information we collect about you/);
    // The table of contents and the footer menus are only links: not provisions.
    assert.ok(!provisions.some((p) => p.text.startsWith("[How edX uses your Personal Information]")));
    assert.ok(!provisions.some((p) => p.text.includes("Learn Python")));
  });

  it("keeps the end of a long lead-in: the sentence that introduces the list (Airbnb)", () => {
    const airbnb = repoFixture("test/fixtures/changes/ota/Airbnb/Terms of Service/2020-10-30T17-30-10Z.md");
    const suspend = containing(segment(airbnb), "suspend or limit your access");
    // The paragraph is longer than a context may be; what the items depend on is its end, "Airbnb may:".
    assert.ok((suspend.context ?? "").length <= MAX_CONTEXT_CHARS);
    assert.match(suspend.context ?? "", /^….*, Airbnb may:$/);
  });

  it("reads a paragraph that stops mid-sentence as the lead-in of the list that completes it (GitHub)", () => {
    const github = repoFixture("test/fixtures/changes/ota/GitHub/Privacy Policy/2023-01-28T12-34-04Z.md");
    const scanning = containing(segment(github), "automated scanning for known vulnerabilities");
    assert.match(scanning.context ?? "", /does not access private repository content except for$/);
  });

  it("reads lettered paragraphs after a colon as the lead-in's items, not after a section's announcement", () => {
    const uptime = repoFixture(
      "src/archive/extract/fixtures/ota-versions/155_UptimeRobot_Privacy-Policy_8cd59e50.md",
    );
    const provisions = segment(uptime);
    for (const needle of ["(2) The use is necessary for compliance", "(4) We have a legitimate interest"]) {
      assert.match(containing(provisions, needle).context ?? "", /is based on the grounds that:$/);
    }
    // "PLEASE READ THE FOLLOWING CAREFULLY BECAUSE …" announces a section; its lettered paragraphs stand alone.
    const twitch = repoFixture("test/fixtures/changes/ota/Twitch/Terms of Service/2024-04-09T00-45-53Z.md");
    assert.equal(containing(segment(twitch), "(a) You and Twitch agree to arbitrate").context, undefined);
  });

  it("cuts a long lead-in at a sentence start when one is near its end", () => {
    const lead = `${"We describe many things in this long opening sentence about the service. ".repeat(5)}Therefore, we do not promise that the content:`;
    assert.equal(lastWords(lead, 120), "Therefore, we do not promise that the content:");
    assert.equal(lastWords("Short enough:", 120), "Short enough:");
  });

  it("skips YAML front matter and uses question headings (freeCodeCamp)", () => {
    const provisions = segment(FCC);
    assert.ok(!provisions.some((p) => p.text.includes("coverImage")));
    assert.equal(
      provisions[0]?.text,
      "We take your privacy seriously. And we give you full control over your data.",
    );
    const processors = containing(provisions, "We use Stripe, PayPal, YouTube");
    assert.deepEqual(processors.headingPath, ["Can any other organizations access my data?"]);
  });

  it("reads setext headings with anchors, escaped numbering and pipe-separated list items (Hugging Face)", () => {
    const provisions = segment(HF);
    const contact = containing(provisions, "please contact [privacy@huggingface.co]");
    assert.deepEqual(contact.headingPath, ["Hugging Face Privacy Policy", "9. CONTACT US"]);
    const stripe = containing(provisions, "Stripe | Payment");
    assert.equal(stripe.text, "Stripe | Payment | United States");
    assert.match(stripe.context ?? "", /Subprocessor \| Description of Subprocessing/);
  });

  it("makes table data rows provisions and header rows context (Atlassian)", () => {
    const provisions = segment(ATLASSIAN);
    assert.ok(
      !provisions.some((p) => p.text.startsWith("Category of Information")),
      "header row is not a provision",
    );
    assert.ok(!provisions.some((p) => /^\|?[\s|]*$/.test(p.text)), "empty rows are not provisions");
    const identifiers = containing(provisions, "**Identifiers**, such as name, email address");
    assert.match(identifiers.text, /\| Third Party Advertising Providers$/);
    assert.match(
      identifiers.context ?? "",
      /^Category of Information \| Purpose\(s\) for Collecting & Disclosing/,
    );
    const legalBasis = containing(provisions, "Legitimate interests (Article 6(1)(f) GDPR)");
    assert.match(legalBasis.context ?? "", /Legal basis$/);
  });

  it("keeps keys when two sections are swapped", () => {
    const start = EDX.indexOf("8. ### STORAGE & SECURITY");
    const middle = EDX.indexOf("9. ### PRIVACY POLICY UPDATES");
    const end = EDX.indexOf("10. ### CONTACT INFORMATION");
    assert.ok(start > 0 && middle > start && end > middle);
    const swapped = EDX.slice(0, start) + EDX.slice(middle, end) + EDX.slice(start, middle) + EDX.slice(end);
    const before = segment(EDX);
    const after = segment(swapped);
    assert.notDeepEqual(
      after.map((p) => p.text),
      before.map((p) => p.text),
    );
    assert.deepEqual(byKey(after), byKey(before));
  });

  it("keeps keys when a word, a date or a number is edited", () => {
    const edits: [string, string][] = [
      [
        "through a variety of privacy and security policies",
        "through a range of privacy and security policies",
      ],
      ["Last updated June 15, 2023", "Last updated July 1, 2024"],
      ["within 30 days of your request, follow", "within 45 days of your request, follow"],
    ];
    const before = segment(EDX);
    for (const [from, to] of edits) {
      assert.ok(EDX.includes(from));
      const after = segment(EDX.replace(from, to));
      assert.deepEqual(
        after.map((p) => p.key),
        before.map((p) => p.key),
        `after replacing ${from}`,
      );
      assert.ok(after.some((p) => p.text.includes(to)));
    }
  });

  it("keeps keys across two real consecutive versions (Hugging Face, list re-ordered and edited)", () => {
    const before = segment(fixture("ota-hugging-face-privacy-policy-2023-10-23.md"));
    const after = segment(fixture("ota-hugging-face-privacy-policy-2024-04-16.md"));
    const beforeKeys = byKey(before);
    const unchanged = after.filter((p) => before.some((q) => q.text === p.text));
    assert.ok(unchanged.length > 60, `${unchanged.length} unchanged provisions`);
    for (const p of unchanged) assert.equal(beforeKeys.get(p.key), p.text, `key of ${p.text.slice(0, 60)}`);
    const aws = (ps: Provision[]) => ps.find((p) => p.text.startsWith("Amazon Web Services, Inc. |"));
    assert.notEqual(aws(before)?.index, aws(after)?.index, "the AWS row moved");
    assert.equal(aws(before)?.key, aws(after)?.key);
  });

  it("cuts a giant paragraph into bounded sentence groups that cover it", () => {
    const sentences = segment(EDX)
      .filter((p) => /^[A-Z][^\n[*]+\.$/.test(p.text))
      .map((p) => p.text);
    let giant = "";
    while (giant.length < 50_000) giant += `${sentences[giant.length % sentences.length]} `;
    const text = `## Terms\n\n${giant}\n`;
    const provisions = segment(text);
    assertWellFormed(text, provisions);
    assert.ok(provisions.length >= 50_000 / MAX_PROVISION_CHARS && provisions.length < 100);
    assert.equal(provisions.map((p) => p.text).join(" "), giant.trim());
    // A run-on sentence without any punctuation is wrapped at spaces.
    const runOn = `${"data ".repeat(12_000)}end`;
    const wrapped = segment(runOn);
    assertWellFormed(runOn, wrapped);
    assert.ok(wrapped.length > 1);
  });

  it("segments 5,000+ provisions built from real paragraphs", () => {
    const paragraphs = segment(EDX)
      .filter((p) => !p.text.includes("\n") && p.text.length > 60 && p.text.length < 250)
      .map((p) => p.text);
    const parts: string[] = [];
    for (let i = 0; parts.length < 5_400; i++) {
      if (i % 25 === 0)
        parts.push(
          `## Section ${i / 25}: ${paragraphs[i % paragraphs.length]!.split(" ").slice(0, 4).join(" ")}`,
        );
      parts.push(paragraphs[i % paragraphs.length]!);
    }
    const text = parts.join("\n\n");
    const provisions = segment(text);
    assert.ok(provisions.length >= 5_000);
    assertWellFormed(text, provisions);
  });

  it("handles documents without headings, CRLF line ends and HTML remnants", () => {
    const text =
      '<div class="policy">\r\n<p>We collect your e-mail&nbsp;address.</p>\r\n</div>\r\n\r\n' +
      "<h2>Cookies</h2>\r\nWe use cookies<br>to remember you.\r\n\r\n<!-- tracking -->\r\n\r\nThat is all.\r\n";
    const provisions = segment(text);
    assertWellFormed(text, provisions);
    assert.deepEqual(
      provisions.map((p) => [p.text, p.headingPath]),
      [
        ["<p>We collect your e-mail&nbsp;address.</p>", []],
        ["We use cookies<br>to remember you.", ["Cookies"]],
        ["That is all.", ["Cookies"]],
      ],
    );
  });

  it("treats bold-only lines as headings and nests list items with their parent as context", () => {
    const text = [
      "**Cookies**",
      "",
      "We use cookies for:",
      "",
      "* analytics, including:",
      "    * page views;",
      "    * clicks.",
      "* advertising.",
      "",
      "**We do not sell your data.**",
    ].join("\n");
    const provisions = segment(text);
    assertWellFormed(text, provisions);
    assert.deepEqual(
      provisions.map((p) => [p.text, p.headingPath, p.context]),
      [
        ["We use cookies for:", ["Cookies"], undefined],
        ["analytics, including:", ["Cookies"], "We use cookies for:"],
        // The parent item is itself a lead-in: its items are read with the list's lead-in too.
        ["page views;", ["Cookies"], "We use cookies for: analytics, including:"],
        ["clicks.", ["Cookies"], "We use cookies for: analytics, including:"],
        ["advertising.", ["Cookies"], "We use cookies for:"],
        ["**We do not sell your data.**", ["Cookies"], undefined],
      ],
    );
  });

  it("reads items under an item that is itself a lead-in with both lead-ins (Booking.com)", () => {
    // Booking.com Terms of Service (Open Terms Archive, 2026-06-25), A18 "Measures against unacceptable behaviour".
    const text = [
      "1\\. If you breach these Terms (including [our values](https://www.booking.com/trust-and-safety/values.en-gb.html?aid=304142) and our [Content standards and guidelines](https://www.booking.com/content-moderation-policy/overview-page.en-gb.html?aid=304142)) or fail to comply with applicable laws or regulations, we have the right to:",
      "",
      "*   stop you making any bookings,",
      "*   cancel any bookings you’ve already made,",
      "*   stop you using:",
      "    ",
      "    *   our Platform,",
      "    *   our Customer Service,",
      "    *   your Account",
    ].join("\n");
    const provisions = segment(text);
    assertWellFormed(text, provisions);
    const account = provisions.find((p) => p.text === "your Account");
    // "your Account" alone, or under "stop you using:" alone, says nothing of who may stop it or why.
    assert.match(account?.context ?? "", /we have the right to: stop you using:$/);
    const cancel = provisions.find((p) => p.text.startsWith("cancel any bookings"));
    assert.match(cancel?.context ?? "", /we have the right to:$/);
  });

  it("suffixes keys of repeated provisions in document order", () => {
    const provisions = segment("## Cookies\n\nSame text.\n\nSame text.\n\n## Sharing\n\nSame text.\n");
    const [first, second, third] = provisions.map((p) => parseProvisionKey(p.key));
    assert.equal(first?.lead, second?.lead);
    assert.equal(first?.section, second?.section);
    assert.deepEqual([first?.occurrence, second?.occurrence, third?.occurrence], [1, 2, 1]);
    assert.notEqual(first?.section, third?.section);
    assert.equal(first?.lead, third?.lead, "the lead part identifies the text across sections");
  });
});
