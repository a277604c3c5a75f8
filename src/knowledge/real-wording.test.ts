/**
 * Every clause type's patterns must fire on real policy wording. The sentences are quoted verbatim (Markdown
 * markup removed) from the latest versions in the Open Terms Archive "contrib" collection (attribution: Open
 * Terms Archive contributors, ODC-By 1.0) unless the source says otherwise.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy } from "./load-taxonomy.js";
import { matchPatterns, mentionsSubject } from "./match-patterns.js";

interface Quote {
  type: string;
  source: string;
  text: string;
}

const QUOTES: Quote[] = [
  {
    type: "data-from-other-sources",
    source: "Facebook/Trackers Policy",
    text: "You can review your Off-Facebook activity, which is a summary of activity that businesses and organisations share with us about your interactions with them, such as visiting their apps or websites.",
  },
  {
    type: "sensitive-data",
    source: "GitHub/Privacy Policy",
    text: "Demographic information: In some cases, you provide us with ethnicity, gender, or similar demographic details.",
  },
  {
    type: "biometric-data",
    source: "Zoom/Privacy Policy",
    text: "Zoom will store and use your reference photo and data about your facial geometry and features for this purpose while your account owner or administrator and you have this feature enabled.",
  },
  {
    type: "session-replay",
    source: "UptimeRobot/Privacy Policy",
    text: "Miscrosoft Clarity: To capture how you use and interact with our website through behavioral metrics, heatmaps, and session replay to improve and market our products/services.",
  },
  {
    type: "claim-time-limit",
    source: "Zoom/Terms of Service",
    text: "To the extent permitted by applicable Law, and notwithstanding any other statute of limitations, any claim or cause of action under this Agreement (with the exception of disputes under Section 27.2(2)) must be filed within one (1) year after such claim or cause of action arose, or else that claim or cause of action will be permanently barred.",
  },
  {
    type: "limitation-of-liability",
    source: "Airbnb/Terms of Service",
    text: "The Airbnb Platform and Collective Content is provided “as is”, without warranty of any kind, either express or implied.",
  },
  {
    type: "data-collected",
    source: "Reddit/Privacy Policy",
    text: "We collect information you provide to us directly when you use the Services.",
  },
  {
    type: "sensitive-data",
    source: "Pinterest/Privacy Policy",
    text: "Depending on where you live, and with your consent, identify your precise location and customize your experience on our Services.",
  },
  {
    type: "automatic-collection",
    source: "Telegram/Privacy Policy",
    text: "To improve the security of your account, as well as to prevent spam, abuse, and other violations of our Terms of Service, we may collect metadata such as your IP address, devices and Telegram apps you've used, history of username changes, etc.",
  },
  {
    type: "data-from-other-sources",
    source: "Apple/Privacy Policy",
    text: "Apple may receive personal data about you from other individuals, from businesses or third parties acting at your direction, from our partners who work with us to provide our products and services and assist us in security and fraud prevention, and from other lawful sources.",
  },
  {
    type: "ai-model-training",
    source: "Apple/Privacy Policy",
    text: "Your private personal data is not used to train our foundational AI models.",
  },
  {
    type: "voice-audio-capture",
    source: "Binance/Privacy Policy",
    text: "Recording of voice calls with you may be kept for a period of up to six years, for audit/ compliance purposes and to resolve disputes and/or legal claims.",
  },
  {
    type: "automated-decisions",
    source: "Coinbase/Privacy Policy",
    text: "We may utilize automated decision-making for fulfilling our regulatory and contractual obligations in relation to the safety, security and integrity of our Services.",
  },
  {
    type: "research-use",
    source: "Badoo/Privacy Policy",
    text: "From time to time, we run surveys for research purposes and we may contact you to find out if you would like to take part.",
  },
  // No proctoring wording exists in the corpus (no education platform); the closest real provision is employer monitoring.
  {
    type: "remote-proctoring",
    source: "LinkedIn/Privacy Policy",
    text: "Your employer can see how you use Services they provided for your work (e.g. as a recruiter or sales agent) and related information.",
  },
  {
    type: "legal-bases",
    source: "Vinted/Privacy Policy",
    text: "Legal basis for such collection and use is our legitimate interest in improving the Platform and ensuring that our members receive relevant suggestions and search results (Art. 6 (1) (f) of the GDPR).",
  },
  {
    type: "sharing-service-providers",
    source: "Apple/Privacy Policy",
    text: "Apple service providers are obligated to handle personal data consistent with this Privacy Policy and according to our instructions.",
  },
  {
    type: "sharing-institutional-clients",
    source:
      "Coursera Privacy Notice, as quoted in shared/seeds/conductatlas-coursera-institutional-sharing-provision.txt",
    text: "If you are accessing Coursera through a subscription purchased by your employer, educational institution, or other organization, that organization may have access to certain information about your activity on Coursera, including the courses you've started and completed, and your progress through courses.",
  },
  {
    type: "sharing-institutional-clients",
    source: "LinkedIn/Privacy Policy",
    text: "Your employer can review and manage your use of such enterprise Services.",
  },
  {
    type: "sharing-affiliates",
    source: "YouTube/Privacy Policy",
    text: "We provide personal information to our affiliates and other trusted businesses or persons to process it for us, based on our instructions and in compliance with our Privacy Policy and any other appropriate confidentiality and security measures.",
  },
  {
    type: "sale-of-data",
    source: "Discord/Privacy Policy",
    text: "We don’t sell your personal information.",
  },
  {
    type: "targeted-advertising",
    source: "TikTok/Privacy Policy",
    text: "With your consent, we serve you personalised ads on the Platform based on your activity on and off the Platform.",
  },
  {
    type: "analytics-providers",
    source: "Bumble/Trackers Policy",
    text: "Bumble uses Google Analytics to collect information about how visitors use the Bumble Site.",
  },
  {
    type: "single-sign-on",
    source: "Reddit/Privacy Policy",
    text: "For example, if you sign in to Reddit with a third-party identity provider, that provider may share an email address with us.",
  },
  {
    type: "payment-processors",
    source: "Discord/Privacy Policy",
    text: "This includes payment processors like Stripe and PayPal that process transactions on our behalf and cloud providers like Google that host our data and our services.",
  },
  {
    type: "deidentified-aggregate-sharing",
    source: "Gmail/Privacy Policy",
    text: "We may share non-personally identifiable information publicly and with our partners – such as publishers, advertisers, developers or rights holders.",
  },
  {
    type: "public-profile",
    source: "Match/Privacy Policy",
    text: "Since our goal is to help you make meaningful connections, some of your information is of course visible to other members on the service.",
  },
  {
    type: "business-transfer",
    source: "Coinbase/Privacy Policy",
    text: "Also, if we (or our assets) are acquired, merged, reorganized, or if we go out of business, enter bankruptcy, or go through some other change of control or similar event, your personal information could be one of the assets transferred to the acquiring party.",
  },
  {
    type: "law-enforcement-disclosure",
    source: "LinkedIn/Privacy Policy",
    text: "We may need to share your data when we believe it’s required by law or to help protect the rights and safety of you, us or others.",
  },
  {
    type: "international-transfer",
    source: "YouTube/Privacy Policy",
    text: "We maintain servers around the world and your information may be processed on servers located outside of the country where you live.",
  },
  {
    type: "right-access",
    source: "WeTransfer/Privacy Policy",
    text: "You have the right to receive access to your personal information, including a copy thereof.",
  },
  {
    type: "right-portability",
    source: "Snapchat/Privacy Policy",
    text: "You can make a request in our Download My Data tool to export a copy of your Snapchat information.",
  },
  {
    type: "right-correction",
    source: "Reddit/Privacy Policy",
    text: "Depending on where you live, you may also have the right to correction/rectification of your personal information, to opt out of certain advertising practices, or to withdraw consent for processing where you have previously provided consent.",
  },
  {
    type: "right-deletion",
    source: "Bumble/Terms of Service",
    text: "You can delete your Account at any time by logging into the App, going to the “Settings” tab (the gear icon), and following the instructions to terminate your account.",
  },
  {
    type: "retention-period",
    source: "Bumble/Terms of Service",
    text: "If a Pitch is not completed or downloaded, Bumble will generally delete the associated Pitch Content within 7 days.",
  },
  {
    type: "backup-retention",
    source: "Waze/Terms of Service",
    text: "Upon receiving such a request, Waze will use reasonable efforts to delete such information, however please note that information may not be deleted immediately from our back-up systems.",
  },
  {
    type: "right-object-opt-out",
    source: "WhatsApp/Privacy Policy",
    text: "When we process your data as necessary for a task carried out in the public interest, you have the right to object to, and seek restriction of, our processing.",
  },
  {
    type: "consent-withdrawal",
    source: "Samsung/Privacy Policy",
    text: "When we ask for your consent, we will give you information about what information we are using, and how you can revoke your consent.",
  },
  {
    type: "do-not-track-gpc",
    source: "Netflix/Privacy Policy",
    text: 'We do not currently respond to web browser “do not track" signals.',
  },
  {
    type: "anonymous-use",
    source: "Google/Privacy Policy",
    text: "And you can use many Google services when you’re signed out or without creating an account at all; for example, searching on Google or watching YouTube videos.",
  },
  {
    type: "state-privacy-notice",
    source: "Waze/Privacy Policy",
    text: "If you have questions or requests related to your rights under U.S. state privacy laws, you (or your authorized agent) can also contact Waze at privacy@waze.com.",
  },
  {
    type: "security-measures",
    source: "Signal/Terms of Service",
    text: "Signal Messenger LLC. (“Signal”) utilizes state-of-the-art security and end-to-end encryption to provide private messaging, Internet calling, and other services to users worldwide.",
  },
  {
    type: "security-disclaimer",
    source: "Lyft/Privacy Policy",
    text: "But no security measures can be 100% effective, and we cannot guarantee the security of your information, including against unauthorized intrusions or acts by third parties.",
  },
  {
    type: "breach-notification",
    source: "Evernote/Privacy Policy",
    text: "If we learn of a security system breach, we may attempt to notify you and provide information on protective steps, if available, through the email address, phone number, or other contact information that you have provided to us or by posting a notice on the Evernote website and/or via other communication platforms.",
  },
  {
    type: "breach-notification",
    source: "Hugging Face/Privacy Policy",
    text: "In the event of an incident affecting your Personal Information, we will act promptly acceptable means to identify and address the incident, and to notify you.",
  },
  {
    type: "childrens-data",
    source: "Twitter/Privacy Policy",
    text: "We do not knowingly collect personal information from children under 13.",
  },
  {
    type: "policy-change-notice",
    source: "WeTransfer/Privacy Policy",
    text: "We may update this Privacy Policy from time to time.",
  },
  {
    type: "privacy-contact",
    source: "WhatsApp/Privacy Policy",
    text: "You have the right to lodge a complaint with WhatsApp's lead supervisory authority, the Irish Data Protection Commission, or any other competent data protection supervisory authority.",
  },
  {
    type: "arbitration",
    source: "Amazon.com/Terms of Service",
    text: "ANY DISPUTE OR CLAIM RELATING IN ANY WAY TO YOUR USE OF ANY AMAZON SERVICE, OR TO ANY PRODUCTS OR SERVICES SOLD OR DISTRIBUTED BY AMAZON OR THROUGH AMAZON.COM, WILL BE RESOLVED BY BINDING ARBITRATION RATHER THAN IN COURT.",
  },
  {
    type: "class-action-waiver",
    source: "Bumble/Terms of Service",
    text: "You agree that you will not file or participate in a class action against us.",
  },
  {
    type: "unilateral-change",
    source: "Tinder/Terms of Service",
    text: "By using our Services, whether through a mobile device, mobile application, or computer, you agree to be bound by (i) these Terms, which we may amend from time to time, (ii) our Privacy Policy, Cookie Policy, Community Guidelines and Safety Tips (iii) any Additional Terms Upon Purchase.",
  },
  {
    type: "content-removal",
    source: "Badoo/Terms of Service",
    text: "We may also remove any Content you submit to Badoo if we believe it violates the Terms or we are required to do so by applicable law.",
  },
  {
    type: "acceptable-use",
    source: "Coinbase/Terms of Service",
    text: "You agree not to copy, transmit, distribute, sell, license, reverse engineer, modify, publish, or participate in the transfer or sale of, create derivative works from, or in any other way exploit any of the Content, in whole or in part.",
  },
  {
    type: "account-suspension",
    source: "TikTok/Terms of Service",
    text: "We might temporarily suspend, permanently restrict or terminate your account, or impose limits on, or restrict your access to features of the Platform if:",
  },
  {
    type: "jurisdiction",
    source: "Tumblr/Terms of Service",
    text: "You agree that any claim or dispute you may have against Tumblr must be resolved exclusively by a state or federal court located in New York County, New York, except as otherwise agreed by the parties.",
  },
  {
    type: "choice-of-law",
    source: "Twitter/Terms of Service",
    text: "The laws of the State of Texas, excluding its choice of law provisions, will govern these Terms and any dispute that arises between you and us, notwithstanding any other agreement between you and us to the contrary.",
  },
  {
    type: "limitation-of-liability",
    source: "OkCupid/Terms of Service",
    text: "IN NO EVENT WILL OKCUPID’S AGGREGATE LIABILITY TO YOU FOR ALL CLAIMS RELATING TO THE SERVICES EXCEED THE AMOUNT PAID, IF ANY, BY YOU TO OKCUPID FOR THE SERVICES WHILE YOU HAVE AN ACCOUNT.",
  },
  {
    type: "unilateral-termination",
    source: "iCloud/Terms of Service",
    text: "You acknowledge and agree that if you do not provide all required account information, Apple shall have the right to terminate your account.",
  },
  {
    type: "contract-by-using",
    source: "Bluesky/Terms of Service",
    text: "By accessing or using Bluesky, you agree to be bound by these Terms.",
  },
  {
    type: "indemnification",
    source: "OkCupid/Terms of Service",
    text: "You are solely responsible and liable for Your Content, and, therefore, you agree to indemnify, defend, release, and hold us harmless from any claims made in connection with Your Content.",
  },
  {
    type: "content-licence",
    source: "Discord/Terms of Service",
    text: "This license is worldwide, non-exclusive (which means you can still license your content to others), royalty-free (which means there are no fees for this license), sublicensable, and transferable.",
  },
  {
    type: "fees-refunds-renewal",
    source: "OkCupid/Terms of Service",
    text: "If you purchase a subscription, it will automatically renew—and you will be charged—until you cancel.",
  },
  {
    type: "creator-payouts",
    source: "Airbnb/Terms of Service",
    text: "Airbnb Payments will deduct amounts you owe from your payout unless we and you agree to a different method.",
  },
  {
    type: "data-from-other-sources",
    source: "Badoo/Privacy Policy",
    text: "We obtain this information from Facebook or the providers of any other accounts you use to log in or connect with your Badoo account",
  },
  {
    type: "automated-decisions",
    source: "Vinted/Privacy Policy",
    text: "We also personalize item feeds by evaluating your preferences according to the following:",
  },
  {
    type: "sensitive-data",
    source: "Booking.com/Privacy Policy",
    text: "For example, when you use our platform from your mobile device, you can decide to allow Booking.com to use your current location or grant us access to other details.",
  },
  {
    type: "targeted-advertising",
    source: "happn/Privacy Policy",
    text: "Cookies may be used on our showcase website for technical, advertising reasons or for measuring audiences.",
  },
  {
    type: "ai-model-training",
    source: "Booking.com/Privacy Policy",
    text: "We may use AI to transcribe and summarise your interactions with our customer service agents.",
  },
  {
    type: "public-profile",
    source: "TikTok/Privacy Policy",
    text: "We may suggest your account to other users, including when a user chooses to sync their contacts with the Platform.",
  },
];

/** Wording unrelated to each type, which must not fire it. */
const NEGATIVES: { type: string; text: string; why: string }[] = [
  {
    type: "data-from-other-sources",
    text: "Data hosting service providers and payment vendors (for off-site data hosting)",
    why: "Coinbase/Privacy Policy: off-site hosting, not the person's activity elsewhere",
  },
  {
    type: "sensitive-data",
    text: "Encourages or facilitates any illegal activity including, without limitation, terrorism, inciting racial hatred or the submission of which in itself constitutes committing a criminal offense;",
    why: "OkCupid/Terms of Service: a rule against racial hatred names no race data",
  },
  {
    type: "sale-of-data",
    text: "Amazon does not sell products for purchase by children.",
    why: "Amazon/Privacy Policy: selling products, not data",
  },
  {
    type: "breach-notification",
    text: "You agree to notify us immediately of any breach of security or unauthorized use of your account.",
    why: "the user's duty, not the platform's notice",
  },
  {
    type: "unilateral-termination",
    text: "You may terminate your account at any time by using the account deletion option in your settings.",
    why: "the user's own right to leave",
  },
  {
    type: "backup-retention",
    text: "By adding a backup Payment Method, you authorize Zoom to process any applicable fees.",
    why: "Zoom/Terms of Service: backup card, not backup copies",
  },
  {
    type: "security-measures",
    text: "Please read our Cookie Policy at https://example.com/cookies for details.",
    why: "a URL is not HTTPS security",
  },
  {
    type: "law-enforcement-disclosure",
    text: "APPLE DOES NOT GUARANTEE OR WARRANT THAT ANY CONTENT YOU MAY STORE OR ACCESS THROUGH THE SERVICE WILL NOT BE SUBJECT TO INADVERTENT DAMAGE.",
    why: "iCloud/Terms of Service: 'warrant' as a verb",
  },
  {
    type: "payment-processors",
    text: "Klarna offers you to pay later for your purchases.",
    why: "a payment brand in its own terms",
  },
  {
    type: "right-object-opt-out",
    text: "You may opt out of this arbitration agreement within 30 days.",
    why: "arbitration opt-out, not a privacy opt-out",
  },
  {
    type: "data-from-other-sources",
    text: "If you log in to or access the App through your Facebook account or another third-party account on a device which you share with others, remember to log out of the App and the relevant third-party account when you leave the device in order to prevent other users from accessing your Badoo account.",
    why: "Badoo/Privacy Policy: advice on a shared device, no data received",
  },
  {
    type: "automated-decisions",
    text: "If you have an account on our platform, we link your browsing activity across different sessions and devices to give you a continuous experience.",
    why: "Booking.com/Privacy Policy: linking sessions, nothing ranked or decided",
  },
  {
    type: "sensitive-data",
    text: "When you use our native applications, including mobile and desktop versions, we (or platform and operating system providers) may collect certain technical information.",
    why: "Proton Mail/Privacy Policy: technical information, no location",
  },
  {
    type: "targeted-advertising",
    text: "In the Application, cookies and tracking tools may be used for technical reasons and for measuring audiences.",
    why: "happn/Privacy Policy: technical and audience-measurement trackers, not advertising",
  },
  {
    type: "ai-model-training",
    text: "Re-assessing our use of AI systems to ensure risks continue to be adequately mitigated",
    why: "Booking.com/Privacy Policy: AI governance, no data of the person",
  },
  {
    type: "public-profile",
    text: "We also personalise certain features and content such as providing your “For You” feed, which shows you videos that we think you would be interested in",
    why: "TikTok/Privacy Policy: what is shown to you, not your profile shown to others",
  },
];

