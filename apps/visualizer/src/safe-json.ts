/**
 * JSON.stringify escapes C0 controls but leaves C1 controls (0x9b is an 8-bit CSI), DEL, bidi
 * overrides and line separators raw; escaping them keeps the JSON identical for parsers and
 * harmless on a terminal.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Pretty JSON whose text is safe to print on a terminal. */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
