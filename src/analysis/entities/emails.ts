/** Contact e-mail addresses, the privacy ones first. */

const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
/** EMAIL tried at one position only. */
const EMAIL_AT = new RegExp(EMAIL.source, "y");
/** Characters of a local part (EMAIL's first class), by code unit. */
const LOCAL = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
  LOCAL[c.charCodeAt(0)] = 1;

/**
 * The matches of EMAIL in `text`, in order. Every match holds exactly one "@" and can only start where the run of
 * local-part characters before that "@" starts (its lookbehind forbids any later start), so the expression is
 * tried there alone instead of at every position of the text: most provisions have no "@" at all.
 */
export function emailMatches(text: string): { index: number; address: string }[] {
  const out: { index: number; address: string }[] = [];
  let searchedTo = 0;
  for (let at = text.indexOf("@"); at >= 0; ) {
    let start = at;
    while (start > searchedTo && LOCAL[text.charCodeAt(start - 1)] === 1) start--;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (m) {
      out.push({ index: start, address: m[0] });
      searchedTo = start + m[0].length;
      at = text.indexOf("@", searchedTo);
    } else at = text.indexOf("@", at + 1);
  }
  return out;
}
/** "logo@2x.png" is an image, not an address. */
const FILE_SUFFIX = /\.(png|jpe?g|gif|svg|webp|ico|css|js)$/i;
const PRIVACY_LOCAL_PART = /privacy|dpo|data-?protection|gdpr|ccpa|datenschutz|rgpd|dsar/i;
const PRIVACY_CONTEXT =
  /privacy|data protection|\bDPO\b|personal (data|information)|your rights|delete your|access (to )?your/i;
/** Characters either side of an address, within its paragraph, read to decide whether it is a privacy contact. */
const WINDOW = 200;

/** An e-mail address found in a document. */
export interface FoundEmail {
  /** Lower-cased address. */
  address: string;
  /** 2: the address itself says privacy/DPO; 1: the text around it does; 0: neither. */
  privacyRank: 0 | 1 | 2;
}

/** Whether an address is, by its own local part, a privacy or data-protection contact. */
export function isPrivacyAddress(address: string): boolean {
  return PRIVACY_LOCAL_PART.test(address.split("@")[0] ?? "");
}

/**
 * Distinct e-mail addresses of a text, ordered privacy contacts first (by rank), then by first appearance.
 * Addresses are read in link targets too (`mailto:`), since link text may be "write to us".
 */
export function findEmails(markdown: string): FoundEmail[] {
  // Percent-escapes in mailto: targets ("mailto:%20dpo@x.com") would glue to the address.
  const text = markdown.replace(/%[0-9A-Fa-f]{2}/g, " ");
  const found = new Map<string, { rank: 0 | 1 | 2; order: number }>();
  for (const m of emailMatches(text)) {
    const address = m.address.toLowerCase();
    if (FILE_SUFFIX.test(address)) continue;
    // The paragraph (line) around the address, at most WINDOW characters either side.
    const lineStart = text.lastIndexOf("\n", m.index) + 1;
    const lineEnd = text.indexOf("\n", m.index);
    const around = text.slice(
      Math.max(lineStart, m.index - WINDOW),
      Math.min(lineEnd === -1 ? text.length : lineEnd, m.index + m.address.length + WINDOW),
    );
    const rank: 0 | 1 | 2 = isPrivacyAddress(address) ? 2 : PRIVACY_CONTEXT.test(around) ? 1 : 0;
    const known = found.get(address);
    if (!known) found.set(address, { rank, order: found.size });
    else if (rank > known.rank) known.rank = rank;
  }
  return [...found]
    .sort(([, a], [, b]) => b.rank - a.rank || a.order - b.order)
    .map(([address, { rank }]) => ({ address, privacyRank: rank }));
}