/** Everyday sentences that no clause type should claim. */
const UNRELATED = [
  "Our offices are closed on public holidays.",
  "The weather in Dublin was mild this spring.",
  "Welcome to the help centre for our mobile app.",
];

describe("patterns fire on real policy wording", () => {
  const taxonomy = loadTaxonomy();

  for (const quote of QUOTES) {
    it(`${quote.type} ← ${quote.source}`, () => {
      const type = taxonomy.byId.get(quote.type);
      assert.ok(type, `unknown type ${quote.type}`);
      const hits = matchPatterns(type, quote.text);
      assert.ok(hits.length > 0, `no pattern of ${quote.type} fired`);
      const first = hits[0];
      assert.ok(first && first.end > first.start, "the evidence span is non-empty");
    });
  }

  it("covers every clause type with at least one quote", () => {
    const quoted = new Set(QUOTES.map((quote) => quote.type));
    const missing = taxonomy.types.filter((type) => !quoted.has(type.id)).map((type) => type.id);
    assert.deepEqual(missing, []);
  });
});

describe("decisive wording states its type on its own", () => {
  // A claim barred unless brought within a year is a claim time limit wherever it stands, also at the end of a
  // governing-law paragraph whose other sentences carry the model's score elsewhere.
  it("a claim that must be filed within one year or is barred (Tumblr's terms)", () => {
    const type = loadTaxonomy().byId.get("claim-time-limit");
    assert.ok(type);
    const text =
      "You agree that any claim you may have arising out of or related to this Agreement or your relationship with Tumblr must be filed within one year after such claim arose; otherwise, your claim is permanently barred.";
    const decisive = matchPatterns(type, text).filter((hit) => hit.pattern.decisive);
    assert.deepEqual(
      decisive.map((hit) => hit.pattern.id),
      ["within-period-barred", "claim-must-commence"],
    );
  });
});

