import type { Document, Element } from "domhandler";
import { DomUtils } from "htmlparser2";

/** A named clean-up step that a declaration can ask for, run on the page before `remove` and `select`. */
type Filter = (doc: Document, base: URL | null) => void;

/** Click-tracking parameters, as in Open Terms Archive's exposed `removeQueryParams` filter. */
const TRACKING_PARAMS = [
  "__hsfp",
  "__hssc",
  "__hstc",
  "__s",
  "_hsenc",
  "_openstat",
  "dclid",
  "fbclid",
  "gclid",
  "hsCtaTracking",
  "mc_eid",
  "mkt_tok",
  "ml_subscriber",
  "ml_subscriber_hash",
  "msclkid",
  "oly_anon_id",
  "oly_enc_id",
  "rb_clickid",
  "s_cid",
  "vero_conv",
  "vero_id",
  "wickedid",
  "yclid",
];

const FILTERS: Readonly<Record<string, Filter>> = { removeQueryParams };

/** Filters whose effect the extractor always has (here: every Unicode space becomes a plain space). */
const BUILT_IN = new Set(["convertSpacesToStandard"]);

/**
 * Runs the declared filters in order. Open Terms Archive filters are JavaScript functions shipped with
 * each collection; only the generic ones it exposes exist here, and any other name is skipped with a
 * warning rather than failing the whole extraction.
 */
export function applyFilters(
  doc: Document,
  names: readonly string[],
  base: URL | null,
  warnings: string[],
): void {
  for (const name of names) {
    const filter = FILTERS[name];
    if (filter) filter(doc, base);
    else if (!BUILT_IN.has(name)) warnings.push(`filter "${name}" is not available; ignored`);
  }
}

/** Drops click-tracking parameters from links and images, which change from one capture to the next. */
function removeQueryParams(doc: Document, base: URL | null): void {
  const elements = DomUtils.findAll(
    (el) => (el.name === "a" && !!el.attribs.href) || (el.name === "img" && !!el.attribs.src),
    doc,
  );
  for (const el of elements) stripTracking(el, el.name === "a" ? "href" : "src", base);
}

function stripTracking(el: Element, attribute: string, base: URL | null): void {
  let url: URL;
  try {
    url = new URL(el.attribs[attribute] as string, base ?? undefined);
  } catch {
    return; // a link that is not a URL has no parameters to strip
  }
  if (!TRACKING_PARAMS.some((param) => url.searchParams.has(param))) return;
  for (const param of TRACKING_PARAMS) url.searchParams.delete(param);
  el.attribs[attribute] = url.href;
}
