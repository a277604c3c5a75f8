/**
 * `[\p{L}\p{N}]` without the `u` flag. V8 runs `u` regexes several times slower over long texts (code-point
 * iteration, case folding); on a text without surrogates a non-`u` regex using this class, or a scanner reading
 * {@link bmpCharClasses}, finds exactly what the `u` one finds, so hot paths pick them when {@link hasSurrogates}
 * is false.
 */

/** Bit of {@link bmpCharClasses}: the code unit is a letter (`\p{L}`). */
export const LETTER = 1;
/** Bit of {@link bmpCharClasses}: the code unit is a number (`\p{N}`). */
export const NUMBER = 2;

function buildClasses(): Uint8Array {
  // Every Basic Multilingual Plane code unit except the surrogates, read once by the `u` classes themselves.
  const codes = new Uint16Array(0x10000 - 0x800);
  let n = 0;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) codes[n++] = c;
  let all = "";
  for (let k = 0; k < codes.length; k += 8192)
    all += String.fromCharCode(...codes.subarray(k, Math.min(codes.length, k + 8192)));
  const classes = new Uint8Array(0x10000);
  for (const [regex, bit] of [
    [/\p{L}+/gu, LETTER],
    [/\p{N}+/gu, NUMBER],
  ] as const) {
    for (const run of all.matchAll(regex)) {
      for (let k = 0; k < run[0].length; k++) {
        const c = run[0].charCodeAt(k);
        classes[c] = classes[c]! | bit;
      }
    }
  }
  return classes;
}

let classes: Uint8Array | null = null;

/**
 * For every code unit, its {@link LETTER} and {@link NUMBER} bits (0 for surrogates). Built on first use
 * (≈ 10 ms) from the engine's own Unicode tables, so it follows the running Node version.
 */
export function bmpCharClasses(): Uint8Array {
  classes ??= buildClasses();
  return classes;
}

function bmpLetterOrDigitClass(): string {
  const table = bmpCharClasses();
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
  let body = "";
  for (let c = 0; c < 0x10000; c++) {
    if (table[c] === 0) continue;
    const first = c;
    while (c + 1 < 0x10000 && table[c + 1] !== 0) c++;
    body += first === c ? hex(first) : `${hex(first)}-${hex(c)}`;
  }
  return body;
}

let classBody: string | null = null;

/**
 * The body (without brackets) of a character class equal to `[\p{L}\p{N}]` on every code unit outside the
 * surrogate range.
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