describe("account suspension is of the person's access, not of the whole service", () => {
  const suspension = loadTaxonomy().byId.get("account-suspension");
  const fired = (text: string): string[] => {
    assert.ok(suspension);
    return matchPatterns(suspension, text).map((hit) => hit.pattern.id);
  };

  it("the service modified, suspended or discontinued at any time is not (Reddit's terms)", () => {
    const text =
      "We reserve the right to modify, suspend, or discontinue the Services (in whole or in part) at any time, with or without notice to you.";
    assert.deepEqual(fired(text), []);
  });

  it("the person's access suspended at any time is (Spotify's terms)", () => {
    const text =
      "Spotify may terminate the Agreements or suspend your access to the Spotify Service at any time, including in the event of your actual or suspected unauthorized use of the Spotify Service and/or Content, or non-compliance with the Agreements, or if we withdraw Services and/or Content (in which case we shall provide you with reasonable notice in advance of doing so).";
    assert.ok(fired(text).includes("may-suspend-discretion"), String(fired(text)));
  });
});

describe("patterns stay quiet on unrelated wording", () => {
  const taxonomy = loadTaxonomy();

  for (const negative of NEGATIVES) {
    it(`${negative.type} ✗ ${negative.why}`, () => {
      const type = taxonomy.byId.get(negative.type);
      assert.ok(type);
      assert.deepEqual(
        matchPatterns(type, negative.text).map((hit) => hit.pattern.id),
        [],
      );
    });
  }

  it("no clause type claims everyday sentences", () => {
    for (const text of UNRELATED) {
      const fired = taxonomy.types
        .filter((type) => matchPatterns(type, text).length > 0)
        .map((type) => type.id);
      assert.deepEqual(fired, [], text);
    }
  });
});

