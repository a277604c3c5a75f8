/**
 * Severity and polarity rules of privacy practices against READING.md, on real sentences of the shared corpus
 * (ota-contrib privacy policies; none is in the reading sets): front-page practices are high, the same practice
 * left to the person's choice, or otherwise short of the high list, is medium; a limit or a denial is protective.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadTaxonomy } from "./load-taxonomy.js";
import { matchPatterns, mentionsSubject } from "./match-patterns.js";
import { resolvePolarity, resolveSeverity } from "./resolve-rules.js";
import type { Polarity, Severity } from "./schema.js";

const taxonomy = loadTaxonomy();

/** Whether pattern `patternId` of clause type `typeId` fires on a text. */
function patternFires(typeId: string, patternId: string): (text: string) => boolean {
  const type = taxonomy.byId.get(typeId);
  assert.ok(type, typeId);
  return (text) => matchPatterns(type, text).some((h) => h.pattern.id === patternId);
}

/** Whether pattern `patternId` of clause type `typeId` fires on a text and the type's subject gate lets it through. */
function patternFindsType(typeId: string, patternId: string): (text: string) => boolean {
  const type = taxonomy.byId.get(typeId)!;
  const fires = patternFires(typeId, patternId);
  return (text) => fires(text) && mentionsSubject(type, text);
}

/**
 * A case: why, the platform quoted, the clause type, its text and the severity (or, for a polarity rule, the
 * polarity) a careful reader gives it.
 */
type Case = [why: string, platform: string, type: string, text: string, expected: Severity | Polarity];

const POLARITIES: readonly string[] = ["protective", "neutral", "concerning"];

