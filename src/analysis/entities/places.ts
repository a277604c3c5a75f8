/** Countries and regions to which data is transferred or in which it is stored. */
import { escapeRegex } from "./escape-regex.js";

/** Canonical name → the strings that name it. Upper-case abbreviations are matched in exact case only. */
const PLACES: Record<string, string[]> = {
  "United States": ["United States", "United States of America", "U.S.", "U.S.A.", "USA", "US"],
  "United Kingdom": ["United Kingdom", "U.K.", "UK", "Great Britain", "Britain"],
  "European Union": ["European Union", "EU"],
  "European Economic Area": ["European Economic Area", "EEA"],
  Switzerland: ["Switzerland", "Swiss"],
  Canada: ["Canada"],
  Mexico: ["Mexico"],
  Brazil: ["Brazil"],
  Argentina: ["Argentina"],
  Chile: ["Chile"],
  Colombia: ["Colombia"],
  Peru: ["Peru"],
  Uruguay: ["Uruguay"],
  "Costa Rica": ["Costa Rica"],
  Australia: ["Australia"],
  "New Zealand": ["New Zealand"],
  China: ["China", "People's Republic of China", "People’s Republic of China", "PRC", "Mainland China"],
  "Hong Kong": ["Hong Kong"],
  Taiwan: ["Taiwan"],
  Japan: ["Japan"],
  "South Korea": ["South Korea", "Republic of Korea", "Korea"],
  Singapore: ["Singapore"],
  India: ["India"],
  Pakistan: ["Pakistan"],
  Bangladesh: ["Bangladesh"],
  Indonesia: ["Indonesia"],
  Malaysia: ["Malaysia"],
  Philippines: ["Philippines"],
  Thailand: ["Thailand"],
  Vietnam: ["Vietnam", "Viet Nam"],
  Israel: ["Israel"],
  Turkey: ["Turkey", "Türkiye"],
  "United Arab Emirates": ["United Arab Emirates", "UAE"],
  "Saudi Arabia": ["Saudi Arabia"],
  Egypt: ["Egypt"],
  "South Africa": ["South Africa"],
  Nigeria: ["Nigeria"],
  Kenya: ["Kenya"],
  Russia: ["Russia", "Russian Federation"],
  Ukraine: ["Ukraine"],
  Ireland: ["Ireland", "Republic of Ireland"],
  Germany: ["Germany"],
  France: ["France"],
  Netherlands: ["Netherlands", "the Netherlands", "Holland"],
  Belgium: ["Belgium"],
  Luxembourg: ["Luxembourg"],
  Spain: ["Spain"],
  Portugal: ["Portugal"],
  Italy: ["Italy"],
  Austria: ["Austria"],
  Poland: ["Poland"],
  "Czech Republic": ["Czech Republic", "Czechia"],
  Slovakia: ["Slovakia"],
  Hungary: ["Hungary"],
  Romania: ["Romania"],
  Bulgaria: ["Bulgaria"],
  Greece: ["Greece"],
  Cyprus: ["Cyprus"],
  Malta: ["Malta"],
  Croatia: ["Croatia"],
  Slovenia: ["Slovenia"],
  Serbia: ["Serbia"],
  Sweden: ["Sweden"],
  Norway: ["Norway"],
  Denmark: ["Denmark"],
  Finland: ["Finland"],
  Iceland: ["Iceland"],
  Liechtenstein: ["Liechtenstein"],
  Estonia: ["Estonia"],
  Latvia: ["Latvia"],
  Lithuania: ["Lithuania"],
  EMEA: ["EMEA"],
  "Asia-Pacific": ["Asia-Pacific", "Asia Pacific", "APAC"],
  "Latin America": ["Latin America", "LATAM"],
  "Middle East": ["Middle East"],
};

/** Sentences about where data goes or sits; only places named in these are reported. */
const TRANSFER_TOPIC =
  /\b(transfer\w*|stor(e|es|ed|ing|age)|servers?|host(s|ed|ing)?|data cent(er|re)s?|located|based in|outside|cross-border|subprocess\w*|processed in|process it in|countries)\b/i;

const owner = new Map<string, string>();
const exact: string[] = [];
const folded: string[] = [];
for (const [name, aliases] of Object.entries(PLACES)) {
  for (const alias of aliases) {
    // "US" must not match the pronoun "us": short upper-case forms are matched in exact case only.
    const caseSensitive = /^[A-Z.]+$/.test(alias);
    owner.set(caseSensitive ? alias : alias.toLowerCase(), name);
    (caseSensitive ? exact : folded).push(alias);
  }
}
const bounded = (alternatives: string[], flags: string): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join("|")})(?![\\p{L}\\p{N}])`,
    flags,
  );
const EXACT = bounded(exact, "gu");
const FOLDED = bounded(folded, "giu");

/** Canonical names of the places named in one text, in order of first mention. */
export function findPlaces(text: string): string[] {
  const hits: { at: number; end: number; name: string }[] = [];
  for (const [regex, caseSensitive] of [
    [EXACT, true],
    [FOLDED, false],
  ] as const) {
    for (const m of text.matchAll(regex)) {
      const name = owner.get(caseSensitive ? m[0] : m[0].toLowerCase());
      if (name) hits.push({ at: m.index, end: m.index + m[0].length, name });
    }
  }
  hits.sort((a, b) => a.at - b.at || b.end - a.end);
  const out: string[] = [];
  let coveredTo = -1;
  for (const hit of hits) {
    if (hit.at < coveredTo) continue;
    coveredTo = hit.end;
    if (!out.includes(hit.name)) out.push(hit.name);
  }
  return out;
}

/** Whether a provision's heading or lead-in is about transfers: then every sentence of it counts. */
export function isTransferFrame(frame: string): boolean {
  return TRANSFER_TOPIC.test(frame);
}

/**
 * Places of transfer or storage named in a provision's sentences: those of sentences about transfers, or of
 * every sentence when the provision's heading or lead-in (`frame`) is about transfers.
 */
export function findTransferPlaces(allSentences: readonly string[], frame = ""): string[] {
  const frameIsTransfer = isTransferFrame(frame);
  const out: string[] = [];
  for (const sentence of allSentences) {
    if (!frameIsTransfer && !TRANSFER_TOPIC.test(sentence)) continue;
    for (const place of findPlaces(sentence)) if (!out.includes(place)) out.push(place);
  }
  return out;
}
