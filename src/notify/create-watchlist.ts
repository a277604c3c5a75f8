/** Checks and creates a watchlist. */
import { randomBytes } from "node:crypto";
import type { AlertCadence, AlertChannel, WatchFilter, Watchlist } from "../model/index.js";
import type { Repositories } from "../store/index.js";
import { InvalidTargetError } from "./errors.js";

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

/** Creates a watchlist with a fresh secret; it alerts on changes recorded from `now` on. */
export async function createWatchlist(
  repos: Repositories,
  input: WatchlistInput,
  now: string = new Date().toISOString(),
): Promise<Watchlist> {
  if (!input.name.trim()) throw new InvalidTargetError("a watchlist needs a name");
  if (input.filter.kinds.length === 0)
    throw new InvalidTargetError("a watchlist needs at least one kind of change");
  return repos.watchlists.create({
    name: input.name.trim(),
    channel: input.channel,
    target: checkTarget(input.channel, input.target),
    cadence: input.cadence,
    filter: input.filter,
    secret: randomBytes(24).toString("base64url"),
    createdAt: now,
  });
}
