/**
 * Classifies IP addresses as public Internet addresses or not, for the SSRF guard.
 * The rule is an allow-list in spirit: only globally routable unicast space is public; every special-purpose
 * range of the IANA registries (RFC 6890 and successors) that could reach a machine's own or a private
 * network is refused. IPv6 forms that embed an IPv4 address are judged by the embedded address.
 */
import { isIPv4, isIPv6 } from "node:net";

/** Why an address is or is not public. */
export type AddressRange =
  | "public"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "benchmarking"
  | "reserved";

/** Result of {@link classifyAddress}. */
export interface AddressClassification {
  /** The address as given (zone index removed). */
  address: string;
  version: 4 | 6;
  range: AddressRange;
  /** True only for `range === "public"`. */
  isPublic: boolean;
  /** For an IPv6 address that carries an IPv4 address (mapped, NAT64, 6to4), that address. */
  embeddedIPv4: string | null;
}

interface Ipv4Rule {
  base: number;
  prefix: number;
  range: AddressRange;
}

function ipv4ToNumber(address: string): number {
  const parts = address.split(".").map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function numberToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

function ipv4Rule(cidr: string, range: AddressRange): Ipv4Rule {
  const [base = "", prefix = "32"] = cidr.split("/");
  return { base: ipv4ToNumber(base), prefix: Number(prefix), range };
}

// Order matters only where ranges nest: the broadcast address sits inside 240/4.
const IPV4_RULES: readonly Ipv4Rule[] = [
  ipv4Rule("255.255.255.255/32", "broadcast"),
  ipv4Rule("0.0.0.0/8", "unspecified"),
  ipv4Rule("10.0.0.0/8", "private"),
  ipv4Rule("100.64.0.0/10", "shared"),
  ipv4Rule("127.0.0.0/8", "loopback"),
  ipv4Rule("169.254.0.0/16", "link-local"),
  ipv4Rule("172.16.0.0/12", "private"),
  ipv4Rule("192.0.0.0/24", "reserved"),
  ipv4Rule("192.0.2.0/24", "documentation"),
  ipv4Rule("192.31.196.0/24", "reserved"),
  ipv4Rule("192.52.193.0/24", "reserved"),
  ipv4Rule("192.88.99.0/24", "reserved"),
  ipv4Rule("192.168.0.0/16", "private"),
  ipv4Rule("192.175.48.0/24", "reserved"),
  ipv4Rule("198.18.0.0/15", "benchmarking"),
  ipv4Rule("198.51.100.0/24", "documentation"),
  ipv4Rule("203.0.113.0/24", "documentation"),
  ipv4Rule("224.0.0.0/4", "multicast"),
  ipv4Rule("240.0.0.0/4", "reserved"),
];

function classifyIpv4Number(value: number): AddressRange {
  for (const rule of IPV4_RULES) {
    const mask = rule.prefix === 0 ? 0 : (0xffffffff << (32 - rule.prefix)) >>> 0;
    if ((value & mask) >>> 0 === rule.base) return rule.range;
  }
  return "public";
}

/** Parses a valid IPv6 address (with `::` compression and an optional dotted IPv4 tail) into 128 bits. */
function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    const v4 = ipv4ToNumber(last);
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [headText = "", tailText] = text.split("::");
  const head = headText === "" ? [] : headText.split(":");
  const tail = tailText === undefined ? null : tailText === "" ? [] : tailText.split(":");
  const groups =
    tail === null ? head : [...head, ...new Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return value;
}

function inPrefix(value: bigint, base: bigint, prefix: number): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === base >> shift;
}

const V6 = (hex: string): bigint => ipv6ToBigInt(hex);

interface Ipv6Rule {
  base: bigint;
  prefix: number;
  range: AddressRange | "embedded-last-32" | "embedded-6to4";
}

const IPV6_RULES: readonly Ipv6Rule[] = [
  { base: 0n, prefix: 128, range: "unspecified" },
  { base: 1n, prefix: 128, range: "loopback" },
  { base: V6("::ffff:0:0"), prefix: 96, range: "embedded-last-32" },
  { base: V6("64:ff9b::"), prefix: 96, range: "embedded-last-32" },
  { base: V6("64:ff9b:1::"), prefix: 48, range: "private" },
  { base: V6("100::"), prefix: 64, range: "reserved" },
  { base: V6("2001:db8::"), prefix: 32, range: "documentation" },
  { base: V6("2001:2::"), prefix: 48, range: "benchmarking" },
  // Teredo, ORCHID and other IETF protocol assignments: tunnels or non-routable identifiers.
  { base: V6("2001::"), prefix: 23, range: "reserved" },
  { base: V6("2002::"), prefix: 16, range: "embedded-6to4" },
  { base: V6("3fff::"), prefix: 20, range: "documentation" },
  { base: V6("5f00::"), prefix: 16, range: "reserved" },
  { base: V6("fc00::"), prefix: 7, range: "private" },
  { base: V6("fe80::"), prefix: 10, range: "link-local" },
  { base: V6("fec0::"), prefix: 10, range: "private" },
  { base: V6("ff00::"), prefix: 8, range: "multicast" },
];

const GLOBAL_UNICAST = V6("2000::");

/**
 * Classifies an IP address literal (IPv4 dotted quad or IPv6, optionally in brackets or with a zone index).
 * Returns null when `address` is not an IP literal.
 */
export function classifyAddress(address: string): AddressClassification | null {
  let text = address.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (isIPv4(text)) {
    const range = classifyIpv4Number(ipv4ToNumber(text));
    return { address: text, version: 4, range, isPublic: range === "public", embeddedIPv4: null };
  }
  if (!isIPv6(text)) return null;
  const value = ipv6ToBigInt(text.toLowerCase());
  for (const rule of IPV6_RULES) {
    if (!inPrefix(value, rule.base, rule.prefix)) continue;
    if (rule.range === "embedded-last-32" || rule.range === "embedded-6to4") {
      const v4 =
        rule.range === "embedded-last-32"
          ? Number(value & 0xffffffffn)
          : Number((value >> 80n) & 0xffffffffn);
      const range = classifyIpv4Number(v4);
      return {
        address: text,
        version: 6,
        range,
        isPublic: range === "public",
        embeddedIPv4: numberToIpv4(v4),
      };
    }
    return { address: text, version: 6, range: rule.range, isPublic: false, embeddedIPv4: null };
  }
  // Everything outside 2000::/3 (including the deprecated IPv4-compatible ::/96) is not global unicast.
  const range: AddressRange = inPrefix(value, GLOBAL_UNICAST, 3) ? "public" : "reserved";
  return { address: text, version: 6, range, isPublic: range === "public", embeddedIPv4: null };
}

/** Human wording of a non-public range, for error messages ("a loopback address"). */
export function describeRange(range: AddressRange): string {
  switch (range) {
    case "public":
      return "a public address";
    case "loopback":
      return "a loopback address";
    case "private":
      return "a private-network address";
    case "link-local":
      return "a link-local address (this range includes cloud metadata services)";
    case "shared":
      return "a carrier-grade NAT (shared) address";
    case "unspecified":
      return "an unspecified or 'this network' address";
    case "multicast":
      return "a multicast address";
    case "broadcast":
      return "the broadcast address";
    case "documentation":
      return "a documentation-only address";
    case "benchmarking":
      return "a benchmarking-only address";
    case "reserved":
      return "a reserved or special-purpose address";
  }
}
