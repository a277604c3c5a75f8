/** The stylesheet served under a content-hashed path, so it can be cached for a year and never go stale. */
import { createHash } from "node:crypto";
import { STYLESHEET } from "./style.js";

const HASH = createHash("sha256").update(STYLESHEET).digest("hex").slice(0, 12);

/** URL path of the stylesheet (changes whenever its content does). */
export const STYLESHEET_PATH = `/assets/style.${HASH}.css`;
export { STYLESHEET };
