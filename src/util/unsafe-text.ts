/**
 * Characters that must not reach storage or a terminal from user input: control characters (NUL, which
 * PostgreSQL text cannot hold; escape sequences; CR/LF that forge lines) and, in names, bidirectional
 * controls such as U+202E, which make a name read differently from what it is ("Trojan Source").
 */

/** C0 controls, DEL and C1 controls. */
const CONTROL = /\p{Cc}/u;
/** Bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9). */
const BIDI = /\p{Bidi_Control}/u;
const CONTROL_OR_BIDI = /[\p{Cc}\p{Bidi_Control}]/gu;

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` is unsafe, or null when it is safe: the first control character (and, with `bidi`, the first
 * bidirectional control), e.g. "contains the control character U+0000".
 */
export function unsafeCharacterIn(text: string, options: { bidi: boolean }): string | null {
  const control = CONTROL.exec(text)?.[0];
  if (control !== undefined) return `contains the control character ${codePoint(control)}`;
  const bidi = options.bidi ? BIDI.exec(text)?.[0] : undefined;
  if (bidi !== undefined) return `contains the bidirectional control ${codePoint(bidi)}`;
  return null;
}

/** `text` with every control and bidirectional character shown as `\u{…}`, safe to print on a terminal. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_OR_BIDI, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}
