/**
 * `[\p{L}\p{N}]` for regexes without the `u` flag. V8 runs `u` regexes several times slower over long texts
 * (code-point iteration, case folding); on a text without surrogates a non-`u` regex using this class finds
 * exactly what the `u` one finds, so hot paths pick it when {@link hasSurrogates} is false.
 */

function bmpLetterOrDigitClass(): string {
  // Every Basic Multilingual Plane code unit except the surrogates, read once by the `u` class itself (≈ 10 ms).
  const codes = new Uint16Array(0x10000 - 0x800);
  let n = 0;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) codes[n++] = c;
  let all = "";
  for (let k = 0; k < codes.length; k += 8192)
    all += String.fromCharCode(...codes.subarray(k, Math.min(codes.length, k + 8192)));
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
  let body = "";
  for (const run of all.matchAll(/[\p{L}\p{N}]+/gu)) {
    const first = run[0].charCodeAt(0);
    const last = run[0].charCodeAt(run[0].length - 1);
    body += first === last ? hex(first) : `${hex(first)}-${hex(last)}`;
  }
  return body;
}

let classBody: string | null = null;

/**
 * The body (without brackets) of a character class equal to `[\p{L}\p{N}]` on every code unit outside the
 * surrogate range. Built on first use from the engine's own Unicode tables, so it follows the running Node version.
 */
export function bmpLetterOrDigit(): string {
  classBody ??= bmpLetterOrDigitClass();
  return classBody;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether `text` holds any surrogate code unit (astral characters), where `u` and non-`u` regexes differ. */
export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}
