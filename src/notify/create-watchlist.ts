/** Checks and creates a watchlist. */
import { randomBytes } from "node:crypto";
import { createNetworkPolicy, RefusedHostError } from "../archive/fetch/network-policy.js";
import type { AlertCadence, AlertChannel, WatchFilter, Watchlist } from "../model/index.js";
import type { Repositories } from "../store/index.js";
import { unsafeCharacterIn } from "../util/unsafe-text.js";
import { InvalidTargetError, InvalidWatchlistError } from "./errors.js";

/** What `watch add` asks for. */
export interface WatchlistInput {
  name: string;
  channel: AlertChannel;
  target: string | null;
  cadence: AlertCadence;
  filter: WatchFilter;
}

// Deliberately loose: one @, no spaces or angle brackets; the SMTP server has the final word.
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The target, checked for its channel; throws `InvalidTargetError` saying what is wrong. */
export function checkTarget(channel: AlertChannel, target: string | null): string | null {
  if (channel === "atom") {
    if (target) throw new InvalidTargetError("an Atom watchlist has no target: it is read at its feed URL");
    return null;
  }
  if (!target) throw new InvalidTargetError(`a ${channel} watchlist needs a target`);
  const unsafe = unsafeCharacterIn(target, { bidi: true });
  if (unsafe) throw new InvalidTargetError(`the target ${unsafe}`);
  if (channel === "email") {
    if (!EMAIL.test(target)) throw new InvalidTargetError(`not an e-mail address: ${target}`);
    return target;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new InvalidTargetError(`not a URL: ${target}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InvalidTargetError(`webhooks are http or https URLs, not ${url.protocol}`);
  if (url.username || url.password) throw new InvalidTargetError("put no credentials in the webhook URL");
  return url.href;
}

/** How long the check of a webhook's host waits for DNS before leaving it to delivery. */
const RESOLVE_TIMEOUT_MS = 3000;

/**
 * Refuses a webhook the delivery guard would refuse: private or loopback literals, private-namespace names,
 * and names that resolve into private networks now. Delivery checks every connection again (DNS answers
 * change); this only spares the owner a watchlist that could never deliver. A name that does not resolve
 * (yet) is accepted: its alerts wait, failing, like any unreachable webhook's.
 */
async function checkWebhookHost(target: string, allowPrivateNetwork: boolean): Promise<void> {
  if (allowPrivateNetwork) return;
  const policy = createNetworkPolicy({ allowPrivateNetwork });
  const refusal = await new Promise<RefusedHostError | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), RESOLVE_TIMEOUT_MS);
    policy.lookup(new URL(target).hostname, { all: true }, (error) => {
      clearTimeout(timer);
      resolve(error instanceof RefusedHostError ? error : null);
    });
  });
  if (refusal) throw new InvalidTargetError(`webhook refused: ${refusal.message}`);
}

/** Options of {@link createWatchlist}. */
export interface CreateWatchlistOptions {
  /** Creation time: the watchlist alerts on changes recorded from then on. Default: now. */
  now?: string;
  /** The API key creating it (null from the CLI). */
  ownerKeyId?: number | null;
  /** Accept webhooks on loopback and private addresses (tests, private deployments). Default: refused. */
  allowPrivateNetwork?: boolean;
}

/**
 * Creates a watchlist with a fresh secret; throws `InvalidTargetError` (the target) or `InvalidWatchlistError`
 * (the name or filter) saying what is wrong with the input.
 */
export async function createWatchlist(
  repos: Repositories,
  input: WatchlistInput,
  options: CreateWatchlistOptions = {},
): Promise<Watchlist> {
  if (!input.name.trim()) throw new InvalidTargetError("a watchlist needs a name");
  // Names are printed on terminals and pages: no control characters, and no bidi controls that disguise them.
  const unsafeName = unsafeCharacterIn(input.name, { bidi: true });
  if (unsafeName) throw new InvalidWatchlistError(`name: ${unsafeName}`);
  for (const [i, termsType] of input.filter.termsTypes.entries()) {
    const unsafe = unsafeCharacterIn(termsType, { bidi: true });
    if (unsafe) throw new InvalidWatchlistError(`filter.termsTypes.${i}: ${unsafe}`);
  }
  if (input.filter.kinds.length === 0)
    throw new InvalidTargetError("a watchlist needs at least one kind of change");
  const target = checkTarget(input.channel, input.target);
  if (input.channel === "webhook" && target)
    await checkWebhookHost(target, options.allowPrivateNetwork ?? false);
  return repos.watchlists.create({
    name: input.name.trim(),
    channel: input.channel,
    target,
    cadence: input.cadence,
    filter: input.filter,
    secret: randomBytes(24).toString("base64url"),
    createdAt: options.now ?? new Date().toISOString(),
    ownerKeyId: options.ownerKeyId ?? null,
  });
}
