/**
 * Characters that can change what a terminal shows or does: C0/C1 controls (ESC starts CSI/OSC
 * sequences, 0x9b is the 8-bit CSI), DEL, bidi marks/overrides/isolates, zero-width characters,
 * line/paragraph separators, BOM, and lone surrogates.
 */
const UNSAFE_PATTERN = new RegExp(
  [
    '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e',
    '\\u2060-\\u2069\\ufeff]',
    '|[\\ud800-\\udbff](?![\\udc00-\\udfff])',
    '|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  ].join(''),
  'g',
);

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** An escape that may have been cut at the end of a truncated string. */
const PARTIAL_ESCAPE_AT_END = /\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?$/;

function escapeChar(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  const code = char.charCodeAt(0);
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_PATTERN, escapeChar);
}

function cutSafely(escaped: string, keepChars: number): string {
  let cut = escaped.slice(0, keepChars).replace(PARTIAL_ESCAPE_AT_END, '');
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Makes text from the data safe to print on a terminal: every control, escape, bidi, zero-width
 * and separator character becomes a visible escape such as `\x1b` or `\u202e`. With `maxLength`,
 * the result is at most that long and a cut is marked with an ellipsis and the original length.
 */
export function sanitizeForTerminal(text: string, maxLength?: number): string {
  if (maxLength === undefined) return escapeUnsafe(text);

  const limit = Math.max(1, Math.floor(maxLength));
  // Every input char yields at least one output char, so a prefix of `limit + 1` is enough.
  const escaped = escapeUnsafe(text.slice(0, limit + 1));
  if (escaped.length <= limit && text.length <= limit) return escaped;

  const marker = `… (${text.length} chars)`;
  if (marker.length >= limit) return cutSafely(escaped, limit - 1) + '…';
  return cutSafely(escaped, limit - marker.length) + marker;
}
