/** Categories of personal data named in a policy, from a curated vocabulary. */
import { LiteralPrefilters } from "../../util/literal-prefilter.js";

/** Canonical category → expression that names it (matched case-insensitively). */
export const DATA_CATEGORIES: readonly { name: string; regex: RegExp }[] = [
  {
    name: "name",
    regex:
      /\b(?:your|full|real|legal|first|last|given|family|display) names?\b|\b(?:such as|including|like|namely|e\.g\.,?) (?:your )?names?\b|\bnames?(?: and|,) (?:e-?mail|username|user name|(?:postal )?address|phone|contact)/i,
  },
  { name: "username", regex: /\buser ?names?\b|\bscreen names?\b/i },
  { name: "email address", regex: /\be-?mail address(?:es)?\b/i },
  { name: "phone number", regex: /\b(?:phone|telephone|mobile) numbers?\b/i },
  { name: "postal address", regex: /\b(?:postal|mailing|physical|billing|home|street) address(?:es)?\b/i },
  { name: "date of birth", regex: /\bdate of birth\b|\bbirth ?dates?\b|\bbirthdays?\b/i },
  { name: "age", regex: /\byour age\b|\bage (?:range|group|verification)\b/i },
  { name: "gender", regex: /\bgender\b/i },
  { name: "IP address", regex: /\bIP address(?:es)?\b|\binternet protocol address/i },
  {
    name: "device identifiers",
    regex:
      /\bdevice (?:identifiers?|IDs?)\b|\b(?:advertising|unique device) (?:identifiers?|IDs?)\b|\bIDFA\b|\bMAC address/i,
  },
  { name: "cookies and similar technologies", regex: /\bcookies?\b|\bweb beacons?\b|\btracking pixels?\b/i },
  {
    name: "browsing and usage data",
    regex:
      /\b(?:browsing|usage|clickstream|log) (?:data|information|history|files?)\b|\binternet or other electronic network activity\b/i,
  },
  { name: "precise location", regex: /\bprecise (?:geo)?location\b|\bGPS\b|\bexact location\b/i },
  {
    name: "approximate location",
    regex:
      /\b(?:approximate|general|coarse) (?:geo)?location\b|\b(?<!precise )(?:geo)?location (?:data|information)\b/i,
  },
  {
    name: "payment information",
    regex:
      /\b(?:payment|billing) (?:information|details|data)\b|\b(?:credit|debit|payment) cards?\b|\bcard (?:numbers?|details)\b|\bbank account\b|\bfinancial account numbers?\b/i,
  },
  {
    name: "purchase history",
    regex: /\bpurchas(?:e|ing) history\b|\btransaction (?:history|records|data)\b|\brecords of products\b/i,
  },
  {
    name: "financial information",
    regex: /\bfinancial (?:information|data)\b|\bcredit (?:history|score)\b/i,
  },
  { name: "health information", regex: /\b(?:health|medical) (?:information|data|records|conditions?)\b/i },
  {
    name: "biometric data",
    regex:
      /\bbiometric\w*\b|\bfacial (?:recognition|geometry|scans?)\b|\bface ?prints?\b|\bfingerprints?\b|\bvoice ?prints?\b/i,
  },
  {
    name: "government ID",
    regex:
      /\bgovernment[- ](?:issued )?(?:ID|identification|identifiers?)\b|\bpassports?\b|\bdriver'?s?[’']? licen[cs]es?\b|\bnational (?:ID|identity|identification)\b|\bsocial security numbers?\b|\bSSN\b|\bidentification issued by a governmental\b/i,
  },
  { name: "photos", regex: /\bphoto(?:graph)?s?\b|\bprofile pictures?\b/i },
  {
    name: "audio recordings",
    regex: /\b(?:voice|audio) (?:recordings?|data|information)\b|\baudio\/video recordings?\b/i,
  },
  { name: "video recordings", regex: /\bvideo (?:recordings?|footage)\b|\bwebcam\b/i },
  {
    name: "messages and communications",
    regex:
      /\bcontents? of (?:your )?(?:messages|communications)\b|\bmessages (?:you send|to us)\b|\bchat (?:logs|transcripts)\b/i,
  },
  { name: "contacts", regex: /\bcontact lists?\b|\baddress books?\b|\bphone contacts\b/i },
  {
    name: "social media profile",
    regex: /\bsocial (?:media|network(?:ing)?) (?:profiles?|accounts?|information)\b/i,
  },
  {
    name: "employment information",
    regex:
      /\b(?:employment|professional)(?:[- ]related)? (?:information|history)\b|\bjob titles?\b|\bemployment history\b/i,
  },
  {
    name: "education information",
    regex: /\beducation(?:al)? (?:information|history|background|records)\b/i,
  },
  {
    name: "course progress",
    regex:
      /\bcourse (?:progress|activity|completion|participation)\b|\bprogress (?:in|toward|towards|through) (?:the |your |our )?(?:course|curriculum|program|certifications?)|\bcompletion status\b|\blessons you have completed\b|\bactivity and performance in\b/i,
  },
  {
    name: "grades and assessment results",
    regex:
      /\bgrades\b|\b(?:test|exam|assessment|quiz) (?:results|scores|answers)\b|\bassessing your performance\b|\bperformance in (?:the |that |a )?courses?\b/i,
  },
  {
    name: "certificates",
    regex: /\bcertificates?\b|\b(?:developer )?certifications? (?:you(?:'|’)ve|you have) earned\b/i,
  },
  { name: "passwords and credentials", regex: /\bpasswords?\b|\blogin credentials\b/i },
  { name: "racial or ethnic origin", regex: /\b(?:racial|ethnic) origin\b|\bethnicity\b|\brace\b/i },
  { name: "religious beliefs", regex: /\breligio(?:n|us) (?:beliefs?|affiliation)?/i },
  { name: "sexual orientation", regex: /\bsexual (?:orientation|life)\b/i },
  { name: "political opinions", regex: /\bpolitical (?:opinions?|views|affiliations?)\b/i },
  { name: "genetic data", regex: /\bgenetic (?:data|information)\b/i },
  { name: "criminal records", regex: /\bcriminal (?:records?|convictions?|history|offen[cs]es)\b/i },
  { name: "inferences", regex: /\binferences?\b/i },
  {
    name: "user content",
    regex: /\buser[- ]generated content\b|\bcontent (?:you|that you) (?:post|upload|submit|create|share)\b/i,
  },
];

/** "We do not collect …": a category named only to be denied is not collected. */
const DENIAL =
  /\b(?:do|does|will) not (?:\w+ ){0,2}(?:collect|process|store|request|ask for|require)\b|\bnever (?:collect|process|store|ask for)\b/i;

/**
 * Each category's literal prefilter: most sentences name no category, and one scan of the sentence for the
 * literals of all categories rules them out far faster than forty regexes.
 */
const prefilters = new LiteralPrefilters();
const PREFILTERS = DATA_CATEGORIES.map((category) => prefilters.add(category.regex));

/** Canonical categories named in the sentences, in order of first mention; denied mentions are ignored. */
export function findDataCategories(allSentences: readonly string[]): string[] {
  const found: string[] = [];
  for (const sentence of allSentences) {
    if (DENIAL.test(sentence)) continue;
    const may = prefilters.mayMatchEach(PREFILTERS, sentence);
    DATA_CATEGORIES.forEach((category, k) => {
      if (may[k] === 0 || found.includes(category.name)) return;
      if (category.regex.test(sentence)) found.push(category.name);
    });
  }
  return found;
}