const CASES: Case[] = [
  [
    "precise location collected in the background is high",
    "Lyft",
    "sensitive-data",
    "Drivers: We collect your device's precise location when you open and use the app, including while the app is running in the background. If you choose to install a Lyft Platform device in or on your vehicle (e.g., a Lyft dashboard device or a tablet), that device may collect precise location information when turned on.",
    "high",
  ],
  [
    "a biometric identity check that is not optional is high",
    "Binance",
    "sensitive-data",
    "We use your personal data, including biometric information for identity verification and information relating to criminal convictions or alleged offences to prevent and detect fraud, other financial crime, and crime generally.",
    "high",
  ],
  [
    "GPS location used only with permission is medium",
    "Viber",
    "sensitive-data",
    "**GPS based location**, we will collect and use the GPS location for very specific purposes (as detailed below), and solely if you gave us permission.",
    "medium",
  ],
  [
    "GPS location subject to the permissions given is medium",
    "Viber",
    "sensitive-data",
    "Subject to the permissions you have provided, we may use your GPS location data for the purpose of providing you with location-based marketing offers, and communications.",
    "medium",
  ],
  [
    "a precise location used only where the person explicitly permitted it is medium",
    "Spotify",
    "sensitive-data",
    "To improve our personalized recommendations and to improve the Spotify experience for all users, based on precise location data (where available and explicitly permitted by you).",
    "medium",
  ],
  [
    "a precise location the person chooses to share is medium",
    "X",
    "sensitive-data",
    "**Location information.** When you use X, we collect some information about your approximate location to provide the service you expect, including showing you relevant ads. You can also choose to share your current precise location or places where you’ve previously used X by enabling these settings in your account.",
    "medium",
  ],
  [
    "an approximate location inferred from the IP address, precise location named only as not shared, is low (labels: IP-derived locations are automatic collection, not sensitive data)",
    "Pinterest",
    "sensitive-data",
    "**Location Information**: We use your IP address to infer your approximate location, even if you don't choose to share your precise location, and photos you share may include information about the location where they were taken.",
    "low",
  ],
  [
    "background collection counts only in the sentence naming the precise location",
    "Yelp",
    "sensitive-data",
    "We also store information that your computer or mobile device may provide to us in connection with your use of the Service, such as your browser type, type of computer or mobile device, browser language, IP address, WiFi information such as SSID, mobile carrier, phone number, unique device identifier, advertising identifier, location (including geolocation, beacon based location, and GPS location), and requested and referring URLs and mobile applications. We may also receive and store your location whenever our mobile applications are running, including when running in the background, if you enable our mobile apps to access such information in the course of using the Service.",
    "medium",
  ],
  [
    "face capture subject to consent is medium",
    "happn",
    "biometric-data",
    "For the purposes of fraud prevention and ensuring the safety of Members, HAPPN reserves the right, subject to your consent, to conduct facial image capture or verify an identity document at the time of registration or during use of the Service.",
    "medium",
  ],
  [
    "an optional face ID is medium",
    "WeChat",
    "biometric-data",
    "**ID Verification Information (optional).** Unique face ID (hashed), selfie photos, vectors derived from encoding faces, videos and ID information",
    "medium",
  ],
  [
    "scans the vendor deletes within days are medium",
    "Bumble",
    "biometric-data",
    "Veriff will delete any data collected during the verification process, such as a selfie, the photograph of your ID, and any biometric data it may have collected, within 72 hours and never retain it for longer than 30 days after the verification is complete.",
    "medium",
  ],
  [
    "a biometric check that is not optional stays high",
    "Binance",
    "biometric-data",
    "We use your personal data, including biometric information for identity verification and information relating to criminal convictions or alleged offences to prevent and detect fraud, other financial crime, and crime generally.",
    "high",
  ],
  [
    "AI tools learning from you, run with partners, are medium: AI training is not on the high list",
    "PayPal",
    "ai-model-training",
    "PayPal is committed to offering innovative and personalized experiences, and we may, directly or through our trusted partners, provide you with access to Agentic AI tools (“Agentic AI Tools”). These AI tools are designed to operate with a degree of autonomy, enabling them to perform tasks, make recommendations, and even initiate actions on your behalf, all while learning from your interactions.",
    "medium",
  ],
  [
    "a link to the advertising technologies names no practice",
    "Google",
    "targeted-advertising",
    "Technologies used for [Advertising](https://policies.google.com/technologies/ads?hl=en-GB&gl=IE)",
    "low",
  ],
  [
    "anonymised data that improves products, ads among them, chooses no ad for you",
    "Instagram",
    "targeted-advertising",
    "In some cases, we anonymize information we have associated with you, such as your activity on and off our Products, and use the resulting information, for example, to provide and improve our Meta Products, including ads.",
    "low",
  ],
  [
    "a change-log line about advertising tools is not a practice",
    "Telegram",
    "targeted-advertising",
    "The Privacy Policy was updated to describe geographic limitations and other advertising tools that may affect the ways how ads are displayed.",
    "low",
  ],
  [
    "third parties tracking you with pixels where they provide advertising stays medium",
    "Samsung",
    "targeted-advertising",
    "Some of the content, advertising, and functionality in our Services is provided by third parties. These third parties may use cookies, beacons, tracking pixels, and other tools to collect information about your use of these Services.",
    "medium",
  ],
  [
    "activity sent to advertising platforms stays at least medium",
    "Vinted",
    "targeted-advertising",
    "In order to optimize our advertising campaigns, we send certain information on your activities like apps opened, sessions, registrations, logins, information about you listing an item, uploading an item’s photo or buying an item, etc. to Google and Facebook advertising platforms.",
    "medium",
  ],
  [
    "data about ads you see on or off the service stays medium",
    "X",
    "targeted-advertising",
    "**Advertisements.** When you view or interact with ads we serve on or oﬀ X, we may collect information about those views or interactions (e.g., watching a video ad or preroll, clicking on an ad, interacting with reposts of or replies to an ad).",
    "medium",
  ],
  [
    "the platform's own ads on other platforms, measured when clicked, are medium",
    "Discord",
    "targeted-advertising",
    "For example, when we advertise for Discord on third party platforms, if you click on the ad, we may receive information about which ad you saw and on which platform.",
    "medium",
  ],
  [
    "the platform's own campaigns on third-party platforms are medium",
    "Viber",
    "targeted-advertising",
    "When we advertise our Services to you on third party platforms, we might receive indications of which advertisement led you to join our Service based on unique device identifiers associated with your device, in order, among others, to assess the performance of our campaigns",
    "medium",
  ],
  [
    "interactions with the platform's own ads elsewhere are medium",
    "Match",
    "targeted-advertising",
    "We also receive data related to interactions you have with our ads on third party websites or apps, if applicable.",
    "medium",
  ],
  [
    "partners tracking you across websites to tailor ads stays high, own ads elsewhere besides",
    "Instacart",
    "targeted-advertising",
    "Some of our advertising partners may use cookies, SDKs, or other trackers to collect information about your online activity over time and across different websites or online services. This means that you may see advertisements while using the Services that are tailored to you, or you may see advertisements for Instacart on other online services, based on your use of the Services or your browsing behavior across other online services.",
    "high",
  ],
  [
    "a disclosure listed under 'we are not in the business of selling' is no sale",
    "Evernote",
    "sale-of-data",
    "We are not in the business of selling or renting your personal data. Here are instances when we may disclose your personal data — and then only the minimum information necessary:\nWe may disclose personal data covered by this policy with our parents, subsidiaries, and affiliated companies.",
    "low",
  ],
  [
    "what an advertiser gives to sign up for a 'self-serve ads platform' shows no ad to the person",
    "Reddit, 2022 version",
    "targeted-advertising",
    "If you use Reddit Ads (Reddit's self-serve ads platform at ads.reddit.com) we collect some additional information. To sign up for Reddit Ads, you must provide your name, email address, and information about your company. If you purchase advertising services, you will need to provide transactional information as described above, and we may also require additional documentation to verify your identity.",
    "low",
  ],
  [
    "a denial of permanent retention is protective",
    "WeChat",
    "retention-period",
    "**We do not permanently retain chat data on our servers** and it only passes through our servers so that it can be distributed to your intended recipients.",
    "protective",
  ],
  [
    "messages 'permanently deleted after three months' are no indefinite retention",
    "Vinted",
    "retention-period",
    "If you decide to remove a message from a conversation, it will be instantly hidden for you and the recipient, and permanently deleted after three (3) months from the moment you remove it.",
    "protective",
  ],
  [
    "an account 'permanently locked' is no indefinite retention either",
    "Vinted",
    "retention-period",
    "If your account remains permanently locked, we retain your data for this purpose for five (5) years after your last activity on the Platform.",
    "neutral",
  ],
  [
    "identifiers kept indefinitely are concerning",
    "X",
    "retention-period",
    "Where you violate our Rules and your account is suspended, we may keep the identifiers you used to create the account (such as your email address or phone number) indefinitely to prevent repeat policy offenders from creating new accounts.",
    "concerning",
  ],
  [
    "data kept even if the person deletes it or the account is concerning (READING.md: retention after deletion)",
    "Discord",
    "right-deletion",
    "Content may be retained by Discord for use as described elsewhere in this policy and in [our data retention policy](https://support.discord.com/hc/en-us/articles/5431812448791). Also, in limited circumstances, we may have a legal obligation to retain certain information, even if you delete the information or your account.",
    "concerning",
  ],
  [
    "biometric scans the vendor deletes within hours are a protective limit",
    "Bumble",
    "biometric-data",
    "Veriff will delete any data collected during the verification process, such as a selfie, the photograph of your ID, and any biometric data it may have collected, within 72 hours and never retain it for longer than 30 days after the verification is complete.",
    "protective",
  ],
  [
    "an approximate location inferred from the precise one is medium (the inference, not the precise collection)",
    "Lyft",
    "sensitive-data",
    "Inferences. We may infer certain information from your interactions with the Lyft Platform and other personal information available to us. For example, if you frequently ride to or from airports, we may infer you are a frequent traveler. We may infer your approximate location from your precise location. We may also draw inferences from the information you provide to us, such as inferring your gender based on your first name.",
    "medium",
  ],
  [
    "a location derived from the IP address, under a lead-in that defines location data with GPS, is medium",
    "WeChat",
    "sensitive-data",
    '"Location Data" is information that is derived from your GPS (GPS coordinates), WiFi (approximate city location), IP address (country location), or public posts that contain location information (the location you geo-tag). Location Data will be disclosed (either to us, to other users, or both):\nwhen you access WeChat, we automatically derive Location Data from your IP address, device, or internet service for security purposes including to prevent fraudulent log-ins and connections to your account.',
    "medium",
  ],
  [
    "a location only approximated from the IP address is no precise geolocation: low",
    "YouTube",
    "sensitive-data",
    "We also may use your IP address to determine your approximate location, so that we can serve you ads for a nearby pizza delivery service if you search for “pizza.”",
    "low",
  ],
  [
    "an approximate location stated with a precise one the person chooses to share stays medium",
    "X",
    "sensitive-data",
    "Location Information. When you use X, we collect some information about your approximate location to provide the service you expect, including showing you relevant ads. You can also choose to share your current precise location or places where you’ve previously used X by enabling these settings in your account.",
    "medium",
  ],
  [
    "the notice of a policy change is low even when changes take effect on posting (labels: never medium; the concern is unilateral change and acceptance by use)",
    "Hugging Face",
    "policy-change-notice",
    "The Company reserves the right, at its sole discretion, to change the Policy at any time, which change will be effective 10 days following posting the revision to the Policy on the Hugging Face website (the “Website”). Your continued use of the Services 10 days following such posting means you accept those changes.",
    "low",
  ],
  [
    "continued use taken as acceptance of a changed policy stays medium",
    "Hugging Face",
    "contract-by-using",
    "The Company reserves the right, at its sole discretion, to change the Policy at any time, which change will be effective 10 days following posting the revision to the Policy on the Hugging Face website (the “Website”). Your continued use of the Services 10 days following such posting means you accept those changes.",
    "medium",
  ],
  [
    "hashed identifiers used for the platform's own marketing on third-party services are high",
    "Netflix",
    "targeted-advertising",
    "Netflix uses hashed identifiers and resettable identifiers to display marketing for our service or Netflix content on third party services, to support advertisements (including delivering advertisements to you), and for analytics and optimization purposes.",
    "high",
  ],
  [
    "content made 'relevant and personal' names no advertising",
    "Pinterest",
    "targeted-advertising",
    "We’re committed to showing you content that’s relevant, interesting and personal to you. To do that, we use your information to provide and improve your experience, including to:\nIdentify you when you use our Services.",
    "low",
  ],
  [
    "the right to opt out of a sale, stating no sale, is protective",
    "Bumble",
    "sale-of-data",
    "You have the right to opt-out of the “sale” or “sharing” of your personal information to third parties, as such terms are defined in applicable privacy law.",
    "protective",
  ],
  [
    "the right to opt out stated with a sale stays concerning",
    "Vimeo",
    "sale-of-data",
    "Do Not Sell. You have the right to opt out of the sale of your personal information, and to request information about whether we have sold your personal information in the past 12 months. When you use our services, we may share your personal information with advertising partners in a way that may constitute a sale under the CCPA. You may opt out via the link provided on the relevant page or app. If we do not provide an opt-out mechanism, it is because we do not believe in good faith that your personal information is being sold.",
    "concerning",
  ],
  [
    "health data named as what security laws protect is low: a word is not a practice (READING.md)",
    "Lyft",
    "sensitive-data",
    'As a Driver, you understand that some of the Confidential Information you receive may be protected by federal and/or state confidentiality laws, such as the Health Information Portability and Accountability Act of 1996 ("HIPAA"), governing the privacy and security of protected (patient) health information.',
    "low",
  ],
  [
    "sensitive data used, among other purposes to protect users' safety, stays medium",
    "Bluesky",
    "sensitive-data",
    "We use this sensitive information for the purposes described in Section 10, How We Use Personal Data, to the extent necessary to operate Bluesky and our Services, to enter into and perform on a contract with you, to comply with legal and regulatory requirements, to protect the safety of our users and third parties, or as otherwise permissible for our own internal purposes consistent with applicable laws.",
    "medium",
  ],
  [
    "what comes back from the payment processor (a token, a card's last digits) is routine: low",
    "Tumblr",
    "data-from-other-sources",
    "We do receive certain information from our Payment Processor: (1) a unique token that we connect with your Account to enable you to make further purchases using the information stored by our Payment Processor and (2) in certain cases, the last four digits of the credit card number associated with that token, so that we can prevent fraudulent transactions and identity theft.",
    "low",
  ],
  [
    "what businesses tell the platform about their dealings with you stays medium",
    "WhatsApp",
    "data-from-other-sources",
    "Businesses you interact with using our Services may provide us with information about their interactions with you.",
    "medium",
  ],
  [
    "disclosure when the platform believes it required or appropriate is at its own discretion: concerning",
    "Bluesky",
    "law-enforcement-disclosure",
    "We may access, preserve, and disclose any information we store if we, in good faith, believe doing so is required or appropriate to: (i) comply with law enforcement, regulatory, or national security requests and legal process, like a court order or subpoena; (ii) protect your, our, or others' rights, property, or safety; (iii) enforce our policies or contracts; (iv) collect amounts owed to us; or (v) assist with an investigation or prosecution of suspected or actual illegal activity.",
    "concerning",
  ],
  [
    "disclosure the law requires, in response to lawful requests, stays neutral",
    "Atlassian",
    "law-enforcement-disclosure",
    "In certain situations, Atlassian may be required to disclose personal data in response to lawful requests by public authorities, including to meet national security or law enforcement requirements.",
    "neutral",
  ],
  [
    "safeguards the platform implements stay protective beside its disclaimer, which is its own finding",
    "Atlassian",
    "security-measures",
    "While we implement safeguards designed to protect your information, no security system is impenetrable and due to the inherent nature of the Internet, we cannot guarantee that information, during transmission through the Internet or while stored on our systems or otherwise in our care, is absolutely safe from intrusion by others.",
    "protective",
  ],
  [
    "measures the platform uses to protect the data are protective, whatever it then disclaims",
    "Twitch",
    "security-measures",
    "Twitch uses a variety of managerial, technical, and physical measures to protect the integrity and security of your information. These measures may vary based on the sensitivity of your information. However, no security precautions or systems can be completely secure. We cannot ensure or warrant the security of any information you transmit to Twitch, and you do so at your own risk. We cannot guarantee that such information may not be accessed, disclosed, altered, or destroyed by breach of any of our physical, technical, or managerial safeguards.",
    "protective",
  ],
  [
    "measures left to the users to take are no commitment of the platform",
    "Vinted",
    "security-measures",
    "17.15 VINTED cannot be held liable for unpredictable events such as cyber attacks, security breaches regarding the transmission of data or for performance guarantees regarding the volume and speed of data transmissions. Users are responsible for taking all appropriate measures to protect their own data, software, equipment, and systems, particularly from contamination by any viruses circulating on the Internet.",
    "neutral",
  ],
  [
    "ads that are only non-targeted are routine, low (the corpus's wording is in two reading-set documents only)",
    "Samsung",
    "targeted-advertising",
    "Samsung processes this limited data on the basis of its legitimate interest to serve non-targeted ads.",
    "low",
  ],
  [
    "ads that are only non-targeted are no targeted-advertising practice, neutral",
    "Samsung",
    "targeted-advertising",
    "Samsung processes this limited data on the basis of its legitimate interest to serve non-targeted ads.",
    "neutral",
  ],
  [
    "personalised ads offered beside non-personalised ones stay medium",
    "LinkedIn",
    "targeted-advertising",
    "We offer you choices regarding personalized ads, but you cannot opt-out of seeing non-personalized ads.",
    "medium",
  ],
  [
    "AI used on the person's data with no model trained on it is low (Gmail terms)",
    "Gmail",
    "ai-model-training",
    "For example, we use artificial intelligence and machine learning to provide you with simultaneous translations and to better detect and block spam and malware.",
    "low",
  ],
  [
    "AI used on the person's data with no model trained on it is informational, neutral (Gmail terms)",
    "Gmail",
    "ai-model-training",
    "For example, we use artificial intelligence and machine learning to provide you with simultaneous translations and to better detect and block spam and malware.",
    "neutral",
  ],
  [
    "models trained on the person's data stay medium",
    "Spotify",
    "ai-model-training",
    "This includes development and training of algorithmic and machine learning models, which help us to keep our service safe and enhance our users’ experience.",
    "medium",
  ],
  [
    "a profile made invisible to others is hidden, not shown (the corpus's one instance)",
    "happn",
    "public-profile",
    "• The Member’s profile will be made invisible to other Members.",
    "protective",
  ],
];