describe("subject gates settle type boundaries on real wording", () => {
  const unilateralChange = loadTaxonomy().byId.get("unilateral-change");
  const securityDisclaimer = loadTaxonomy().byId.get("security-disclaimer");

  it("a privacy-notice change announced beforehand is not a unilateral change of terms (LinkedIn's privacy policy)", () => {
    assert.ok(unilateralChange);
    const text =
      "LinkedIn (“we” or “us”) can modify this Privacy Policy, and if we make material changes to it, we will provide notice through our Services, or by other means, to provide you the opportunity to review the changes before they become effective.";
    assert.equal(mentionsSubject(unilateralChange, text), false);
  });

  it("security measures are not a security disclaimer (WeTransfer's privacy policy)", () => {
    assert.ok(securityDisclaimer);
    const text =
      "WeTransfer takes technical and organisational measures to protect your personal information against loss or other forms of unlawful processing. We take these measures against industry standards and certifications.";
    assert.equal(mentionsSubject(securityDisclaimer, text), false);
  });

  it("security that cannot be guaranteed is one (Badoo's privacy policy)", () => {
    assert.ok(securityDisclaimer);
    const text =
      "We cannot guarantee the security of your personal data while it is being transmitted to our site and any transmission is at your own risk.";
    assert.equal(mentionsSubject(securityDisclaimer, text), true);
  });

  it("a change of the terms, announced or not, still is (Bluesky's terms)", () => {
    assert.ok(unilateralChange);
    const text =
      "We may update these Terms periodically. We will always post the revised version here and we will notify you through the App, website, or other communication channel if we make any material changes.";
    assert.equal(mentionsSubject(unilateralChange, text), true);
  });

  // Issue 11, review of clause types: a subject gate drops wording that belongs to a neighbouring type, and keeps
  // the type's own wording.
  const GATES: { type: string; why: string; text: string; mentions: boolean }[] = [
    {
      type: "claim-time-limit",
      why: "a notice of dispute and an informal negotiation window are no claim time limit (Evernote's terms)",
      text: "Notice and Informal Resolution. You agree that prior to initiating any formal proceedings against us, including arbitration proceedings, you will send us a notice to our attorneys at legalnotice@evernote.com and state that you are providing a “Notice of Dispute.” We agree that prior to initiating any formal proceedings against you, including arbitration proceedings, we will send a notice to the email address associated with your account, and will state that we are providing a “Notice of Dispute.” Upon receipt of a Notice of Dispute, you and we shall attempt to resolve the dispute through informal negotiation within sixty (60) days from the date the Notice of Dispute is sent (“Informal Resolution Period”). If the dispute remains unresolved, either you or we may initiate formal proceedings according to these Terms.",
      mentions: false,
    },
    {
      type: "claim-time-limit",
      why: "a claim that must be filed within a year is one (Evernote's terms)",
      text: "You agree that regardless of any statute or law to the contrary or the applicable dispute resolution process, any claim or cause of action you may have arising out of or related to use of the Evernote Service or otherwise under these must be filed within one (1) year after such claim or cause of action arose or you hereby agree to be forever barred from bringing such claim.",
      mentions: true,
    },
    {
      type: "retention-period",
      why: "a suspension that lasts as long as necessary is no retention period (happn's terms)",
      text: "HAPPN will be entitled to suspend a Member’s account as long as necessary to allow HAPPN’s customer service team to make all investigations necessary following the report as required by Article 7.3 hereof or in case of presumed breach of TOS which may be remediated.",
      mentions: false,
    },
    {
      type: "retention-period",
      why: "data kept after deactivation for a period is a retention period (Miro's privacy policy)",
      text: "Further, note that we may keep certain types of Services Data after the deactivation of an account for the period needed for Miro to pursue legitimate business interests, conduct audits, comply with (and demonstrate compliance with) legal obligations, resolve disputes, and enforce our agreements.",
      mentions: true,
    },
    {
      type: "sharing-service-providers",
      why: "information that providers give the platform is not sharing with them (Lyft's privacy policy)",
      text: "Service Providers and Other Parties. Service providers and other parties provide us with information needed for core aspects of the Lyft Platform, as well as for additional services, programs, loyalty benefits, and promotions that can enhance your Lyft experience. These service providers and other parties include background check providers, insurance partners, financial service providers, marketing providers, and other businesses. We obtain the following information about you from these parties:",
      mentions: false,
    },
    {
      type: "sharing-service-providers",
      why: "providers the platform uses still are, though it receives information from them (Coinbase's privacy policy)",
      text: "| Research and In-App Survey Information | We use third party service providers to conduct in-app surveys to better understand our Customers’ experience and improve our Services. The information we receive from our research partners is pseudonymous |",
      mentions: true,
    },
  ];
  for (const gate of GATES) {
    it(gate.why, () => {
      const type = loadTaxonomy().byId.get(gate.type);
      assert.ok(type, gate.type);
      assert.equal(mentionsSubject(type, gate.text), gate.mentions);
    });
  }
});
