import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, toLineColumn } from './json-error-position.js';

describe('findJsonErrorOffset', () => {
  it('returns null for valid JSON of every kind', () => {
    const valid = [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9"]} ',
      '"s"',
      '0',
    ];
    for (const text of valid) expect(findJsonErrorOffset(text), text).toBeNull();
  });

  it('points at the first bad character', () => {
    expect(findJsonErrorOffset('not json')).toBe(0);
    expect(findJsonErrorOffset('{"a":}')).toBe(5);
    expect(findJsonErrorOffset('[1,2,,3]')).toBe(5);
    expect(findJsonErrorOffset('{"a":1}x')).toBe(7);
    expect(findJsonErrorOffset('{"a":1')).toBe(6);
    expect(findJsonErrorOffset('{"a":"x\u0001"}')).toBe(7);
    expect(findJsonErrorOffset('{a:1}')).toBe(1);
    expect(findJsonErrorOffset('[01]')).toBe(2);
  });

  it('agrees with JSON.parse about validity on mutated documents', () => {
    const base = '{"reports":[{"a":1.5,"b":[true,null,"x"]}],"n":-3}';
    for (let i = 0; i < base.length; i++) {
      for (const replacement of ['', 'x', ',', '"', '}']) {
        const text = base.slice(0, i) + replacement + base.slice(i + 1);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonErrorOffset(text) === null, text).toBe(valid);
      }
    }
  });

  it('converts offsets to 1-based line and column', () => {
    expect(toLineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(toLineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
