/**
 * End to end: headless Chromium reads every kind of page over the analysed demo corpus (plus one real
 * policy with hostile markup injected), as a visitor would, without running any script of ours.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { Archiver } from "../../src/archive/archiver.js";
import { WarcWriter } from "../../src/archive/warc/warc-writer.js";
import { createVersionListener } from "../../src/pipeline/index.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import {
  findPlatform,
  getVersion,
  listChangeRecords,
  listDocuments,
  listProvisions,
  type QuerySource,
} from "../../src/store/queries/index.js";
import { launchBrowser } from "./helpers/browser.js";
import { type DemoStore, openDemoStore } from "./helpers/demo-store.js";
import {
  HOSTILE_IMG,
  HOSTILE_LINK,
  HOSTILE_SCRIPT,
  importHostileDocument,
} from "./helpers/hostile-document.js";

const SHOTS = "test-results/e2e";

describe("web pages in a browser, over the analysed demo corpus", () => {
  let demo: DemoStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let src: QuerySource;
  const cspViolations: string[] = [];
  const visited = new Set<string>();

  before(async () => {
    demo = await openDemoStore();
    src = demo.store.backend;
    const archiver = new Archiver(demo.store, {
      warc: new WarcWriter(join(demo.dataDir, "warc")),
      onVersion: createVersionListener(demo.store),
    });
    await importHostileDocument(archiver);
    server = await startServer(demo.store, { port: 0, now: () => new Date("2026-07-04T12:00:00Z") });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on("dialog", (dialog) => {
      cspViolations.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await mkdir(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await demo?.dispose();
  });

  /** Opens a page, checks the status, saves a screenshot and records the URL for the accessibility sweep. */
  async function open(path: string, shot: string, status = 200): Promise<void> {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response?.status(), status, `${path} answered ${response?.status()}`);
    visited.add(path);
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: false });
  }

  /** The text a reader sees in the first element matching `selector` (layout-aware, like the browser's innerText). */
  async function text(selector: string): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, which is what is asserted.
    return page.locator(selector).first().innerText();
  }

  it("dashboard: real figures, recent changes, severe provisions, platforms and the chart", async () => {
    await open("/", "home");
    assert.equal(await text("h1"), "What platforms' terms say, and what changed");
    const stats = await text(".stats");
    assert.match(stats, /16\s+platforms/, "15 demo platforms plus the hostile test platform");
    assert.ok((await page.locator("#recent-h + ul .card").count()) > 0);
    assert.ok((await page.locator("#severe-h ~ ul .card").count()) > 0);
    // The demo's latest changes add flagged provisions: each card links to a provision page.
    const addedCards = page.locator("#added-h ~ ul .card");
    assert.ok((await addedCards.count()) > 0);
    assert.match(
      (await addedCards.first().locator("a").first().getAttribute("href")) ?? "",
      /^\/provisions\/\d+$/,
    );
    assert.ok(await page.getByRole("link", { name: "GitHub", exact: true }).isVisible());
    assert.equal(await page.locator("svg.chart[role=img] title").count(), 1);
  });

  it("keyboard: the first Tab lands on a visible skip link that moves focus to the main content", async () => {
    await open("/platforms", "platforms");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
      outline: document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : "",
    }));
    assert.equal(focused.text, "Skip to main content");
    assert.ok(focused.top >= 0, "the skip link is on screen when focused");
    assert.notEqual(focused.outline, "none", "focus is visible");
    await page.screenshot({ path: join(SHOTS, "skip-link-focus.png") });
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  });

  it("platform page: leads with a summary, then documents, grade, timeline, and a GET form that filters provisions by severity", async () => {
    await open("/platforms/github", "platform-github");
    assert.equal(await text("h1"), "GitHub");
    // The summary comes first: grade, the most severe clear findings (each a different clause type), last change.
    const lead = page.locator("section.lead");
    assert.match(await text("section.lead dl"), /Platform grade\s+(?:Grade\s+)?[A-E]\b/);
    const findings = await lead.locator(".lead-findings > li > a").allInnerTexts();
    assert.equal(findings.length, 3, "GitHub has at least three clause types with clear findings");
    assert.equal(new Set(findings).size, 3);
    assert.ok(
      await page.evaluate(() => {
        const lead = document.querySelector("section.lead");
        const docs = document.getElementById("docs-h");
        return Boolean(lead && docs && lead.compareDocumentPosition(docs) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
      "the summary comes before the documents",
    );
    // The long lists wait, closed, until asked for.
    assert.equal(await page.locator("#prov-h ~ details").getAttribute("open"), null);
    assert.equal(await page.locator("#timeline-h + details").getAttribute("open"), null);
    assert.match(await text("#docs-h + *"), /Platform grade:|not been graded/);
    assert.ok(
      (await page.locator("table").first().locator("tbody tr").count()) >= 2,
      "privacy policy and terms",
    );
    await page.selectOption("#f-sev", "high");
    await Promise.all([page.waitForURL(/severity=high/), page.click("form.filters button[type=submit]")]);
    visited.add(new URL(page.url()).pathname + new URL(page.url()).search);
    assert.notEqual(
      await page.locator("#prov-h ~ details").getAttribute("open"),
      null,
      "filtered: shown open",
    );
    const badges = await page.locator("#prov-h ~ details ul.cards .card .badge").allInnerTexts();
    assert.ok(badges.length > 0, "GitHub has high-severity provisions");
    assert.ok(badges.every((b) => b === "High severity"));
    await page.screenshot({ path: join(SHOTS, "platform-github-high.png") });
    assert.ok((await page.locator("#timeline-h + details ol .card").count()) > 0);
  });

  it("feeds: the dashboard and platform pages announce Atom feeds of substantive changes", async () => {
    await open("/platforms/github", "platform-github-feed");
    const href = await page
      .locator('head link[rel=alternate][type="application/atom+xml"]')
      .getAttribute("href");
    assert.equal(href, "/feeds/changes.atom?platform=github");
    const response = await page.request.get(`${server.url}${href}`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"] ?? "", /^application\/atom\+xml/);
    const xml = await response.text();
    const titles = [...xml.matchAll(/<entry>\s*<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/g)].map(
      (m) => m[1],
    );
    assert.ok(titles.length > 0, "GitHub has substantive changes in the demo");
    // Each entry is titled by its record's headline, so that a reader can tell one change from another.
    assert.ok(
      titles.every((t) => t?.startsWith("GitHub ") && !t.includes("substantive change, ")),
      titles.join("\n"),
    );
    assert.equal(new Set(titles).size, titles.length, titles.join("\n"));
    await open("/", "home-feed");
    const site = await page
      .locator('head link[rel=alternate][type="application/atom+xml"]')
      .getAttribute("href");
    const all = await (await page.request.get(`${server.url}${site}`)).text();
    assert.ok((all.match(/<entry>/g)?.length ?? 0) > titles.length, "the site feed covers every platform");
  });

  it("document page: a summary, then the full text (full width) with provisions tinted and linked, version selector, verification", async () => {
    const github = await findPlatform(src, "github");
    const [privacy] = (await listDocuments(src, { platformId: github?.id ?? 0 })).filter(
      (d) => d.termsType === "Privacy Policy",
    );
    assert.ok(privacy);
    await open(`/documents/${privacy.id}`, "document-github-privacy");
    assert.equal(await text("h1"), "GitHub Privacy Policy");
    assert.match(await text("section.lead dl"), /Grade\s+[A-E]\b/);
    assert.ok((await page.locator("section.lead .lead-findings > li").count()) > 0);
    const layout = await page.evaluate(() => {
      const lead = document.querySelector("section.lead");
      const text = document.getElementById("text-h");
      const main = document.querySelector("main");
      const body = document.querySelector(".doc-text");
      const padding = main ? Number.parseFloat(getComputedStyle(main).paddingLeft) * 2 : 0;
      return {
        leadFirst: Boolean(
          lead && text && lead.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING,
        ),
        share: main && body ? body.getBoundingClientRect().width / (main.clientWidth - padding) : 0,
      };
    });
    assert.ok(layout.leadFirst, "the summary comes before the text");
    assert.ok(layout.share > 0.99, `the text uses the page's width (${layout.share.toFixed(2)} of it)`);
    assert.match(await text("#verify-h + dl"), /[0-9a-f]{64}/);
    assert.match(await text("#verify-h + dl"), /entry \d+ of \d+/);
    assert.ok((await page.locator(".doc-text .prov").count()) > 50);
    assert.ok((await page.locator(".doc-text .prov.sev-high").count()) > 0);
    assert.match(await text(".doc-text"), /We cooperate with third-parties that offer sales/);
    const options = await page.locator("#version-select option").count();
    assert.equal(options, privacy.versionCount);
    const oldest = await page.locator("#version-select option").last().getAttribute("value");
    await page.selectOption("#version-select", oldest ?? "");
    await Promise.all([page.waitForURL(/version=/), page.click("form.filters button[type=submit]")]);
    assert.match(await text(".lede"), /Earlier version/);
  });

  it("provision page: a GitHub provision quoted, explained, with compliance, evidence, other platforms, history and citation", async () => {
    const github = await findPlatform(src, "github");
    const candidates = await listProvisions(src, { platformIds: [github?.id ?? 0], bySeverity: true });
    const provision = candidates.find((p) =>
      p.text.includes("We cooperate with third-parties that offer sales"),
    );
    assert.ok(provision, "the partners and resellers provision of GitHub's privacy statement");
    await open(`/provisions/${provision.id}`, "provision-github");
    assert.match(
      await text("blockquote"),
      /We cooperate with third-parties that offer sales, consulting, support/,
    );
    assert.match(await text("#cite-h + dl"), new RegExp(`CW-P-${provision.id}`));
    assert.match(await text("main"), /History of this provision/);
    if (provision.clauses.length > 0) {
      for (const heading of [
        "What it is",
        "Why it matters",
        "Consumer impact",
        "What you can do",
        "Compliance view",
        "Confidence and evidence",
      ]) {
        assert.ok(await page.getByRole("heading", { name: heading }).first().isVisible(), heading);
      }
      assert.ok((await page.locator("blockquote mark").count()) >= 0);
    }
    const bibtex = await page.locator("details:has(summary:text('BibTeX')) pre").textContent();
    assert.match(bibtex ?? "", new RegExp(`^@misc\\{CW-P-${provision.id},`));
  });

  it("provision page: edX's clause on sponsors seeing learner progress, with other platforms' wording", async () => {
    const edx = await findPlatform(src, "edx");
    const provisions = await listProvisions(src, { platformIds: [edx?.id ?? 0] });
    const clause = provisions.find((p) =>
      p.text.includes("sponsors your Certificate or course participation"),
    );
    assert.ok(clause, "edX's privacy policy says sponsors see enrollment, progress and completion");
    await open(`/provisions/${clause.id}`, "provision-edx-institutional");
    assert.match(
      await text("blockquote"),
      /edX will share information with the entity as needed to confirm your enrollment/,
    );
    const main = await text("main");
    assert.match(main, /History of this provision/);
    // When the classifier recognises the clause (it should), the page explains it and compares platforms.
    if (clause.clauses.some((c) => c.type === "sharing-institutional-clients")) {
      assert.match(main, /Sharing with institutional clients/);
      assert.match(main, /Found at \d+ of \d+ platforms/);
      assert.match(main, /FERPA/);
    }
    if (clause.clauses.length > 0) assert.match(main, /How other platforms handle this/);
  });

  it("change record page: summary, severity, a word-level diff, and the source and proof of both versions", async () => {
    const records = await listChangeRecords(src, { kinds: ["substantive"], limit: 50 });
    let shown = false;
    for (const record of records) {
      await open(`/changes/${record.id}`, "change-record");
      if ((await page.locator(".diff ins, .diff del").count()) === 0) continue;
      assert.match(await text("h1"), /change of/);
      assert.ok((await page.locator("#summary-h + ul li").count()) > 0);
      assert.match(await text("#cite-h + dl"), new RegExp(`CW-C-${record.id}`));
      // Both versions: source, capture, last verification, both hashes, and the archived bytes themselves.
      const sides = [
        ["#source-before-h", record.fromVersionId],
        ["#source-after-h", record.toVersionId],
      ] as const;
      for (const [heading, versionId] of sides) {
        const version = await getVersion(src, versionId ?? 0);
        assert.ok(version);
        const facts = page.locator(`${heading} + dl.facts`);
        const said = (await facts.textContent()) ?? "";
        for (const term of ["Live source", "Captured", "Last verified", "Text SHA-256", "Snapshot SHA-256"])
          assert.match(said, new RegExp(term));
        assert.match(said, new RegExp(version.sha256));
        assert.match(await text(heading), new RegExp(`CW-V-${versionId}`));
        const archived = await facts.locator('a[href^="/archive/"]').getAttribute("href");
        assert.equal(archived, `/archive/${version.evidence.snapshotSha256}`);
        const copy = await fetch(`${server.url}${archived}`);
        assert.equal(copy.status, 200);
        const bytes = Buffer.from(await copy.arrayBuffer());
        assert.equal(createHash("sha256").update(bytes).digest("hex"), version.evidence.snapshotSha256);
      }
      shown = true;
      break;
    }
    assert.ok(shown, "some substantive change has word-level insertions or deletions");
  });

  it("clause type pages: the index and one type with 'found at N of M platforms' and every excerpt", async () => {
    await open("/clause-types", "clause-types");
    assert.ok((await page.locator("table tbody tr").count()) >= 40);
    await open("/clause-types/sharing-institutional-clients", "clause-type");
    assert.match(await text("#prev-h + p"), /Found at \d+ of \d+ platforms/);
    assert.ok((await page.locator("#where-h + ul .card").count()) >= 1);
  });

  it("compare page: choose platforms with the form, read clause types side by side", async () => {
    await open("/compare", "compare-empty");
    await page.selectOption("#cmp-0", "github");
    await page.selectOption("#cmp-1", "edx");
    await page.selectOption("#cmp-2", "signal");
    await Promise.all([page.waitForURL(/compare\?/), page.click("form.filters button[type=submit]")]);
    visited.add(new URL(page.url()).pathname + new URL(page.url()).search);
    await page.screenshot({ path: join(SHOTS, "compare.png") });
    const headers = await page.locator("table.compare thead th").allInnerTexts();
    assert.deepEqual(
      headers.map((h) => h.split(/\s/)[0]),
      ["Clause", "GitHub", "edX", "Signal"],
    );
    assert.ok((await page.locator("table.compare tbody tr").count()) > 5);
  });

  it("search page: full text with filters, highlighted matches, pagination", async () => {
    await open("/search?q=personal+data&severity=high", "search");
    assert.match(await text("#results-h"), /\d+ matching provisions?/);
    assert.ok((await page.locator("ol.cards mark").count()) > 0);
    assert.ok((await page.locator("ol.cards .badge").allInnerTexts()).every((b) => b === "High severity"));
    // Each hit names its record and clause types, so two editions of one policy are told apart.
    const first = page.locator("ol.cards .card").first();
    const record = first.locator('a[href^="/records/CW-P-"]');
    const recordId = (await record.textContent()) ?? "";
    assert.match(recordId, /^CW-P-\d+$/);
    assert.equal(await record.getAttribute("href"), `/records/${recordId}`);
    assert.ok((await first.locator('ul[aria-label="Clause types"] a[href^="/clause-types/"]').count()) > 0);
    await page.fill("#s-q", '"do not sell"');
    await page.selectOption("#s-platform", "github");
    await page.selectOption("#s-sev", "");
    await Promise.all([page.waitForURL(/platform=github/), page.locator("main form.filters button").click()]);
    const results = await page.locator("ol.cards .card h3").allInnerTexts();
    assert.ok(results.length > 0 && results.every((r) => r.startsWith("GitHub")));
  });

  it("report: printable HTML with a print stylesheet, and a PDF rendered by Chromium", async () => {
    await open("/platforms/github/report", "report");
    assert.match(await text("h1"), /GitHub: privacy and terms report/);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("header.site").isVisible(), false, "navigation is not printed");
    await page.emulateMedia({ media: "screen" });
    const pdf = await fetch(`${server.url}/platforms/github/report.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), "%PDF-");
    assert.ok(bytes.byteLength > 10_000);
  });

  it("hostile markup inside an archived policy is shown as text and never runs", async () => {
    const hostile = await findPlatform(src, "hostile-test");
    const [doc] = await listDocuments(src, { platformId: hostile?.id ?? 0 });
    assert.ok(doc);
    const raw = await (await fetch(`${server.url}/documents/${doc.id}`)).text();
    assert.ok(raw.includes("&lt;script&gt;window.__pwned"), "escaped in the HTML");
    assert.ok(!raw.includes(HOSTILE_SCRIPT) && !raw.includes(HOSTILE_IMG));
    await open(`/documents/${doc.id}`, "hostile-document");
    const body = await text("main");
    assert.ok(body.includes(HOSTILE_SCRIPT), "the script tag is visible as text");
    assert.ok(body.includes(HOSTILE_IMG), "the onerror attribute is visible as text");
    assert.ok(body.includes("as described in click me &"), "a javascript: link is reduced to its text");
    assert.ok(HOSTILE_LINK.startsWith("[click me]"));
    const [provision] = (await listProvisions(src, { documentId: doc.id })).filter((p) =>
      p.text.includes("__pwned"),
    );
    assert.ok(provision);
    await open(`/provisions/${provision.id}`, "hostile-provision");
    assert.ok((await text("blockquote")).includes(HOSTILE_SCRIPT));
    await open(`/search?q=pwned&platform=hostile-test`, "hostile-search");
    assert.ok((await text("ol.cards")).includes("<script>"));
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      scripts: document.scripts.length,
      handlers: document.querySelectorAll("[onerror],[onload],[onclick]").length,
      jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    }));
    assert.deepEqual(state, { pwned: undefined, scripts: 0, handlers: 0, jsLinks: 0 });
  });

  it("error pages: 404 for missing records, 400 naming the bad parameter", async () => {
    await open("/provisions/99999999", "not-found", 404);
    assert.equal(await text("h1"), "Not found");
    await open("/platforms/github?severity=extreme", "bad-request", 400);
    assert.equal(await text("h1"), "Bad request");
    assert.match(await text(".error-box"), /severity: must be one of high, medium, low/);
    await open("/search?since=2025-13-45&q=x", "bad-date", 400);
    assert.match(await text(".error-box"), /since/);
  });

  it("every page visited: one h1, landmarks, labelled controls, no inline style, strict headers, no CSP violation", async () => {
    assert.ok(visited.size >= 15, `visited ${visited.size} pages`);
    for (const path of visited) {
      const response = await page.goto(`${server.url}${path}`);
      const headers = response?.headers() ?? {};
      assert.match(headers["content-security-policy"] ?? "", /script-src 'none'/, path);
      assert.match(headers["content-security-policy"] ?? "", /frame-ancestors 'none'/, path);
      assert.doesNotMatch(headers["content-security-policy"] ?? "", /unsafe-inline/, path);
      assert.equal(headers["x-content-type-options"], "nosniff", path);
      assert.equal(headers["referrer-policy"], "same-origin", path);
      const audit = await page.evaluate(() => {
        const controls = Array.from(document.querySelectorAll("input, select, textarea")).filter(
          (el) => !["hidden", "submit"].includes((el as HTMLInputElement).type),
        );
        return {
          lang: document.documentElement.lang,
          title: document.title,
          h1: document.querySelectorAll("h1").length,
          main: document.querySelectorAll("main#main").length,
          banner: document.querySelectorAll("body > header").length,
          nav: document.querySelectorAll("nav[aria-label=Main]").length,
          footer: document.querySelectorAll("body > footer").length,
          firstLink: document.querySelector("a")?.getAttribute("href"),
          unlabelled: controls.filter(
            (el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute("aria-label"),
          ).length,
          inlineStyles: document.querySelectorAll("body [style]").length,
          images: document.querySelectorAll("img:not([alt])").length,
        };
      });
      assert.deepEqual(
        { ...audit, title: audit.title.endsWith("· ClauseWatch") },
        {
          lang: "en",
          title: true,
          h1: 1,
          main: 1,
          banner: 1,
          nav: 1,
          footer: 1,
          firstLink: "#main",
          unlabelled: 0,
          inlineStyles: 0,
          images: 0,
        },
        path,
      );
    }
    assert.deepEqual(cspViolations, []);
  });
});
