/**
 * The statement reading on real sentences of the shared corpus (Open Terms Archive contributors, ODC-By 1.0;
 * see NOTICE): who acts, with which modality, negated or not, under which condition.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { splitSentences } from "../classify/sentences.js";
import { readStatement } from "./statement-frame.js";

describe("readStatement", () => {
  it("reads a denial by the platform, named by its own name", () => {
    const frame = readStatement(
      "Spotify does not carry out this type of automated decision making in the Spotify Service.",
    );
    assert.equal(frame.actor, "platform");
    assert.equal(frame.negated, true);
    assert.equal(frame.condition, null);
  });

  it("reads a denial in the perfect tense (Reddit's California notice)", () => {
    const frame = readStatement(
      "In the preceding twelve months, we have not sold any California resident’s Personal Information.",
    );
    assert.equal(frame.actor, "platform");
    assert.equal(frame.negated, true);
    assert.equal(frame.modality, "does");
  });

  it("reads an imperative addressed to the user as a prohibition (Airbnb's terms)", () => {
    const frame = readStatement(
      "Do not use bots, crawlers, scrapers or other automated means to access or collect data or other content from or otherwise interact with the Airbnb Platform.",
    );
    assert.deepEqual([frame.actor, frame.modality], ["user", "must-not"]);
  });

  it("reads a practice of the platform's partners as theirs, affirmed (Instacart)", () => {
    const frame = readStatement(
      "Some of our advertising partners may use cookies, SDKs, or other trackers to collect information about your online activity over time and across different websites or online services.",
    );
    assert.deepEqual([frame.actor, frame.modality, frame.negated], ["partner", "may", false]);
  });

  it("finds the condition that limits a practice", () => {
    const frame = readStatement(
      "We may collect precise location-based information via the App, but only if you permit us to do so.",
    );
    assert.equal(frame.actor, "platform");
    assert.equal(frame.condition, "only if");
  });

  it("reads the passive voice as the platform's doing", () => {
    const frame = readStatement(
      "Apple may share personal data with others at your direction or with your consent, such as when we share information with your carrier to activate your account.",
    );
    assert.equal(frame.actor, "platform");
    assert.match(frame.condition ?? "", /at your direction/);
  });

  it("reads the clause after an infinitive of purpose (Viber's privacy policy, Vimeo's)", () => {
    const sharing = readStatement(
      "To enable the limited advertisements on our Services, we may share device identifiers with advertising partners.",
    );
    assert.deepEqual([sharing.actor, sharing.modality], ["platform", "may"]);
    const rule = readStatement("To create an account, you must provide a valid email address and password.");
    assert.deepEqual([rule.actor, rule.modality], ["user", "must"]);
    // "To the extent…" is a prepositional phrase, read as before.
    const extent = readStatement(
      "To the extent permitted by applicable law, we may receive additional information about you.",
    );
    assert.equal(extent.actor, "platform");
  });

  it("reads a list item without a subject with its lead-in (YouTube's privacy policy)", () => {
    const lead =
      "If you’re a student or work for an organization that uses Google services, your domain administrator and resellers who manage your account will have access to your Google Account. They may be able to:";
    const alone = readStatement("Suspend or terminate your account access");
    const withLead = readStatement("Suspend or terminate your account access", lead);
    assert.equal(alone.actor, "unknown");
    assert.ok(!["unknown", "user"].includes(withLead.actor), withLead.actor);
  });

  it("reads an item that completes a lead-in announcing its list as the practice, not a definition (Snapchat's privacy policy)", () => {
    const lead =
      "**Legal, Safety and Security Partners.** We share your information as necessary for the following legal, safety and security reasons:";
    // The lead-in alone announces the list: the practice is stated in its items.
    assert.equal(readStatement(lead).defines, true);
    const item = readStatement(
      "Comply with any valid legal process, governmental request or applicable law, rule or regulation.",
      lead,
    );
    assert.deepEqual([item.actor, item.hasVerb, item.defines], ["platform", true, false]);
  });

  it("reads the main clause after a leading 'Depending on …,' or 'Based on …,' phrase (Vinted's and Waze's privacy policies)", () => {
    for (const text of [
      "Depending on your type of request or the information requested by you, we may require additional information in order to verify your identity and fulfill your request.",
      "Based on your activity and settings on the Services, we may also suggest to you drive predictions, common destinations, and personalize your ETA.",
    ]) {
      const frame = readStatement(text);
      assert.deepEqual([frame.actor, frame.modality], ["platform", "may"], text);
    }
  });

  it("finds no verb in a heading-like fragment (Discord's privacy policy)", () => {
    const frame = readStatement("A little bit about Discord");
    assert.equal(frame.hasVerb, false);
    assert.equal(frame.actor, "unknown");
  });

  it("reads a sentence from its first words exactly as from all of them (policies of the segment fixtures)", () => {
    const fixtures = fileURLToPath(new URL("../segment/fixtures/", import.meta.url));
    const sentences = readdirSync(fixtures)
      .filter((f) => f.endsWith(".md"))
      .flatMap((f) => readFileSync(join(fixtures, f), "utf8").split("\n"))
      .flatMap((line) => splitSentences(line).map((s) => line.slice(s.start, s.end)))
      .filter((s) => s.length > 100);
    assert.ok(sentences.length > 300, `${sentences.length} long sentences`);
    for (const sentence of sentences) {
      assert.deepEqual(
        readStatement(sentence),
        readStatement(sentence, undefined, Number.POSITIVE_INFINITY),
        sentence,
      );
    }
  });

  it("reads every item under a lead-in that forbids as a rule for the user (YouTube's terms)", () => {
    const lead = "The following restrictions apply to your use of the Service. You are not allowed to:";
    const item =
      "collect or use any information that might identify a person (for example, harvesting usernames or faces), unless permitted by that person or allowed under section 3 above;";
    assert.deepEqual([readStatement(item).actor], ["unknown"]);
    const frame = readStatement(item, lead);
    assert.deepEqual([frame.actor, frame.modality], ["user", "must-not"]);
  });

  it("reads a glossary entry as a definition (WeChat's privacy policy)", () => {
    const frame = readStatement(
      '**"Log Data"** is information that is automatically collected when you use WeChat, including:',
    );
    assert.equal(frame.defines, true);
  });

  it("does not take a capitalised data term for the platform's name (Netflix's privacy policy)", () => {
    const frame = readStatement(
      "Cookies are small data files that are commonly stored on your device when you browse and use websites and online services.",
    );
    assert.equal(frame.actor, "unknown");
  });

  it("reads a table row cell by cell (Coinbase's and Snapchat's trackers policies)", () => {
    // A cookie row names a cookie, a purpose and a duration: nobody acts in it.
    const cookie = readStatement("| CB-CLIENT | Support website performance | 2 years |");
    assert.equal(cookie.actor, "unknown");
    // A cell that is a sentence says who does what.
    const marketing = readStatement(
      "| Marketing | We use these cookies to deliver advertisements, to make them more relevant and meaningful to consumers, and to track the efficiency of our advertising campaigns, both on our services and on other websites or mobile apps. |",
    );
    assert.deepEqual([marketing.actor, marketing.hasVerb], ["platform", true]);
  });

  it("reads a purpose cell that opens with a verb as the platform's purpose (a cookie table row)", () => {
    const row = readStatement(
      "| Advertising | Deliver relevant ads to you on other websites and measure their performance. | Meta Pixel |",
    );
    assert.deepEqual([row.actor, row.hasVerb], ["platform", true]);
    // The same words outside a table have no subject of their own: nobody is said to act.
    assert.equal(
      readStatement("Deliver relevant ads to you on other websites and measure their performance.").actor,
      "unknown",
    );
  });

  it("reads past an example list in the subject, '…, including X, …' (Yelp's and PayPal's privacy policies)", () => {
    // "including" is no main verb, and the statement no definition: the verb group comes after the list.
    const monitored = readStatement(
      "Our communications with you, including phone calls, may be monitored and recorded for quality purposes.",
    );
    assert.deepEqual([monitored.actor, monitored.modality, monitored.defines], ["platform", "may", false]);
    const shared = readStatement(
      "We and other organisations, including parties that accept PayPal, may also share, access and use (including from other countries) necessary information (including, without limitation the information recorded by fraud prevention agencies) to help us and them assess and to manage risk (including, without limitation, to prevent fraud, money laundering and terrorist financing).",
    );
    assert.deepEqual([shared.modality, shared.defines], ["may", false]);
    // A list that is the main verb's object still defines ("Partners include ad networks…").
    assert.equal(readStatement("Partners include ad networks, exchanges and others").defines, true);
  });

  it("reads 'only … to the extent necessary' as a limiting condition (Bluesky's privacy policy)", () => {
    const frame = readStatement(
      "**Biometric Information** which is described above and which is collected only by third-party providers to the extent necessary to conduct age or identity verification.",
    );
    assert.match(frame.condition ?? "", /to the extent necessary/);
  });
});
