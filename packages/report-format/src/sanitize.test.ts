import { createRandom } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from './sanitize.js';

const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/** Code points weighted toward the dangerous ranges, plus ordinary text and emoji. */
const POOLS: [number, number][] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0xd800, 0xdfff],
  [0x20, 0x7e],
  [0x5d0, 0x5ea],
  [0x1f600, 0x1f64f],
  [0xfeff, 0xfeff],
];

function randomText(random: { next(): number }, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) {
    const [low, high] = POOLS[Math.floor(random.next() * POOLS.length)] ?? [0x41, 0x41];
    text += String.fromCodePoint(low + Math.floor(random.next() * (high - low + 1)));
  }
  return text;
}

describe('sanitizeForTerminal', () => {
  it('turns escape sequences and controls into visible escapes', () => {
    expect(sanitizeForTerminal('a\x1b[31mred\x1b]0;title\x07\0z')).toBe(
      'a\\x1b[31mred\\x1b]0;title\\x07\\x00z',
    );
    expect(sanitizeForTerminal('x\ny\tz\r\x7f\x9b')).toBe('x\\ny\\tz\\r\\x7f\\x9b');
  });

  it('escapes bidi overrides, zero-width chars and separators', () => {
    expect(sanitizeForTerminal('a\u202eb\u2066c\u200bd\u2028e\u2029f\ufeff')).toBe(
      'a\\u202eb\\u2066c\\u200bd\\u2028e\\u2029f\\ufeff',
    );
  });

  it('keeps ordinary text, right-to-left scripts and emoji', () => {
    expect(sanitizeForTerminal('héllo שלום 😀 "quoted" \\ back')).toBe(
      'héllo שלום 😀 "quoted" \\ back',
    );
  });

  it('truncates with an ellipsis and the original length', () => {
    const text = 'x'.repeat(5000);
    const out = sanitizeForTerminal(text, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out.endsWith('… (5000 chars)')).toBe(true);
    expect(sanitizeForTerminal('short', 40)).toBe('short');
  });

  it('never cuts an escape or a surrogate pair in half', () => {
    for (let limit = 20; limit < 40; limit++) {
      const out = sanitizeForTerminal('\x1b'.repeat(30) + '😀'.repeat(30), limit);
      const body = out.slice(0, out.indexOf('…'));
      expect(body).toMatch(/^(\\x1b|😀)*$/);
    }
  });

  it('leaves no unsafe character in seeded random input', () => {
    const random = createRandom(20260205);
    for (let round = 0; round < 2000; round++) {
      const text = randomText(random, 1 + Math.floor(random.next() * 60));
      const limit = random.next() < 0.5 ? undefined : 1 + Math.floor(random.next() * 50);
      const out = sanitizeForTerminal(text, limit);
      expect(UNSAFE.test(out), JSON.stringify(text)).toBe(false);
      expect(hasLoneSurrogate(out), JSON.stringify(text)).toBe(false);
      if (limit !== undefined) expect(out.length).toBeLessThanOrEqual(limit);
    }
  });
});
