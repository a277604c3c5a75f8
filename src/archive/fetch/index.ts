/**
 * Fetch stage of the archive (PRODUCT.md A3): HTTP(S) with an SSRF guard, headless Chromium, local files.
 * A process that used `executeClientScripts` must call `closeBrowser()` before exiting: the shared
 * Chromium keeps the event loop alive. `createNetworkPolicy` + `createGuardedAgent` give any other outbound
 * client (e.g. webhook delivery to user-supplied URLs) the same SSRF protection.
 */
export {
  type AddressClassification,
  type AddressRange,
  classifyAddress,
  describeRange,
} from "./address-classifier.js";
export { closeBrowser } from "./browser-pool.js";
export { detectCharset } from "./charset.js";
export { findChromium } from "./chromium-path.js";
export * from "./errors.js";
export { fetchDocument } from "./fetch-document.js";
export { DEFAULT_USER_AGENT, type FetchOptions } from "./fetch-options.js";
export type { FetchMethod, FetchResult } from "./fetch-result.js";
export { createGuardedAgent } from "./guarded-agent.js";
export { type ParsedLocation, parseLocation } from "./location.js";
export {
  determineMimeType,
  mimeTypeFromContentType,
  mimeTypeFromExtension,
  sniffMimeType,
} from "./mime-type.js";
export { type AddressPredicate, createNetworkPolicy, type NetworkPolicy } from "./network-policy.js";
export { backoffDelay, parseRetryAfter } from "./retry.js";
