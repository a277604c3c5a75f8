/**
 * The SSRF guard: decides which hosts and addresses a fetch may contact.
 * It is applied twice: to the URL's host before any connection (IP literals never go through DNS), and inside
 * the socket's DNS lookup, so the address checked is the address connected to and a DNS answer that changes
 * between check and use (DNS rebinding) cannot slip through.
 */
import { type LookupAddress, type LookupAllOptions, lookup as systemLookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { type AddressClassification, classifyAddress, describeRange } from "./address-classifier.js";

/** Decides whether one resolved address may be contacted; `host` is the name it was resolved from. */
export type AddressPredicate = (classification: AddressClassification, host: string) => boolean;

/** Resolves every address of a host name, like `dns.lookup(host, { all: true })`. */
export type ResolveAll = (hostname: string) => Promise<LookupAddress[]>;

/** Thrown inside the guarded lookup; the HTTP layer turns it into a `PrivateNetworkError` naming the URL. */
export class RefusedHostError extends Error {
  readonly host: string;
  readonly address: string | null;
  readonly reason: string;

  constructor(host: string, address: string | null, reason: string) {
    super(`Refused to connect to ${host}${address ? ` (${address})` : ""}: ${reason}.`);
    this.name = "RefusedHostError";
    this.host = host;
    this.address = address;
    this.reason = reason;
  }
}

/** Settings of {@link createNetworkPolicy}. */
export interface NetworkPolicyOptions {
  /** Allow every address (tests, private deployments). */
  allowPrivateNetwork: boolean;
  /** Replaces the default address rule when given. */
  isAddressAllowed?: AddressPredicate;
  /** DNS resolver; the system resolver by default. Injected in tests. */
  resolveAll?: ResolveAll;
}

/** A compiled SSRF policy. */
export interface NetworkPolicy {
  readonly allowPrivateNetwork: boolean;
  /** Throws `RefusedHostError` when the URL's host is a refused IP literal or a refused host name. */
  checkHost(hostname: string): void;
  /** Drop-in `lookup` for `net.connect`/`tls.connect` that refuses non-public answers. */
  readonly lookup: LookupFunction;
}

// Names that designate cloud metadata services or private name spaces whatever they resolve to.
const BLOCKED_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data"]);
const BLOCKED_SUFFIXES = [".internal", ".local", ".localdomain", ".home.arpa", ".intranet", ".lan"];

function normaliseHostname(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith("[") && host.endsWith("]")) host = host.slice(1, -1);
  // "example.com." and "example.com" are the same name; a trailing dot must not dodge the name rules.
  while (host.endsWith(".")) host = host.slice(0, -1);
  return host;
}

const systemResolveAll: ResolveAll = (hostname) =>
  new Promise((resolve, reject) => {
    const options: LookupAllOptions = { all: true };
    systemLookup(hostname, options, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/** Builds the policy used by every connection of one fetch. */
export function createNetworkPolicy(options: NetworkPolicyOptions): NetworkPolicy {
  const resolveAll = options.resolveAll ?? systemResolveAll;
  const isAllowed: AddressPredicate =
    options.isAddressAllowed ?? ((classification) => options.allowPrivateNetwork || classification.isPublic);

  function checkAddress(host: string, address: string): void {
    const classification = classifyAddress(address);
    if (classification === null) throw new RefusedHostError(host, address, "not an IP address");
    if (!isAllowed(classification, host)) {
      throw new RefusedHostError(host, classification.address, describeRange(classification.range));
    }
  }

  function checkHost(hostname: string): void {
    const host = normaliseHostname(hostname);
    if (host === "") throw new RefusedHostError(hostname, null, "an empty host name");
    if (classifyAddress(host) !== null) {
      checkAddress(host, host);
      return;
    }
    if (options.allowPrivateNetwork) return;
    if (BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
      throw new RefusedHostError(host, null, "a metadata or private-network host name");
    }
  }

  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    const fail = (error: NodeJS.ErrnoException): void => callback(error, "", 0);
    let host: string;
    try {
      checkHost(hostname);
      host = normaliseHostname(hostname);
    } catch (error) {
      fail(error as NodeJS.ErrnoException);
      return;
    }
    resolveAll(host).then(
      (all) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const addresses = wanted === 0 ? all : all.filter((entry) => entry.family === wanted);
        try {
          if (addresses.length === 0) throw new RefusedHostError(host, null, "a name without addresses");
          // Refuse the host if any answer is refused: a mixed answer is a classic rebinding trick.
          for (const entry of addresses) checkAddress(host, entry.address);
        } catch (error) {
          fail(error as NodeJS.ErrnoException);
          return;
        }
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => fail(error),
    );
  };

  return { allowPrivateNetwork: options.allowPrivateNetwork, checkHost, lookup };
}