describe("severity and polarity of privacy practices (READING.md)", () => {
  for (const [why, platform, id, text, expected] of CASES) {
    it(`${id}: ${why} (${platform})`, () => {
      const type = taxonomy.byId.get(id);
      assert.ok(type, id);
      const read = POLARITIES.includes(expected) ? resolvePolarity : resolveSeverity;
      assert.equal(read(type, text, []).value, expected);
    });
  }
});

describe("the opt-out link of US state laws (sale-of-data's do-not-sell-link pattern)", () => {
  const link = patternFires("sale-of-data", "do-not-sell-link");

  it("finds “Your Privacy Choices” named as a link or a control", () => {
    for (const [platform, text] of [
      [
        "Tinder",
        "If we “sell” or “share” your data or use it for “targeted advertising,” we will provide an opt out in the “Your Privacy Choices” link in the footer of our website and in the Settings menu of the app.",
      ],
      [
        "Spotify",
        "If you do not have an account or are not logged in, you can also opt-out by clicking the ['Your Privacy Choices'](https://www.spotify.com/us/legal/privacy-choices) link.",
      ],
      [
        "Zoom",
        "You can get more information and opt out of the use of cookies and other trackers on our website and app by clicking the Your Privacy Choices, also on our homepage, and setting your preferences.",
      ],
    ] as const)
      assert.ok(link(text), platform);
  });

  it("leaves a reference to the policy's own section of that name, and the words used plainly", () => {
    for (const [platform, text] of [
      ["Bluesky", "For more information, see Section 13, Your Privacy Choices and Rights."],
      [
        "Instacart (an in-page link)",
        "Details on how to exercise your choices with respect to marketing and interest-based advertisements can be found in [Your Privacy Choices](#otnotice-section-7a345332-a714-4524-a7e2-0f6bb5e9485e) below.",
      ],
      [
        "Vimeo",
        "This Privacy Policy explains the information that Vimeo collects when you use our products and services or otherwise interact with us, how that information is used, with whom it may be shared, and your privacy choices.",
      ],
    ] as const)
      assert.ok(!link(text), platform);
  });
});

