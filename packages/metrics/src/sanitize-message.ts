/** Longest error message kept in a group, in characters. */
export const MAX_MESSAGE_CHARS = 200;

// C0 and C1 controls, DEL, bidi overrides/isolates and line separators: anything that could
// move a terminal's cursor or reorder text when a report is printed.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Makes an error message safe to print: controls escaped as `\uXXXX`, length bounded. */
export function sanitizeMessage(message: string): string {
  const short =
    message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
  return short.replace(UNSAFE, escapeChar);
}
