/** Cloudflare rewrites e-mail addresses into this endpoint plus an XOR-encoded fragment, new at each fetch. */
const EMAIL_PROTECTION = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)$/i;

/**
 * The URL a link points to, made absolute against `base` as a browser would; fragment-only links stay
 * relative (as in OTA, they point inside the document). Cloudflare-protected addresses become `mailto:`
 * links. Null for links that lead nowhere (`javascript:`, empty).
 */
export function resolveHref(href: string, base: URL | null): string | null {
  const trimmed = href.trim();
  if (!trimmed || /^javascript:/i.test(trimmed)) return null;
  if (trimmed.startsWith("#")) return trimmed;
  const protectedEmail = EMAIL_PROTECTION.exec(trimmed);
  if (protectedEmail) {
    const email = decodeCloudflareEmail(protectedEmail[1] as string);
    if (email) return `mailto:${email}`;
  }
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return trimmed;
  }
}

/**
 * Decodes Cloudflare's e-mail obfuscation: hex bytes, the first being the XOR key of the others.
 * Returns null when the result is not a plausible address, so that garbage never enters a version.
 */
export function decodeCloudflareEmail(hex: string): string | null {
  if (hex.length < 4 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(hex)) return null;
  const key = Number.parseInt(hex.slice(0, 2), 16);
  let email = "";
  for (let i = 2; i < hex.length; i += 2)
    email += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16) ^ key);
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}