/** A real sentence for a pattern: what it is and where it is from, its text, and whether the pattern finds its type. */
type WordingCase = [name: string, text: string, finds: boolean];

/** Selfies for the biometric reading of one (biometric data implies sensitive data: knowledge `implies`). */
const SELFIE_CASES: WordingCase[] = [
  [
    "finds a selfie taken for ID verification (Badoo privacy policy)",
    "If requested or permitted, photo of Government issued ID and selfie for ID verification",
    true,
  ],
  [
    "finds a selfie among the data a verification collects (Badoo privacy policy)",
    "Veriff will delete any data collected during the verification process, such as a selfie, the photograph of your ID, and any biometric data it may have collected, within 72 hours and never retain it for longer than 30 days after the verification is complete.",
    true,
  ],
  [
    "leaves selfies used as content (Microsoft privacy policy, 2024-06-25)",
    "Lens is a feature that uses Augmented Reality (AR) to transform your selfies in a fun way, such as making you look like your favorite animal.",
    false,
  ],
];

/**
 * Pattern wording as data: each pattern and the real sentences it must find, or leave, its type in; through the
 * type's subject gate, as classification reads it, or (`alone`) the pattern's expression alone.
 */
const WORDING: { title: string; typeId: string; patternId: string; alone?: true; cases: WordingCase[] }[] = [
  {
    title:
      "decisions about the person made automatically (automated-decisions' decisions-made-automatically pattern)",
    typeId: "automated-decisions",
    patternId: "decisions-made-automatically",
    alone: true,
    cases: [
      [
        "finds tools that render decisions about you automatically (Instacart, a reading-study document)",
        "For some of the uses described in Information Uses above, we may use technological tools that render decisions about you automatically.",
        true,
      ],
      [
        "leaves decisions on the person's requests that nothing says are automated (Bluesky)",
        "If you are a resident of certain U.S. States, you have the right to appeal decisions regarding your privacy requests.",
        false,
      ],
    ],
  },
  {
    title: "how a person types is biometric (biometric-data's keystroke-dynamics pattern)",
    typeId: "biometric-data",
    patternId: "keystroke-dynamics",
    cases: [
      [
        "finds keystroke rhythms among device data (TikTok privacy policy, the corpus's one instance)",
        "This information includes your device model, operating system, keystroke patterns or rhythms, IP address, system language and device settings.",
        true,
      ],
      [
        "leaves the recording of which keys are pressed to session replay (Instacart privacy policy, 2025-12-10)",
        "Session replays include users’ clicks, mouse movements, scrolls, and keystrokes/key touches during those sessions.",
        false,
      ],
    ],
  },
  {
    title:
      "recommendations chosen for the person (automated-decisions' personalised-recommendations pattern)",
    typeId: "automated-decisions",
    patternId: "personalised-recommendations",
    alone: true,
    cases: [
      [
        "finds personalised app recommendations (Microsoft, 2024-06-25)",
        "For example, Microsoft Store uses information about the apps and services you use to make personalised app recommendations.",
        true,
      ],
      [
        "finds relevant recommendations (Discord)",
        "We offer certain settings that control whether and how we may personalize Discord for you, such as offering you relevant recommendations for in-app content and features or delivering relevant sponsored content.",
        true,
      ],
      [
        "finds a feed personalised for the person (Vinted privacy policy)",
        "We also personalize item feeds by evaluating your preferences according to the following:",
        true,
      ],
      [
        "finds a feed personalised for the person (Instagram privacy policy)",
        "Personalize features and content (such as your Facebook Feed, Instagram Feed, our features that are part of AI at Meta and Stories);",
        true,
      ],
      [
        "leaves recommendations about a document, not chosen from the person (Microsoft)",
        "Experiences that use your Office content to provide you with design recommendations, editing suggestions, data insights, and similar features.",
        false,
      ],
    ],
  },
  {
    title: "automated analysis of the person's data (automated-decisions' automated-analysis pattern)",
    typeId: "automated-decisions",
    patternId: "automated-analysis",
    alone: true,
    cases: [
      [
        "finds an automated review that decides something about the person (Airbnb privacy policy, 2024-06-25)",
        "determine your country of residence based on automated review of your account information and your interactions with the Airbnb Platform,",
        true,
      ],
      [
        "leaves automated systems named as a category of users (Instacart terms)",
        "All requirements that apply to Automated Systems apply equally to AI Agents",
        false,
      ],
    ],
  },
  {
    title:
      "content and accounts screened by automated systems (automated-decisions' automated-moderation pattern)",
    typeId: "automated-decisions",
    patternId: "automated-moderation",
    cases: [
      [
        "finds automated systems that analyse content to detect abuse (YouTube terms of service, 2025-12-08)",
        "We may use automated systems that analyze your Content to help detect infringement and abuse, such as spam, malware, and illegal content.",
        true,
      ],
      [
        "finds accounts and messages reviewed by automated systems and moderators (Badoo privacy policy)",
        "We use a combination of internal automated systems and a team of moderators to monitor and review accounts (including photos and any other information uploaded onto member profiles) and messages for content that suggests a violation of our Terms and Conditions of Use.",
        true,
      ],
      [
        "leaves the user's own automated access, a rule for the user, alone (Proton Mail terms of service)",
        "Accessing the Services through automated means (including but not limited to bots, scripts, or similar technologies);",
        false,
      ],
    ],
  },
  {
    title:
      "disclosure compelled by law or made to the authorities (law-enforcement-disclosure's compelled-disclosure pattern)",
    typeId: "law-enforcement-disclosure",
    patternId: "compelled-disclosure",
    cases: [
      [
        "finds a violation reported to the appropriate authorities (Gmail privacy policy)",
        "In certain circumstances, we may also report the violation to the appropriate authorities.",
        true,
      ],
      [
        "leaves service providers' duty not to disclose alone (LinkedIn privacy policy)",
        "They will have access to your information as reasonably necessary to perform these tasks on our behalf and are obligated not to disclose or use it for other purposes.",
        false,
      ],
      [
        "leaves the user's own report to the police alone (Airbnb terms of service)",
        "If you feel that any Member you interact with, whether online or in person, is acting or has acted inappropriately, including but not limited to anyone who (i) engages in offensive, violent or sexually inappropriate behavior, (ii) you suspect of stealing from you, or (iii) engages in any other disturbing conduct, you should immediately report such person to the appropriate authorities and then to Airbnb by contacting us with your police station and report number (if available).",
        false,
      ],
    ],
  },
  {
    title: "the platform declining liability (limitation-of-liability's not-liable pattern, decisive)",
    typeId: "limitation-of-liability",
    patternId: "not-liable",
    cases: [
      [
        "finds a platform not responsible or liable in any way (iCloud terms of service)",
        "You acknowledge that Apple is not responsible or liable in any way for any Content provided by others and has no duty to screen such Content.",
        true,
      ],
      [
        "finds a platform not responsible for lost content (Vimeo terms of service)",
        "Vimeo is not responsible for the loss of any content.",
        true,
      ],
      [
        "needs the negation to govern the liability word (Instacart terms of service)",
        "If a payment is declined or not successfully made, you remain responsible for all amounts due.",
        false,
      ],
    ],
  },
  {
    title:
      "the platform closing the person's account (unilateral-termination's platform-closes-account pattern)",
    typeId: "unilateral-termination",
    patternId: "platform-closes-account",
    cases: [
      [
        "finds an account terminated at the platform's discretion after a chargeback (OkCupid terms of service)",
        "If you initiate a chargeback or otherwise reverse a payment made with your Payment Method, OkCupid may terminate your account immediately in its sole discretion, on the basis that you have determined that you do not want a OkCupid subscription.",
        true,
      ],
      [
        "leaves the person cancelling their own subscription alone (OkCupid terms of service)",
        "**To cancel a subscription**: If you do not want your subscription to renew automatically, or if you want to change or terminate your subscription, you must log in to your External Service Account and follow instructions to manage or cancel your subscription, even if you have otherwise deleted your account with us or if you have deleted the App from your device.",
        false,
      ],
      [
        "leaves an account the platform cannot delete alone (WeChat privacy policy)",
        "Note that we will not be able to delete your account if you have a positive balance in your Weixin Pay or WeChat Pay account or are the administrator of an Official Account or Mini Program.",
        false,
      ],
    ],
  },
  {
    title:
      "others sharing information about the person with the platform (data-from-other-sources' shared-with-us pattern)",
    typeId: "data-from-other-sources",
    patternId: "shared-with-us",
    cases: [
      [
        "finds websites and apps that share information with the platform (Google privacy policy)",
        "Websites and apps that integrate Google services like ads and analytics share information with us.",
        true,
      ],
      [
        "finds third parties that share information with the platform (Yelp privacy policy)",
        "This information may be shared with third parties, and third parties may share such information with us, for the same purposes.",
        true,
      ],
      [
        "leaves what the person shares alone (happn privacy policy, a study document: the corpus's one instance)",
        "When you use our Services, you share information with us, some of which may be used to identify you.",
        false,
      ],
    ],
  },
  {
    title: "coordinates are a precise location (sensitive-data's device-location pattern and subject)",
    typeId: "sensitive-data",
    patternId: "device-location",
    cases: [
      [
        "finds latitude and longitude collected from the device (Match privacy policy)",
        "If you give us permission, we can collect your geolocation (latitude and longitude) from your device.",
        true,
      ],
      [
        "finds the device's coordinates read for a feature (Badoo privacy policy, 2023-10-25)",
        "Our matching algorithms use the following data about you to predict your compatibility with others and generate profile recommendations: the things you tell us about yourself in your profile; information about your activity in our apps; whether you are a photo verified user; and your device coordinates, which are necessary to understand your proximity to other members.",
        true,
      ],
    ],
  },
  {
    title:
      "a selfie taken to verify who the person is is face data (biometric-data's selfie-for-identity pattern)",
    typeId: "biometric-data",
    patternId: "selfie-for-identity",
    cases: SELFIE_CASES,
  },
  {
    title: "an approximate location is not (sensitive-data's device-location pattern alone)",
    typeId: "sensitive-data",
    patternId: "device-location",
    alone: true,
    cases: [
      [
        "leaves an approximate location named without coordinates (Match privacy policy)",
        "When you complete your profile, you share additional details about you, such as your gender, interests, preferences, approximate location, etc.",
        false,
      ],
    ],
  },
];

for (const { title, typeId, patternId, alone, cases } of WORDING) {
  describe(title, () => {
    const finds = alone ? patternFires(typeId, patternId) : patternFindsType(typeId, patternId);
    for (const [name, text, expected] of cases) it(name, () => assert.equal(finds(text), expected));
  });
}

describe("a geographical position is a location (sensitive-data's subject)", () => {
  const sensitive = taxonomy.byId.get("sensitive-data")!;

  it("lets a policy's 'Geographical position' be read as location (happn, a study document: the corpus's one wording)", () => {
    assert.ok(
      mentionsSubject(
        sensitive,
        "Unless you have chosen stricter settings on your device, HAPPN will collect your Geographical position regularly.",
      ),
    );
  });

  it("still leaves a provision naming no sensitive category (happn)", () => {
    assert.ok(!mentionsSubject(sensitive, "• Crossing points with other Members"));
  });
});
